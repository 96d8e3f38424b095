package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.compile.Artifact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Handlers already found in an artifact with the same SHA-256, kept in {@code target/serverless-maven/handlers}:
 * whether a class and method exist in a jar depends only on the jar's content, and reading hundreds of class
 * files on a cold JVM is a visible share of a package run that changed nothing in the jar.
 */
final class VerifiedHandlers {

    static final String FILE = "serverless-maven/handlers";

    private final Path store;
    private final Set<String> known = new HashSet<>();
    /** What this run used or found: written back, so handlers of old jars do not pile up. */
    private final Set<String> used = new LinkedHashSet<>();

    private VerifiedHandlers(Path store) {
        this.store = store;
    }

    /** The record kept under {@code buildDir}; an unreadable or damaged one counts as empty. */
    static VerifiedHandlers in(Path buildDir) {
        VerifiedHandlers handlers = new VerifiedHandlers(buildDir.resolve(FILE));
        try {
            if (Files.isRegularFile(handlers.store)) {
                handlers.known.addAll(Files.readAllLines(handlers.store, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            handlers.known.clear();
        }
        return handlers;
    }

    boolean contains(Artifact artifact, String runtime, String handler) {
        String key = key(artifact, runtime, handler);
        if (known.contains(key)) {
            used.add(key);
            return true;
        }
        return false;
    }

    void add(Artifact artifact, String runtime, String handler) {
        used.add(key(artifact, runtime, handler));
    }

    /** Writes the record back when it changed; a failure only costs the next run the checks. */
    void save() {
        if (used.equals(known)) {
            return;
        }
        try {
            BuildFiles.replace(store, String.join("\n", used) + (used.isEmpty() ? "" : "\n"));
        } catch (IOException e) {
            // The record is an optimisation only.
        }
    }

    private static String key(Artifact artifact, String runtime, String handler) {
        return artifact.sha256Base64() + "\t" + runtime + "\t" + handler;
    }
}
