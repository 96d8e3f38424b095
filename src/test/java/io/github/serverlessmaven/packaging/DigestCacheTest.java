package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestCacheTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithTheSameFingerprintIsNotReadAgain() throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), "version-1".getBytes());
        FileTime written = Files.getLastModifiedTime(jar);
        DigestCache cache = DigestCache.in(dir.resolve("target"));
        String first = cache.sha256Base64(jar);
        cache.save();

        // Same size and modification time: only a deliberate forgery looks like this; the cache answers.
        Files.write(jar, "version-2".getBytes());
        Files.setLastModifiedTime(jar, written);

        assertThat(first).isEqualTo(Digests.sha256Base64("version-1".getBytes()));
        assertThat(DigestCache.in(dir.resolve("target")).sha256Base64(jar)).isEqualTo(first);
    }

    @Test
    void aFileWrittenAgainIsHashedAgain() throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), "version-1".getBytes());
        DigestCache cache = DigestCache.in(dir.resolve("target"));
        cache.sha256Base64(jar);
        cache.save();

        Files.write(jar, "version-2".getBytes());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));

        assertThat(DigestCache.in(dir.resolve("target")).sha256Base64(jar))
                .isEqualTo(Digests.sha256Base64("version-2".getBytes()));
    }

    @Test
    void aDamagedCacheIsIgnored() throws IOException {
        Path jar = Files.write(dir.resolve("app.jar"), "content".getBytes());
        Files.createDirectories(dir.resolve("target/serverless-maven"));
        Files.writeString(dir.resolve("target/" + DigestCache.FILE), "garbage\nmore\tgarbage\n\0\0\0");

        assertThat(DigestCache.in(dir.resolve("target")).sha256Base64(jar))
                .isEqualTo(Digests.sha256Base64("content".getBytes()));
    }
}
