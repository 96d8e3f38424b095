package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.invoke.bootstrap.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Copies the bootstrap package's class files out of the plugin (its jar, or {@code target/classes} in tests)
 * into a directory for the forked JVM's classpath, so the user's classpath gains nothing else of the plugin.
 */
final class BootstrapClasses {

    private static final String PACKAGE_PATH = Bootstrap.class.getPackageName().replace('.', '/') + "/";

    private BootstrapClasses() {}

    /** Returns {@code dir}, now holding exactly the bootstrap classes. */
    static Path extractTo(Path dir) {
        Path source;
        try {
            source = Path.of(Bootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find the plugin's own classes for invoke-local", e);
        }
        return extractTo(dir, source);
    }

    /** @param source the plugin jar, or a classes directory */
    static Path extractTo(Path dir, Path source) {
        try {
            deleteRecursively(dir);
            Path target = dir.resolve(PACKAGE_PATH);
            Files.createDirectories(target);
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source.resolve(PACKAGE_PATH))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        Files.copy(file, target.resolve(file.getFileName().toString()));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class")
                                && name.indexOf('/', PACKAGE_PATH.length()) < 0) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                Files.copy(in, target.resolve(name.substring(PACKAGE_PATH.length())),
                                        StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the invoke-local bootstrap in " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
