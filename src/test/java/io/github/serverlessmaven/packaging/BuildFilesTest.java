package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFilesTest {

    @TempDir
    Path dir;

    @Test
    void replaceWritesTheNewTextAndLeavesNothingBeside() throws IOException {
        Path file = dir.resolve("records/package");
        BuildFiles.replace(file, "first\n");
        BuildFiles.replace(file, "second\n");

        assertThat(Files.readString(file)).isEqualTo("second\n");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSiblingNameAnotherBuildTookIsSteppedOver() throws IOException {
        Path file = dir.resolve("package");
        Path first = BuildFiles.newSibling(file, "same-clock");
        String name = first.getFileName().toString();
        long number = Long.parseLong(name.substring(name.lastIndexOf('-') + 1, name.length() - ".tmp".length()));
        // What a build that read the same clock value would have taken under the next number.
        Path left = Files.writeString(first.resolveSibling(name.replace("-" + number + ".tmp", "-" + (number + 1)
                + ".tmp")), "left over");

        Path second = BuildFiles.newSibling(file, "same-clock");

        assertThat(first.getFileName().toString()).startsWith(".package.same-clock-");
        assertThat(second).isNotEqualTo(first).isNotEqualTo(left).hasParent(dir);
        assertThat(Files.size(second)).isZero();
        assertThat(Files.readString(left)).isEqualTo("left over");
    }

    @Test
    void siblingsGetNewNamesEachTime() throws IOException {
        Path file = dir.resolve("package");
        Path first = BuildFiles.newSibling(file);
        Path second = BuildFiles.newSibling(file);
        assertThat(first).isNotEqualTo(second);
        assertThat(first.getFileName().toString()).startsWith(".package.").endsWith(".tmp");
    }
}
