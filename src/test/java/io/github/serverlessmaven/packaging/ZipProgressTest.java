package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Console;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package goal shows progress while it zips large inputs, and stays quiet for small ones. */
class ZipProgressTest {

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private long advanced;

    private final Console recording = (task, totalBytes) -> {
        events.add("start " + task + " " + totalBytes);
        return new Console.Progress() {
            @Override
            public void advance(long bytes) {
                advanced += bytes;
            }

            @Override
            public void close() {
                events.add("close " + advanced);
            }
        };
    };

    private void zip(long jarBytes) throws IOException {
        Path classes = dir.resolve("target/classes/com/example");
        Files.createDirectories(classes);
        Files.writeString(classes.resolve("Handler.class"), "handler", StandardCharsets.UTF_8);
        Path jar = dir.resolve("repo/big-1.0.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[(int) jarBytes]);
        Files.writeString(dir.resolve("serverless.yml"), """
                service: demo
                provider: { name: aws }
                functions:
                  hello: { handler: com.example.Handler::handleRequest }
                """, StandardCharsets.UTF_8);
        ProjectLayout layout = new ProjectLayout(dir, dir.resolve("target"), dir.resolve("target/classes"),
                List.of(jar), null, Map.of(), new HashMap<>(), null);
        Service service = new ServicePipeline(Log.NONE).load(new PackageRequest(layout, dir.resolve("serverless.yml"),
                null, null, Map.of(), Map.of()));
        new ArtifactPackager(recording).prepare(service, layout, Log.NONE);
    }

    @Test
    void largeInputsReportEveryByteAndCloseTheProgress() throws IOException {
        long jar = ArtifactPackager.PROGRESS_THRESHOLD_BYTES;
        zip(jar);
        long total = jar + "handler".length();
        assertThat(events).containsExactly("start Zipping demo.zip " + total, "close " + total);
    }

    @Test
    void smallInputsShowNoProgress() throws IOException {
        zip(1024);
        assertThat(events).isEmpty();
    }
}
