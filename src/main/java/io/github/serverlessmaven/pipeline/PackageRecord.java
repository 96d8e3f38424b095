package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Sha256;
import io.github.serverlessmaven.packaging.BuildFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the last {@code package} compiled, kept in {@code target/serverless-maven/package}, so that packaging again
 * with the same inputs keeps the templates instead of compiling them again (as Spotless skips unchanged files).
 *
 * <p>The inputs are everything the compilers read: the configuration after variables were resolved (values,
 * key order and positions), stage, region, the output directory, each function's and layer's artifact (file and
 * SHA-256), and this plugin's own build. Variables need no tracking of their own: whatever they read is in the
 * resolved configuration. The outputs count as intact while every file written has its recorded fingerprint
 * (size, modification time, file key). A service with secret values is never recorded: the record's hash would
 * be a hash of the secret.
 */
final class PackageRecord {

    static final String FILE = "serverless-maven/package";
    private static final String FORMAT = "serverless-maven-plugin package record 1";

    private final String directory;
    private final List<String> warnings;

    private PackageRecord(String directory, List<String> warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    /** The deployment folder the recorded templates name. */
    String directory() {
        return directory;
    }

    /** Warnings the recorded compilation gave, to give them again. */
    List<String> warnings() {
        return warnings;
    }

    /**
     * The digest of the compilers' inputs, or null when this run must not be recorded: secret values, no
     * configuration tree to describe it, or a plugin build that cannot be told apart from the next one.
     */
    static String key(Service service, Path outputDir, Map<String, Artifact> artifacts,
            Map<String, Artifact> layerArtifacts) {
        String build = PluginBuild.id();
        if (build == null || service.root() == null || !service.secretPaths().isEmpty()) {
            return null;
        }
        StringBuilder inputs = new StringBuilder(64 * 1024).append(FORMAT).append('\n').append(build).append('\n')
                .append(service.configFile()).append('\n').append(service.stage()).append('\n')
                .append(service.region()).append('\n').append(outputDir.toAbsolutePath().normalize()).append('\n');
        appendArtifacts("artifact ", artifacts, inputs);
        appendArtifacts("layer ", layerArtifacts, inputs);
        // A tag in the configuration stands for whatever digest ECR gave this time: the digest is an input.
        for (FunctionDef function : service.functions().values()) {
            if (function.isImage()) {
                inputs.append("image ").append(function.key()).append(' ').append(function.image().uri()).append('\n');
            }
        }
        write(service.root(), inputs);
        return Base64.getEncoder().encodeToString(Sha256.of(inputs.toString()));
    }

    private static void appendArtifacts(String kind, Map<String, Artifact> artifacts, StringBuilder inputs) {
        for (Map.Entry<String, Artifact> artifact : artifacts.entrySet()) {
            inputs.append(kind).append(artifact.getKey()).append(' ').append(artifact.getValue().sha256Base64())
                    .append(' ').append(artifact.getValue().file().toAbsolutePath().normalize()).append('\n');
        }
    }

    /** The record under {@code buildDir} when it has {@code key} and its outputs are as written, else null. */
    static PackageRecord matching(Path buildDir, String key) {
        if (key == null) {
            return null;
        }
        try {
            Path file = buildDir.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 4 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals(key)) {
                return null;
            }
            List<String> warnings = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            for (String line : lines.subList(3, lines.size())) {
                if (line.startsWith("warning ")) {
                    warnings.add(unescape(line.substring("warning ".length())));
                } else if (line.startsWith("output ")) {
                    outputs.add(line.substring("output ".length()));
                } else {
                    return null;
                }
            }
            for (String output : outputs) {
                int tab = output.indexOf('\t');
                if (tab < 0 || !output.substring(0, tab).equals(BuildFiles.fingerprint(Path.of(output.substring(
                        tab + 1))))) {
                    return null;
                }
            }
            return outputs.isEmpty() ? null : new PackageRecord(lines.get(2), warnings);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Records a compilation; with a null key, removes any earlier record, since the templates it described
     * were just replaced. A failure only costs the next run a compilation.
     */
    static void save(Path buildDir, String key, String directory, List<String> warnings, List<Path> outputs) {
        Path file = buildDir.resolve(FILE);
        try {
            if (key == null) {
                Files.deleteIfExists(file);
                return;
            }
            StringBuilder text = new StringBuilder(FORMAT).append('\n').append(key).append('\n').append(directory)
                    .append('\n');
            for (String warning : warnings) {
                text.append("warning ").append(escape(warning)).append('\n');
            }
            for (Path output : outputs) {
                text.append("output ").append(BuildFiles.fingerprint(output)).append('\t')
                        .append(output.toAbsolutePath().normalize()).append('\n');
            }
            BuildFiles.replace(file, text);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Then the record names outputs that changed, and the next run finds them changed.
            }
        }
    }

    /** Every value with its kind and position, keys in order: two configurations compile alike if these match. */
    private static void write(Node node, StringBuilder out) {
        Position p = node.position();
        out.append('@').append(p.source()).append(':').append(p.line()).append(':').append(p.column()).append(' ');
        if (node instanceof MapNode map) {
            out.append("{").append(map.entries().size()).append('\n');
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                Position k = map.keyPosition(e.getKey());
                out.append("key @").append(k.line()).append(':').append(k.column()).append(' ')
                        .append(e.getKey().length()).append(':').append(e.getKey()).append('\n');
                write(e.getValue(), out);
            }
            out.append("}\n");
        } else if (node instanceof ListNode list) {
            out.append("[").append(list.items().size()).append('\n');
            for (Node item : list.items()) {
                write(item, out);
            }
            out.append("]\n");
        } else if (node instanceof ScalarNode scalar) {
            Object value = scalar.value();
            String text = String.valueOf(value);
            out.append(value == null ? "null" : value.getClass().getSimpleName()).append(' ').append(text.length())
                    .append(':').append(text).append('\n');
        } else {
            out.append(node.getClass().getName()).append(' ').append(node.toPlain()).append('\n');
        }
    }

    private static String escape(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unescape(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    /** Which build of this plugin runs: its jar's path and fingerprint. */
    static final class PluginBuild {
        private static String id;

        private PluginBuild() {}

        static synchronized String id() {
            if (id == null) {
                id = compute();
            }
            return id.isEmpty() ? null : id;
        }

        private static String compute() {
            try {
                Path location = Path.of(PackageRecord.class.getProtectionDomain().getCodeSource().getLocation()
                        .toURI());
                if (Files.isRegularFile(location)) {
                    return location + " " + BuildFiles.fingerprint(location);
                }
                // Compiled classes (the plugin's own tests): the newest class file stands for the build.
                long newest = 0;
                long count = 0;
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        newest = Math.max(newest, Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
                        count++;
                    }
                }
                return location + " " + count + ":" + newest;
            } catch (Exception e) {
                return "";
            }
        }
    }
}
