package io.github.serverlessmaven.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small files the plugin keeps for itself under {@code target}. */
final class BuildFiles {

    private BuildFiles() {}

    /** Writes {@code text} aside, then moves it over {@code file}: a build reading it meanwhile sees old or new. */
    static void replace(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
