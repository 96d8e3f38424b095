package io.github.serverlessmaven.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the plugin-built zip may hold, in the layout AWS documents for Java functions: compiled classes and
 * resources at the root, runtime dependency jars under {@code lib/}.
 */
public final class ZipContent {

    private final SortedMap<String, Path> entries;

    private ZipContent(SortedMap<String, Path> entries) {
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    public static ZipContent of(Path classesDir, List<Path> runtimeJars) {
        SortedMap<String, Path> entries = new TreeMap<>();
        if (classesDir != null && Files.isDirectory(classesDir)) {
            try (Stream<Path> files = Files.walk(classesDir)) {
                files.filter(Files::isRegularFile).forEach(f -> entries.put(entryName(classesDir.relativize(f)), f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path jar : runtimeJars) {
            String name = "lib/" + jar.getFileName();
            if (entries.containsKey(name) && !entries.get(name).equals(jar)) {
                // Two dependencies with one file name (same artifactId and version, other groupId): keep both.
                name = "lib/" + groupFolder(jar) + "-" + jar.getFileName();
            }
            entries.put(name, jar);
        }
        return new ZipContent(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public SortedMap<String, Path> entries() {
        return entries;
    }

    /** The entries the rules keep. */
    public SortedMap<String, Path> select(PathRules rules) {
        if (rules.isEmpty()) {
            return entries;
        }
        SortedMap<String, Path> kept = new TreeMap<>();
        entries.forEach((name, file) -> {
            if (rules.included(name)) {
                kept.put(name, file);
            }
        });
        return kept;
    }

    private static String entryName(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path part : relative) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** In a Maven repository a jar sits at group/artifact/version/file: the last group segment. */
    private static String groupFolder(Path jar) {
        Path p = jar.toAbsolutePath();
        for (int i = 0; i < 3 && p != null; i++) {
            p = p.getParent();
        }
        return p == null || p.getFileName() == null ? "dup" : p.getFileName().toString();
    }
}
