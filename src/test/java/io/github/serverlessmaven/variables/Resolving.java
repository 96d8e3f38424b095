package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.YamlLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Test helper: a resolver over a YAML string with chosen options, environment and sources. */
final class Resolving {

    final Map<String, String> options = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    final Map<String, String> maven = new HashMap<>(Map.of("project.version", "1.2.3"));
    final Map<String, VariableSource> sources = new HashMap<>();
    final Set<String> secretEnv = new HashSet<>();
    Path baseDir = Path.of(".");
    VariableResolver resolver;

    Resolving option(String name, String value) {
        options.put(name, value);
        return this;
    }

    Resolving env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Resolving secretEnv(String name) {
        secretEnv.add(name);
        return this;
    }

    Resolving source(String name, VariableSource source) {
        sources.put(name, source);
        return this;
    }

    Resolving baseDir(Path dir) {
        baseDir = dir;
        return this;
    }

    Node resolve(String yaml) {
        resolver = new VariableResolver(new VariableContext(options, env, maven, baseDir, sources,
                new SecretEnvironment(secretEnv)));
        return resolver.resolve(YamlLoader.load(yaml, "serverless.yml"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> plain(String yaml) {
        return (Map<String, Object>) resolve(yaml).toPlain();
    }
}
