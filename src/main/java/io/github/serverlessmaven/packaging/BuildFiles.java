package io.github.serverlessmaven.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** Small files the plugin keeps for itself under {@code target}, and how it tells a file was not rewritten. */
public final class BuildFiles {

    private BuildFiles() {}

    /** Writes {@code text} aside, then moves it over {@code file}: a build reading it meanwhile sees old or new. */
    public static void replace(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * Size, modification time in nanoseconds and file key: a file written again has another, as Spotless tells
     * unchanged files.
     */
    public static String fingerprint(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Object fileKey = attributes.fileKey();
        return attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":"
                + (fileKey == null ? "" : fileKey.toString());
    }
}
