package io.github.serverlessmaven.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip whose bytes depend only on the entries' names and contents and the given timestamp: entries in
 * name order, every folder listed once before its content, one fixed timestamp, Unix modes 0644 (files) and
 * 0755 (folders), no extra fields, no comments. Jars and zips are stored (already compressed), the rest
 * deflated.
 *
 * <p>{@code java.util.zip.ZipOutputStream} is not used because it writes local times (the build machine's time
 * zone would leak into the bytes) and cannot set Unix permissions.
 */
public final class ReproducibleZip {

    private static final int FILE_MODE = 0100644;
    private static final int FOLDER_MODE = 040755;
    private static final int UTF8_NAMES = 0x0800;
    private static final int VERSION_NEEDED = 20;
    private static final int MADE_BY_UNIX = (3 << 8) | 20;

    private ReproducibleZip() {}

    /** Base64 SHA-256 and size of what was written. */
    public record Written(String sha256Base64, long size) {}

    /** One file's bytes as they go into a zip; deflated ones are reused when several zips share the file. */
    record Compressed(long crc, int size, boolean stored, byte[] data) {
        static final Compressed FOLDER = new Compressed(0, 0, true, new byte[0]);
    }

    /**
     * @param entries zip entry name (no leading '/', '/'-separated) to the file with its content
     * @param timestamp the one modification time of every entry
     */
    public static Written write(SortedMap<String, Path> entries, Instant timestamp, OutputStream target)
            throws IOException {
        return write(entries, timestamp, target, new HashMap<>());
    }

    /** As {@link #write(SortedMap, Instant, OutputStream)}, reusing files already compressed for another zip. */
    static Written write(SortedMap<String, Path> entries, Instant timestamp, OutputStream target,
            Map<Path, Compressed> cache) throws IOException {
        return write(entries, timestamp, target, cache, bytes -> {});
    }

    /** As above, telling {@code progress} the uncompressed size of each file once it is written. */
    static Written write(SortedMap<String, Path> entries, Instant timestamp, OutputStream target,
            Map<Path, Compressed> cache, LongConsumer progress) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int[] dosTime = dosTimeAndDate(timestamp);
        CountingOutputStream out = new CountingOutputStream(new DigestOutputStream(target, sha256));
        ByteArrayOutputStream centralDirectory = new ByteArrayOutputStream();
        int count = 0;
        for (String name : withFolders(entries)) {
            boolean folder = name.endsWith("/");
            Compressed file = folder ? Compressed.FOLDER : compressed(name, entries.get(name), cache);
            byte[] data = file.data();
            long offset = out.count;
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            int method = file.stored() ? 0 : 8;
            requireZip32(offset, name);
            // local file header
            le32(out, 0x04034b50);
            le16(out, VERSION_NEEDED);
            le16(out, UTF8_NAMES);
            le16(out, method);
            le16(out, dosTime[0]);
            le16(out, dosTime[1]);
            le32(out, file.crc());
            le32(out, data.length);
            le32(out, file.size());
            le16(out, nameBytes.length);
            le16(out, 0);
            out.write(nameBytes);
            out.write(data);
            // central directory record
            le32(centralDirectory, 0x02014b50);
            le16(centralDirectory, MADE_BY_UNIX);
            le16(centralDirectory, VERSION_NEEDED);
            le16(centralDirectory, UTF8_NAMES);
            le16(centralDirectory, method);
            le16(centralDirectory, dosTime[0]);
            le16(centralDirectory, dosTime[1]);
            le32(centralDirectory, file.crc());
            le32(centralDirectory, data.length);
            le32(centralDirectory, file.size());
            le16(centralDirectory, nameBytes.length);
            le16(centralDirectory, 0); // extra
            le16(centralDirectory, 0); // comment
            le16(centralDirectory, 0); // disk
            le16(centralDirectory, 0); // internal attributes
            le32(centralDirectory, ((long) (folder ? FOLDER_MODE : FILE_MODE) << 16) | (folder ? 0x10 : 0));
            le32(centralDirectory, offset);
            centralDirectory.write(nameBytes);
            count++;
            if (!folder) {
                progress.accept(file.size());
            }
        }
        if (count > 0xFFFF) {
            throw new IOException("the zip would have " + count + " entries; at most 65535 are supported");
        }
        long centralOffset = out.count;
        requireZip32(centralOffset + centralDirectory.size(), "the central directory");
        centralDirectory.writeTo(out);
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        le16(out, count);
        le16(out, count);
        le32(out, centralDirectory.size());
        le32(out, centralOffset);
        le16(out, 0);
        out.flush();
        return new Written(Base64.getEncoder().encodeToString(sha256.digest()), out.count);
    }

    private static Compressed compressed(String name, Path path, Map<Path, Compressed> cache) throws IOException {
        Compressed known = cache.get(path);
        if (known != null) {
            return known;
        }
        byte[] content = Files.readAllBytes(path);
        CRC32 crc = new CRC32();
        crc.update(content);
        boolean store = name.endsWith(".jar") || name.endsWith(".zip") || content.length == 0;
        byte[] data = store ? content : deflate(content);
        if (!store && data.length >= content.length) {
            store = true;
            data = content;
        }
        Compressed result = new Compressed(crc.getValue(), content.length, store, data);
        if (!store) {
            // Deflating costs CPU; stored files (jars) are cheaper to read again than to keep in memory.
            cache.put(path, result);
        }
        return result;
    }

    /** Entry names plus every folder above them, sorted. */
    static TreeSet<String> withFolders(Map<String, Path> entries) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : entries.keySet()) {
            names.add(name);
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                names.add(name.substring(0, slash + 1));
            }
        }
        return names;
    }

    /** MS-DOS time and date fields, from the instant's UTC calendar fields (so no time zone leaks in). */
    static int[] dosTimeAndDate(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (t.getYear() < 1980 || t.getYear() > 2107) {
            throw new IllegalArgumentException("zip timestamps must be between 1980 and 2107, not " + instant);
        }
        int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
        int date = ((t.getYear() - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        return new int[] {time, date};
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 2));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void requireZip32(long offset, String what) throws IOException {
        if (offset > 0xFFFFFFFFL) {
            throw new IOException("the zip grows beyond 4 GB at " + what + "; Lambda accepts at most 250 MB unzipped");
        }
    }

    private static void le16(OutputStream out, int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void le32(OutputStream out, long v) throws IOException {
        le16(out, (int) (v & 0xFFFF));
        le16(out, (int) ((v >>> 16) & 0xFFFF));
    }

    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream delegate;
        long count;

        CountingOutputStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }
    }
}
