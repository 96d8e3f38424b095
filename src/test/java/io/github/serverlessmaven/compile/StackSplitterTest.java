package io.github.serverlessmaven.compile;

import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.TestServices;
import io.github.serverlessmaven.testing.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSplitterTest {

    @TempDir
    Path dir;

    /** A service of {@code n} functions plus {@code extra} named ones; events are added as compilers allow. */
    static String service(int n, String... extra) {
        StringBuilder yaml = new StringBuilder("""
                service: big
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/app.jar
                functions:
                """);
        for (int i = 0; i < n; i++) {
            yaml.append("  fn").append(i).append(":\n    handler: com.example.Fn").append(i).append("::handle\n");
            String peer = i == 0 ? "Fn1LambdaFunction" : i == 47 ? "Fn0LambdaFunction" : "Shared";
            yaml.append("    environment:\n      PEER:\n        Ref: ").append(peer).append("\n");
        }
        for (String name : extra) {
            yaml.append("  ").append(name).append(":\n    handler: com.example.Extra::handle\n");
        }
        yaml.append("""
                resources:
                  Resources:
                    Shared:
                      Type: AWS::SQS::Queue
                  Outputs:
                    FirstFunctionArn:
                      Value:
                        Fn::GetAtt: [Fn0LambdaFunction, Arn]
                """);
        return yaml.toString();
    }

    private PackageResult packageService(Path project, String yaml) {
        TestServices.project(project, yaml);
        return TestServices.packageProject(project, new ArrayList<>());
    }

    @Test
    void splitsPastTheLimitAndKeepsEveryResourceExactlyOnce() throws IOException {
        PackageResult result = packageService(dir, service(300));
        Map<String, Object> root = Templates.read(result.updateStackTemplate());
        List<Path> nestedFiles = nestedTemplates(result.outputDir());
        assertThat(nestedFiles).hasSizeGreaterThan(1);
        assertThat(resources(root)).hasSizeLessThanOrEqualTo(500);
        assertThat(Templates.outputs(root)).hasSizeLessThanOrEqualTo(200);

        Map<String, Integer> seen = new HashMap<>();
        resources(root).keySet().forEach(id -> seen.merge(id, 1, Integer::sum));
        for (Path file : nestedFiles) {
            Map<String, Object> nested = Templates.read(file);
            assertThat(resources(nested)).hasSizeLessThanOrEqualTo(500);
            resources(nested).keySet().forEach(id -> seen.merge(id, 1, Integer::sum));
        }
        assertThat(seen).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        for (int i = 0; i < 300; i++) {
            assertThat(seen).containsKeys("Fn" + i + "LambdaFunction", "Fn" + i + "LogGroup");
        }
        assertThat(seen.keySet().stream().filter(id -> id.contains("LambdaVersion"))).hasSize(300);
        // The nested templates all have the same shape; two of them make the point at a fraction of the time.
        List<Path> all = new ArrayList<>(nestedFiles.subList(0, 2));
        all.add(result.updateStackTemplate());
        ExternalTools.assertCfnLintClean(all);
    }

    @Test
    @SuppressWarnings("unchecked")
    void referencesAcrossStacksGoThroughParametersAndOutputs() {
        PackageResult result = packageService(dir, service(300));
        Map<String, Object> root = Templates.read(result.updateStackTemplate());
        String stack0 = StackSplitter.stackLogicalId("fn0");
        String stack1 = StackSplitter.stackLogicalId("fn1");
        Map<String, Object> nested0 = Templates.read(result.outputDir().resolve(StackSplitter.nestedTemplateFileName(stack0)));

        Map<String, Object> fn0 = Templates.properties(nested0, "Fn0LambdaFunction");
        assertThat(fn0.get("Role")).isEqualTo(Map.of("Ref", "PIamRoleLambdaExecutionArn"));
        Map<String, Object> stackParams = (Map<String, Object>) Templates.properties(root, stack0).get("Parameters");
        assertThat(stackParams.get("PIamRoleLambdaExecutionArn"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("IamRoleLambdaExecution", "Arn")));
        assertThat(stackParams.get("PServerlessDeploymentBucket")).isEqualTo(Map.of("Ref", "ServerlessDeploymentBucket"));

        Object peer = ((Map<String, Object>) ((Map<String, Object>) fn0.get("Environment")).get("Variables")).get("PEER");
        // fn0 and fn1 hash to different nested stacks (18 and 20), so fn0's reference to fn1 crosses stacks.
        assertThat(stack1).isNotEqualTo(stack0);
        assertThat(peer).isEqualTo(Map.of("Ref", "PFn1LambdaFunction"));
        assertThat(stackParams.get("PFn1LambdaFunction"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of(stack1, "Outputs.OFn1LambdaFunction")));
        // fn47 shares fn0's stack: its reference to fn0 stays a plain Ref, with no parameter for it.
        assertThat(StackSplitter.stackLogicalId("fn47")).isEqualTo(stack0);
        Map<String, Object> fn47 = Templates.properties(nested0, "Fn47LambdaFunction");
        assertThat(((Map<String, Object>) fn47.get("Environment")).get("Variables"))
                .isEqualTo(Map.of("PEER", Map.of("Ref", "Fn0LambdaFunction")));
        assertThat(stackParams).doesNotContainKey("PFn0LambdaFunction");
        // An output of the user's that names a moved resource moves with it, export and all.
        assertThat(Templates.outputs(nested0)).containsKey("FirstFunctionArn");
        assertThat(Templates.outputs(root)).doesNotContainKey("FirstFunctionArn");
    }

    @Test
    void addingAFunctionMovesNoExistingResource() throws IOException {
        Map<String, String> before = placement(packageService(dir.resolve("a"), service(300)));
        Map<String, String> after = placement(packageService(dir.resolve("b"), service(300, "brandNew", "another")));
        before.forEach((id, stack) -> assertThat(after.get(id)).as(id).isEqualTo(stack));
        assertThat(after).containsKey("BrandNewLambdaFunction");
    }

    @Test
    void belowTheLimitsNothingIsSplit() throws IOException {
        PackageResult result = packageService(dir, service(20));
        assertThat(nestedTemplates(result.outputDir())).isEmpty();
        assertThat(resources(Templates.read(result.updateStackTemplate())))
                .noneSatisfy((id, r) -> assertThat(((Map<?, ?>) r).get("Type")).isEqualTo("AWS::CloudFormation::Stack"));
    }

    /** Which stack (root or nested template file) each resource ends up in. */
    private static Map<String, String> placement(PackageResult result) throws IOException {
        Map<String, String> out = new HashMap<>();
        resources(Templates.read(result.updateStackTemplate())).keySet().forEach(id -> out.put(id, "root"));
        for (Path file : nestedTemplates(result.outputDir())) {
            resources(Templates.read(file)).keySet().forEach(id -> out.put(id, file.getFileName().toString()));
        }
        out.keySet().removeIf(id -> id.contains("LambdaVersion"));
        return out;
    }

    private static List<Path> nestedTemplates(Path outputDir) throws IOException {
        try (Stream<Path> files = Files.list(outputDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("cloudformation-template-nested-")).sorted()
                    .toList();
        }
    }
}
