package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code existing: true} buckets: no custom resource (v3 deploys a Node.js function for it), only the Lambda
 * permission, and the wanted notifications in a side file for the deploy goal.
 */
class ExistingS3BucketTest {

    @TempDir
    Path dir;

    @Test
    void existingBucketGetsOnlyThePermissionAndARecordedNotification() throws Exception {
        TestServices.project(dir, """
                service: legacy
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  importer:
                    handler: a.B::c
                    events:
                      - s3:
                          bucket: legacy-data-example
                          existing: true
                          event: s3:ObjectCreated:Put
                          rules:
                            - prefix: incoming/
                            - suffix: .csv
                      - s3:
                          bucket: legacy-data-example
                          existing: true
                          event: s3:ObjectRemoved:*
                """);
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());
        Map<String, Object> t = Templates.read(result.updateStackTemplate());

        assertThat(resources(t).keySet()).noneMatch(id -> id.startsWith("Custom") || id.startsWith("S3Bucket"));
        assertThat(resources(t).values()).noneMatch(r -> String.valueOf(((Map<?, ?>) r).get("Type"))
                .startsWith("Custom::"));
        assertThat(properties(t, "ImporterLambdaPermissionLegacydataexampleS3"))
                .containsEntry("Principal", "s3.amazonaws.com")
                .containsEntry("SourceAccount", Map.of("Ref", "AWS::AccountId"))
                .containsEntry("SourceArn", Map.of("Fn::Join", List.of("", List.of("arn:",
                        Map.of("Ref", "AWS::Partition"), ":s3:::legacy-data-example"))));

        Path file = result.outputDir().resolve(S3EventCompiler.EXISTING_NOTIFICATIONS_FILE);
        assertThat(file).exists();
        List<Map<String, Object>> records = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                Files.readString(file), List.class);
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).containsEntry("function", "importer")
                .containsEntry("functionName", "legacy-dev-importer")
                .containsEntry("bucket", "legacy-data-example")
                .containsEntry("event", "s3:ObjectCreated:Put")
                .containsEntry("rules", List.of(Map.of("Prefix", "incoming/"), Map.of("Suffix", ".csv")))
                .containsEntry("permissionLogicalId", "ImporterLambdaPermissionLegacydataexampleS3");
        assertThat(records.get(1)).containsEntry("event", "s3:ObjectRemoved:*").containsEntry("rules", List.of());
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    @Test
    void noSideFileWithoutExistingBuckets() {
        TestServices.project(dir, """
                service: fresh
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  importer:
                    handler: a.B::c
                    events:
                      - s3: fresh-data-example
                """);
        PackageResult result = TestServices.packageProject(dir, new ArrayList<>());
        assertThat(result.outputDir().resolve(S3EventCompiler.EXISTING_NOTIFICATIONS_FILE)).doesNotExist();
    }
}
