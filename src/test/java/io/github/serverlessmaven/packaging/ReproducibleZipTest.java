package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproducibleZipTest {

    private static final Instant TIMESTAMP = Instant.parse("2026-11-23T10:15:30Z");

    @TempDir
    Path dir;

    private SortedMap<String, Path> entries() throws IOException {
        SortedMap<String, Path> entries = new TreeMap<>();
        entries.put("com/example/Handler.class", write("classes/com/example/Handler.class", "class bytes ".repeat(50)));
        entries.put("log4j2.xml", write("classes/log4j2.xml", "<Configuration/>"));
        entries.put("lib/dep-1.0.jar", write("dep-1.0.jar", "jar bytes"));
        return entries;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static byte[] zip(SortedMap<String, Path> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReproducibleZip.write(entries, TIMESTAMP, out);
        return out.toByteArray();
    }

    @Test
    void sameInputsGiveTheSameBytesWhateverTheFileTimesAndTimeZone() throws IOException {
        SortedMap<String, Path> entries = entries();
        byte[] first = zip(entries);
        for (Path file : entries.values()) {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(Instant.now()));
        }
        TimeZone saved = TimeZone.getDefault();
        byte[] second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            second = zip(entries);
        } finally {
            TimeZone.setDefault(saved);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void changedClassGivesDifferentBytes() throws IOException {
        SortedMap<String, Path> entries = entries();
        byte[] before = zip(entries);
        write("classes/com/example/Handler.class", "changed class bytes");
        assertThat(zip(entries)).isNotEqualTo(before);
    }

    @Test
    void entriesAreSortedWithFoldersFixedTimeAndNoExtraFields() throws IOException {
        Path file = dir.resolve("out.zip");
        Files.write(file, zip(entries()));
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                names.add(e.getName());
                assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2026, 11, 23, 10, 15, 30));
                assertThat(e.getExtra()).isNull();
            }
            assertThat(new String(zip.getInputStream(zip.getEntry("log4j2.xml")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("<Configuration/>");
            assertThat(zip.getEntry("lib/dep-1.0.jar").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(zip.getEntry("com/example/Handler.class").getMethod()).isEqualTo(ZipEntry.DEFLATED);
        }
        assertThat(names).containsExactly("com/", "com/example/", "com/example/Handler.class", "lib/",
                "lib/dep-1.0.jar", "log4j2.xml");
    }

    @Test
    void filesAre0644AndFolders0755() throws IOException {
        Path file = dir.resolve("out.zip");
        Files.write(file, zip(entries()));
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip.getPath("/log4j2.xml"))))
                    .isEqualTo("rw-r--r--");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip.getPath("/com/example"))))
                    .isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void timestampsOutsideTheZipRangeAreRejected() {
        assertThatThrownBy(() -> ReproducibleZip.dosTimeAndDate(Instant.parse("1970-01-01T00:00:00Z")))
                .hasMessageContaining("between 1980 and 2107");
    }

    @Test
    void outputTimestampIsReadAsMavenReadsIt() {
        assertThat(OutputTimestamp.parse(null)).isEqualTo(OutputTimestamp.DEFAULT);
        assertThat(OutputTimestamp.parse("1")).isEqualTo(OutputTimestamp.DEFAULT);
        assertThat(OutputTimestamp.parse("2026-11-23T00:00:00Z")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(OutputTimestamp.parse("2026-11-23T02:00:00+02:00")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(OutputTimestamp.parse("1795392000")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThatThrownBy(() -> OutputTimestamp.parse("yesterday")).hasMessage("pom.xml: at "
                + "'project.build.outputTimestamp': the value 'yesterday' is neither an ISO-8601 date-time with "
                + "offset nor epoch seconds, perhaps you should write it like 2026-11-23T00:00:00Z, as "
                + "maven-jar-plugin expects");
        assertThatThrownBy(() -> OutputTimestamp.parse("1970-01-01T00:00:00Z"))
                .hasMessageContaining("outside the range zip files can record");
    }
}
