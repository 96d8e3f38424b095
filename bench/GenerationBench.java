import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.compile.TemplateCompiler;
import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.config.YamlLoader;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.validate.ServiceParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-process model-to-template time for a generated service (warm JVM, many iterations): YAML text to
 * compiled template, the part of `package` that grows with the number of functions.
 * Usage: java -cp <plugin classes + snakeyaml> bench/GenerationBench.java <serverless.yml> <iterations>
 */
public class GenerationBench {
    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        int iterations = Integer.parseInt(args[1]);
        String text = Files.readString(config);
        Path jar = Files.createTempFile("bench", ".jar");
        Files.write(jar, new byte[] {1, 2, 3});
        double[] millis = new double[iterations];
        int resources = 0;
        for (int i = -iterations; i < iterations; i++) {
            long start = System.nanoTime();
            Diagnostics diagnostics = new Diagnostics();
            Service service = new ServiceParser(diagnostics).parse(YamlLoader.load(text, "serverless.yml"),
                    "serverless.yml", null, null);
            Map<String, Artifact> artifacts = new LinkedHashMap<>();
            Artifact artifact = new Artifact(jar, "AAAA");
            service.functions().keySet().forEach(k -> artifacts.put(k, artifact));
            var result = new TemplateCompiler().compile(service, artifacts, "serverless/bench/dev/1-x", diagnostics);
            String json = result.updateStack().toJson();
            resources = result.updateStack().resources().size() + result.nested().values().stream()
                    .mapToInt(t -> ((Map<?, ?>) t.get("Resources")).size()).sum();
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            } else if (json.isEmpty()) {
                throw new IllegalStateException();
            }
        }
        Arrays.sort(millis);
        System.out.printf("%.1f %d%n", millis[iterations / 2], resources);
    }
}
