package io.github.serverlessmaven.deploy;

import java.nio.file.Path;

/** A file to deploy: its S3 object name (the file's base name), where it is, and its base64 SHA-256. */
public record LocalArtifact(String name, Path file, String sha256) {}
