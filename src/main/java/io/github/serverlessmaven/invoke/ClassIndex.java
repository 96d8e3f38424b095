package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.config.ConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The top-level classes in a classes directory, for "did you mean" hints on a handler that does not exist. */
final class ClassIndex {

    private ClassIndex() {}

    static List<String> classNames(Path classesDir) {
        if (!Files.isDirectory(classesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".class"))
                    .map(f -> classesDir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(name -> !name.contains("$") && !name.endsWith("package-info")
                            && !name.endsWith("module-info"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The class the user most likely meant: a near spelling of the full name, else the same or a near simple
     * name in another package.
     */
    static String closest(String wanted, List<String> known) {
        String byFullName = ConfigReader.closest(wanted, known);
        if (byFullName != null) {
            return byFullName;
        }
        String simple = simpleName(wanted);
        List<String> simpleNames = new ArrayList<>();
        for (String name : known) {
            simpleNames.add(simpleName(name));
        }
        String closeSimple = ConfigReader.closest(simple, simpleNames);
        return closeSimple == null ? null : known.get(simpleNames.indexOf(closeSimple));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
