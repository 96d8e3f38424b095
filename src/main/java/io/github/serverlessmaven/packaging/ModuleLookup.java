package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.project.ModuleArtifact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the file named by {@code package.module: groupId:artifactId[:classifier]} among the reactor modules and
 * resolved dependencies the Mojo listed, or says exactly why it cannot.
 */
final class ModuleLookup {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]+");

    private final Map<String, ModuleArtifact> modules;
    private final String ownModule;

    /** @param ownModule {@code groupId:artifactId} of the module being packaged, or null when unknown */
    ModuleLookup(Map<String, ModuleArtifact> modules, String ownModule) {
        this.modules = modules;
        this.ownModule = ownModule;
    }

    /** The file and why it was chosen. */
    record Found(Path file, String reason) {}

    Found find(String coordinates, Position position, String setting) {
        String key = normalise(coordinates, position, setting);
        String[] parts = key.split(":");
        String module = parts[0] + ":" + parts[1];
        String dependency = "<dependency><groupId>" + parts[0] + "</groupId><artifactId>" + parts[1]
                + "</artifactId>" + (parts.length == 3 ? "<classifier>" + parts[2] + "</classifier>" : "")
                + "<version>…</version></dependency>";
        String dependencyFix = "add it to this service module's pom.xml as " + dependency + " so that Maven builds "
                + "it before this module and hands its file to the plugin";
        if (module.equals(ownModule)) {
            throw new ConfigException(position, setting, "'" + key + "' is this module itself, not another "
                    + "module of the build", "leave " + setting + " out: without it the plugin takes this "
                    + "module's own output (set custom.serverlessMaven.classifier for a file it attaches)");
        }
        ModuleArtifact found = modules.get(key);
        if (found == null) {
            if (parts.length == 3 && modules.containsKey(module)) {
                throw new ConfigException(position, setting, "the module '" + module + "' has no artifact with "
                        + "classifier '" + parts[2] + "' (it provides: " + provided(module) + ")",
                        "check the classifier the module's build attaches (maven-shade-plugin's "
                                + "shadedClassifierName, maven-jar-plugin's classifier), or " + dependencyFix);
            }
            throw new ConfigException(position, setting, "the module '" + key + "' is neither a module of this "
                    + "build nor a dependency of this project", dependencyFix);
        }
        Path file = found.file();
        if (file == null || !Files.isRegularFile(file)) {
            throw new ConfigException(position, setting, "the module '" + key + "' is part of this build but "
                    + "had not been packaged when this module was built (" + (file == null ? "no file"
                    : "its file is " + file) + ")", "declare it in this service module's pom.xml as " + dependency
                    + ", so that the reactor builds it first, and run a phase that packages it, such as "
                    + "`mvn package`");
        }
        String name = file.getFileName().toString();
        if (name.startsWith("original-") && name.endsWith(".jar")) {
            throw new ConfigException(position, setting, "the module '" + key + "' provides " + file + ", the jar "
                    + "the maven-shade-plugin leaves behind without the dependencies, so it cannot run on Lambda",
                    "name the shaded artifact instead (with shadedArtifactAttached, add its classifier: '"
                            + module + ":shaded')");
        }
        return new Found(file, setting + " is '" + key + "': " + found.origin());
    }

    private String provided(String module) {
        TreeSet<String> keys = new TreeSet<>();
        for (String key : modules.keySet()) {
            if (key.equals(module)) {
                keys.add("its packaged file");
            } else if (key.startsWith(module + ":")) {
                keys.add("classifier '" + key.substring(module.length() + 1) + "'");
            }
        }
        return String.join(", ", keys);
    }

    /** Checks the shape {@code groupId:artifactId[:classifier]} and trims each part. */
    static String normalise(String coordinates, Position position, String setting) {
        String[] parts = coordinates.trim().split(":", -1);
        boolean valid = parts.length == 2 || parts.length == 3;
        for (int i = 0; valid && i < parts.length; i++) {
            parts[i] = parts[i].trim();
            valid = PART.matcher(parts[i]).matches();
        }
        if (!valid) {
            throw new ConfigException(position, setting, "expected Maven coordinates groupId:artifactId or "
                    + "groupId:artifactId:classifier but found '" + coordinates + "'",
                    "write the module as in its pom.xml, e.g. 'com.example:orders-function' or "
                            + "'com.example:orders-function:aws'");
        }
        return String.join(":", parts);
    }
}
