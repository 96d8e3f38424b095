package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Packages a copy of a {@code src/test/resources/parity/<case>} folder and compares it with v3's output. */
final class ParityCases {

    private ParityCases() {}

    static Path referenceDir(String name) {
        return Path.of("src/test/resources/parity", name, "sls-output").toAbsolutePath();
    }

    /** Copies serverless.yml and target/ of the case into {@code dir}, then runs the real package pipeline. */
    static PackageResult packageCase(String name, Path dir) {
        Path source = Path.of("src/test/resources/parity", name);
        try {
            Files.createDirectories(dir.resolve("target"));
            Files.copy(source.resolve("serverless.yml"), dir.resolve("serverless.yml"));
            Path target = source.resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve("target").resolve(f.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestServices.project(dir, readString(dir.resolve("serverless.yml")));
        return TestServices.packageProject(dir, new ArrayList<>());
    }

    static ExternalTools.Run parity(PackageResult result, String name) {
        return ExternalTools.parity(result.updateStackTemplate(), referenceDir(name), "1.0", "0.98");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }
}
