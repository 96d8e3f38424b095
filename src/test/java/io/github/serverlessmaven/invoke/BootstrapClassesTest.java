package io.github.serverlessmaven.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.invoke.bootstrap.Bootstrap;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapClassesTest {

    @TempDir
    Path dir;

    private static final String PACKAGE = "io/github/serverlessmaven/invoke/bootstrap/";

    @Test
    void copiesOnlyTheBootstrapPackageOutOfThePluginJar() throws IOException, URISyntaxException {
        Path classes = Path.of(Bootstrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "io/github/serverlessmaven/invoke/LocalInvoker.class", new byte[] {1});
            add(out, PACKAGE + "nested/Other.class", new byte[] {2});
            add(out, PACKAGE + "notes.txt", new byte[] {3});
            try (Stream<Path> files = Files.list(classes.resolve(PACKAGE))) {
                for (Path file : files.toList()) {
                    add(out, PACKAGE + file.getFileName(), Files.readAllBytes(file));
                }
            }
        }
        Files.createDirectories(dir.resolve("out/stale"));

        Path extracted = BootstrapClasses.extractTo(dir.resolve("out"), jar);

        List<String> names;
        try (Stream<Path> files = Files.walk(extracted)) {
            names = files.filter(Files::isRegularFile).map(p -> extracted.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
        assertThat(names).contains(PACKAGE + "Bootstrap.class", PACKAGE + "MiniJson.class",
                PACKAGE + "EventConverter$ConversionException.class");
        assertThat(names).allMatch(name -> name.startsWith(PACKAGE) && name.endsWith(".class")
                && name.indexOf('/', PACKAGE.length()) < 0);
        assertThat(extracted.resolve("stale")).doesNotExist();
        assertThat(BootstrapClasses.extractTo(dir.resolve("fromDir"), classes).resolve(PACKAGE + "Bootstrap.class"))
                .exists();
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
