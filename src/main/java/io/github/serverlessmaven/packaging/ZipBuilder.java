package io.github.serverlessmaven.packaging;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.LongConsumer;

/**
 * Writes a reproducible zip to its place in {@code target/serverless}, leaving an identical existing file
 * untouched (same bytes, same modification time) so that up-to-date checks downstream stay quiet. One builder
 * compresses each file once, however many zips (package.individually) contain it.
 */
public final class ZipBuilder {

    private final Map<Path, ReproducibleZip.Compressed> compressed = new HashMap<>();

    /** @param unchanged true when an identical file was already there and was kept */
    public record Result(Path file, String sha256Base64, boolean unchanged) {}

    public Result build(SortedMap<String, Path> entries, Instant timestamp, Path target) throws IOException {
        return build(entries, timestamp, target, bytes -> {});
    }

    /** As above, telling {@code progress} the uncompressed bytes written so far, file by file. */
    public Result build(SortedMap<String, Path> entries, Instant timestamp, Path target, LongConsumer progress)
            throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            ReproducibleZip.Written written;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
                written = ReproducibleZip.write(entries, timestamp, out, compressed, progress);
            }
            if (Files.isRegularFile(target) && Files.size(target) == written.size()
                    && Digests.sha256Base64(target).equals(written.sha256Base64())) {
                return new Result(target, written.sha256Base64(), true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicMoveUnsupported) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Result(target, written.sha256Base64(), false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
