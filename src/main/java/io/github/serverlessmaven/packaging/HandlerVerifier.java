package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.project.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks at package time that each Java handler's class and method exist in the artifact with a shape the
 * Lambda Java runtime accepts, so a typo fails the build instead of the first invocation.
 */
public final class HandlerVerifier {

    private static final String DEFAULT_METHOD = "handleRequest";

    private final Log log;
    private final VerifiedHandlers verified;

    /** @param buildDir where the handlers found in earlier runs are remembered ({@code target}) */
    public HandlerVerifier(Log log, Path buildDir) {
        this.log = log;
        this.verified = VerifiedHandlers.in(buildDir);
    }

    public void verify(Service service, Map<String, Artifact> artifacts) {
        Map<Path, ArtifactIndex> indexes = new HashMap<>();
        try {
            verifyAll(service, artifacts, indexes);
            verified.save();
        } finally {
            for (ArtifactIndex index : indexes.values()) {
                if (index != null) {
                    index.close();
                }
            }
        }
    }

    private void verifyAll(Service service, Map<String, Artifact> artifacts, Map<Path, ArtifactIndex> indexes) {
        for (FunctionDef function : service.functions().values()) {
            if (function.isImage() || !function.runtime().startsWith("java")) {
                continue;
            }
            Artifact artifact = artifacts.get(function.key());
            if (artifact == null || verified.contains(artifact, function.runtime(), function.handler())) {
                continue;
            }
            if (!indexes.containsKey(artifact.file())) {
                indexes.put(artifact.file(), ArtifactIndex.open(artifact.file()));
            }
            ArtifactIndex index = indexes.get(artifact.file());
            if (index == null) {
                log.warn("Cannot check the handler of function '" + function.key() + "': " + artifact.file()
                        .getFileName() + " is not a zip or jar");
                continue;
            }
            verify(function, artifact, index);
            verified.add(artifact, function.runtime(), function.handler());
        }
    }

    private void verify(FunctionDef function, Artifact artifact, ArtifactIndex index) {
        String handler = function.handler();
        int sep = handler.indexOf("::");
        String className = sep < 0 ? handler : handler.substring(0, sep);
        String methodName = sep < 0 ? DEFAULT_METHOD : handler.substring(sep + 2);
        Node handlerNode = function.raw().get("handler");
        Position at = handlerNode != null ? handlerNode.position() : function.position();
        String path = function.path() + ".handler";
        String artifactName = artifact.file().getFileName().toString();
        ClassFileInfo type = index.load(className.replace('.', '/'));
        if (type == null) {
            String closest = ConfigReader.closest(className, index.classNames());
            throw new ConfigException(at, path, "handler class '" + className + "' is not in " + artifactName,
                    closest != null ? "write '" + closest + (sep < 0 ? "" : "::" + methodName) + "'"
                            : "check the package and class name, and that 'mvn package' built the class into "
                                    + artifactName);
        }
        List<ClassFileInfo.Method> candidates = new ArrayList<>();
        Set<String> methodNames = new TreeSet<>();
        boolean complete = collectMethods(index, type, methodName, candidates, methodNames);
        if (candidates.isEmpty()) {
            if (!complete) {
                log.debug("Handler method " + handler + " may be inherited from a class outside " + artifactName);
                return;
            }
            String closest = ConfigReader.closest(methodName, methodNames);
            throw new ConfigException(at, path, "class '" + className + "' has no method '" + methodName + "'",
                    closest != null ? "write '" + className + "::" + closest + "'"
                            : "add a public method '" + methodName + "' or name an existing one after '::'");
        }
        boolean usable = false;
        for (var candidate : candidates) {
            usable |= candidate.isPublic() && candidate.parameterCount() <= 3;
        }
        if (!usable) {
            throw new ConfigException(at, path, "method '" + className + "::" + methodName + "' is not public or "
                    + "takes more than 3 parameters, so the Lambda Java runtime cannot call it",
                    "make it public with (input), (input, Context) or (InputStream, OutputStream, Context)");
        }
        if ((type.access() & (ClassFileInfo.ACC_ABSTRACT | ClassFileInfo.ACC_INTERFACE)) != 0
                && candidates.stream().noneMatch(m -> (m.access() & ClassFileInfo.ACC_STATIC) != 0)) {
            throw new ConfigException(at, path, "handler class '" + className + "' is abstract or an interface, "
                    + "so the Lambda Java runtime cannot create it", "name a concrete class");
        }
    }

    /** Collects methods up the class chain; false when the chain leaves the artifact before java.lang.Object. */
    private static boolean collectMethods(ArtifactIndex index, ClassFileInfo type, String methodName,
            List<ClassFileInfo.Method> candidates, Set<String> names) {
        ClassFileInfo current = type;
        while (current != null) {
            for (ClassFileInfo.Method m : current.methods()) {
                if (!m.name().startsWith("<")) {
                    names.add(m.name());
                }
                if (m.name().equals(methodName)) {
                    candidates.add(m);
                }
            }
            if (current.superName() == null || current.superName().equals("java/lang/Object")) {
                return true;
            }
            current = index.load(current.superName());
        }
        return false;
    }

    /**
     * The classes of a zip or jar: root (or BOOT-INF/classes) entries read on demand, and the jars under lib/
     * read only when a class is not at the root, so a large artifact costs little when the handler is local.
     */
    static final class ArtifactIndex implements AutoCloseable {
        private final ZipFile zip;
        private final Map<String, ZipEntry> rootClasses = new HashMap<>();
        private final List<ZipEntry> nestedJars = new ArrayList<>();
        private Map<String, byte[]> nestedClasses;

        private ArtifactIndex(ZipFile zip) {
            this.zip = zip;
        }

        static ArtifactIndex open(Path file) {
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile());
            } catch (IOException e) {
                return null;
            }
            ArtifactIndex index = new ArtifactIndex(zip);
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String root = name.startsWith("BOOT-INF/classes/") ? name.substring("BOOT-INF/classes/".length())
                        : name;
                if (root.endsWith(".class") && !root.startsWith("META-INF/")) {
                    index.rootClasses.putIfAbsent(root.substring(0, root.length() - 6), entry);
                } else if ((name.startsWith("lib/") || name.startsWith("BOOT-INF/lib/")) && name.endsWith(".jar")) {
                    index.nestedJars.add(entry);
                }
            }
            return index;
        }

        ClassFileInfo load(String internalName) {
            try {
                byte[] bytes;
                ZipEntry entry = rootClasses.get(internalName);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                } else {
                    bytes = nested().get(internalName);
                }
                return bytes == null ? null : ClassFileInfo.parse(bytes);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private Map<String, byte[]> nested() throws IOException {
            if (nestedClasses == null) {
                nestedClasses = new HashMap<>();
                for (ZipEntry jar : nestedJars) {
                    try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
                        ZipEntry entry;
                        while ((entry = in.getNextEntry()) != null) {
                            String name = entry.getName();
                            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                                nestedClasses.putIfAbsent(name.substring(0, name.length() - 6), in.readAllBytes());
                            }
                        }
                    }
                }
            }
            return nestedClasses;
        }

        Set<String> classNames() {
            Set<String> internal = new TreeSet<>(rootClasses.keySet());
            try {
                internal.addAll(nested().keySet());
            } catch (IOException e) {
                // The root classes are enough for a suggestion.
            }
            Set<String> names = new TreeSet<>();
            for (String name : internal) {
                if (!name.contains("$")) {
                    names.add(name.replace('/', '.'));
                }
            }
            return names;
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                // Read-only; nothing to lose.
            }
        }
    }
}
