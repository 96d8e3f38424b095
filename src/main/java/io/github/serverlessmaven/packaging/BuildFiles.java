package io.github.serverlessmaven.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Small files the plugin keeps for itself under {@code target}, and how it tells a file was not rewritten. */
public final class BuildFiles {

    private static final AtomicLong SIBLINGS = new AtomicLong();

    private BuildFiles() {}

    /** Writes {@code text} aside, then moves it over {@code file}: a build reading it meanwhile sees old or new. */
    public static void replace(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.getParent());
        Path written = newSibling(file);
        try {
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /**
     * A new empty file beside {@code file}, named after it, the clock and a counter. {@code createFile} is atomic,
     * so a name another build took is simply skipped. Not {@code Files.createTempFile}: its random name costs a
     * {@code SecureRandom}, whose first use in a build loads the JDK's message digests (about 10 ms of every
     * package run); nor the process ID: {@code ProcessHandle} sets up the JDK's process reaper on first use.
     */
    static Path newSibling(Path file) throws IOException {
        return newSibling(file, Long.toHexString(System.nanoTime()));
    }

    static Path newSibling(Path file, String token) throws IOException {
        String prefix = "." + file.getFileName() + "." + token + "-";
        while (true) {
            Path sibling = file.resolveSibling(prefix + SIBLINGS.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(sibling);
            } catch (FileAlreadyExistsException takenByAnotherBuild) {
                // Try the next number.
            }
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
