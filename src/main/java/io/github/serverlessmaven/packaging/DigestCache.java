package io.github.serverlessmaven.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SHA-256 of artifacts the build did not rewrite, remembered by their fingerprint (size, modification time in
 * nanoseconds and file key) in {@code target/serverless-maven/digests}, as Spotless skips unchanged files: a
 * 100 MB jar costs a few hundred milliseconds to hash on a cold JVM, every time a goal runs. A file Maven wrote
 * again has a new modification time and is hashed again.
 */
public final class DigestCache {

    static final String FILE = "serverless-maven/digests";

    private final Path store;
    private final Map<String, String[]> entries = new LinkedHashMap<>();
    private boolean changed;

    private DigestCache(Path store) {
        this.store = store;
    }

    /** The cache kept under {@code buildDir}; an unreadable or damaged cache counts as empty. */
    public static DigestCache in(Path buildDir) {
        DigestCache cache = new DigestCache(buildDir.resolve(FILE));
        try {
            if (Files.isRegularFile(cache.store)) {
                for (String line : Files.readAllLines(cache.store, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length == 3) {
                        cache.entries.put(fields[2], new String[] {fields[0], fields[1]});
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            cache.entries.clear();
        }
        return cache;
    }

    public String sha256Base64(Path file) {
        String key = file.toAbsolutePath().normalize().toString();
        String fingerprint = fingerprint(file);
        String[] known = entries.get(key);
        if (fingerprint != null && known != null && known[0].equals(fingerprint)) {
            return known[1];
        }
        String digest = Digests.sha256Base64(file);
        if (fingerprint != null) {
            entries.put(key, new String[] {fingerprint, digest});
            changed = true;
        }
        return digest;
    }

    /** Writes the cache back when something was hashed; a failure only costs the next run a hash. */
    public void save() {
        if (!changed) {
            return;
        }
        StringBuilder text = new StringBuilder();
        entries.forEach((path, entry) -> text.append(entry[0]).append('\t').append(entry[1]).append('\t')
                .append(path).append('\n'));
        try {
            BuildFiles.replace(store, text);
            changed = false;
        } catch (IOException e) {
            // The cache is an optimisation only.
        }
    }

    private static String fingerprint(Path file) {
        try {
            return BuildFiles.fingerprint(file);
        } catch (IOException e) {
            return null;
        }
    }
}
