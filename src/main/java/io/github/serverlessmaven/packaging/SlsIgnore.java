package io.github.serverlessmaven.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .slsignore} in the project directory: the gitignore syntax subset of globs, '!' to re-include,
 * a trailing '/' for folders only, '#' comments. A pattern without an inner '/' matches at any depth; one
 * with a '/' is anchored at the zip root. A pattern that matches a folder drops everything below it.
 */
public final class SlsIgnore {

    public static final String FILE_NAME = ".slsignore";

    private SlsIgnore() {}

    /** The rules in {@code baseDir/.slsignore}, or none when there is no such file. */
    public static List<PathRule> read(Path baseDir) {
        Path file = baseDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<PathRule> parse(List<String> lines) {
        List<PathRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripTrailingSpaces(lines.get(i));
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            String pattern = negated ? line.substring(1) : line;
            if (pattern.startsWith("\\#") || pattern.startsWith("\\!")) {
                pattern = pattern.substring(1);
            }
            boolean foldersOnly = pattern.endsWith("/");
            if (foldersOnly) {
                pattern = pattern.substring(0, pattern.length() - 1);
            }
            boolean anchored = pattern.contains("/");
            if (pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            if (pattern.isEmpty()) {
                continue;
            }
            Glob glob = Glob.compile(anchored || pattern.startsWith("**") ? pattern : "**/" + pattern);
            rules.add(new PathRule(negated, path -> matchesPathOrFolder(glob, path, foldersOnly), line,
                    FILE_NAME + ":" + (i + 1)));
        }
        return rules;
    }

    /** True when the glob matches the file itself (unless folders only) or any folder above it. */
    private static boolean matchesPathOrFolder(Glob glob, String path, boolean foldersOnly) {
        if (!foldersOnly && glob.matches(path)) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (glob.matches(path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }
}
