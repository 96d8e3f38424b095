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

    // Written out: a record's generated equals and hashCode are bootstrapped through method handles on first use,
    // milliseconds on every cold package run, and artifacts are hashed on that path.
    @Override
    public boolean equals(Object other) {
        return other instanceof Artifact a && java.util.Objects.equals(file, a.file)
                && java.util.Objects.equals(sha256Base64, a.sha256Base64);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(file) + java.util.Objects.hashCode(sha256Base64);
    }
}
