package io.github.serverlessmaven.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times one load of a YAML file in a fresh JVM, class loading included, which is what the package goal pays:
 * {@code java -cp ... io.github.serverlessmaven.config.YamlColdLoad fast|snakeyaml serverless.yml}.
 */
public final class YamlColdLoad {

    private YamlColdLoad() {}

    public static void main(String[] args) throws Exception {
        boolean snakeyaml = args[0].equals("snakeyaml");
        String text = Files.readString(Path.of(args[1]));
        long start = System.nanoTime();
        Node root = snakeyaml ? YamlLoader.loadWithSnakeyaml(text, args[1]) : YamlLoader.load(text, args[1]);
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println(args[0] + " " + Path.of(args[1]).getFileName() + ": " + micros / 1000.0 + " ms ("
                + ((MapNode) root).entries().size() + " top-level keys)");
    }
}
