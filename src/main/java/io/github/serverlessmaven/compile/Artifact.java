package io.github.serverlessmaven.compile;

import java.nio.file.Path;

/**
 * A deployable file as the compilers see it.
 *
 * @param file where it is on disk
 * @param sha256Base64 base64 SHA-256 of the bytes (Lambda's CodeSha256)
 */
public record Artifact(Path file, String sha256Base64) {

    /** The S3 object name v3 uses: the file's base name. */
    public String keyName() {
        return file.getFileName().toString();
    }
}
