package io.github.serverlessmaven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/**
 * Runs after the invoker's {@code examples} execution has built, tested and deployed (plain {@code mvn deploy})
 * every project under examples/ to moto: checks what each deployed, in the emulator and in its deploy report.
 */
class ExamplesIT {

    private static final Path EXAMPLES = Path.of(System.getProperty("examples.dir", "target/examples"));

    @ParameterizedTest
    @CsvSource({
        "hello-api,         hello,                   AWS::ApiGateway::RestApi",
        "rest-api-dynamodb, items,                   AWS::DynamoDB::Table",
        "sqs-worker,        worker,                  AWS::SQS::Queue",
        "scheduled-job,     dailyReport orderAudit,  AWS::Events::Rule",
    })
    void exampleIsDeployedToTheEmulator(String example, String functions, String expectedType) throws IOException {
        Moto moto = Moto.fromSystemProperty();
        Path project = EXAMPLES.resolve(example);
        Path reportFile = project.resolve("target/serverless/deploy-report.json");
        assertThat(reportFile).as("%s was deployed by the invoker run (see %s/build.log)", example, project).exists();
        Map<String, Object> report = Templates.read(reportFile);
        assertThat(report).containsEntry("result", "deployed").containsEntry("stack", example + "-dev");

        String stack = example + "-dev";
        List<StackResource> resources = moto.clients().cloudFormation()
                .describeStackResources(r -> r.stackName(stack)).stackResources();
        assertThat(resources).extracting(StackResource::resourceType).contains(expectedType, "AWS::Lambda::Function");
        for (String function : functions.split(" ")) {
            String name = example + "-dev-" + function;
            var configuration = moto.clients().lambda().getFunction(r -> r.functionName(name)).configuration();
            assertThat(configuration.runtime().toString()).isEqualTo("java21");
            // The function runs exactly the zip the plugin built.
            assertThat(configuration.codeSha256()).isEqualTo(sha256(project.resolve("target/serverless/" + example + ".zip")));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reported = (List<Map<String, Object>>) report.get("functions");
        assertThat(reported).extracting(f -> f.get("key")).containsExactlyInAnyOrder((Object[]) functions.split(" "));
        if (example.equals("hello-api")) {
            assertThat((List<Object>) report.get("endpoints")).singleElement().asString()
                    .matches("https://\\w+\\.execute-api\\.us-east-1\\.amazonaws\\.com/dev");
        }
        try (ZipFile zip = new ZipFile(project.resolve("target/serverless/" + example + ".zip").toFile())) {
            assertThat(zip.stream().map(e -> e.getName()))
                    .anyMatch(n -> n.startsWith("com/example/") && n.endsWith(".class"))
                    .anyMatch(n -> n.matches("lib/aws-lambda-java-events-.*\\.jar"));
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
