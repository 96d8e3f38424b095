package io.github.serverlessmaven.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.deploy.DeployInput;
import io.github.serverlessmaven.deploy.DeployInputs;
import io.github.serverlessmaven.deploy.Deployer;
import io.github.serverlessmaven.deploy.InfoReporter;
import io.github.serverlessmaven.deploy.Planner;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.print.ConfigPrinter;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.MotoProject;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A SecureString resolved through {@code ${ssm:...}} reaches the deployed function, but no log line (debug
 * included) and no file under {@code target/} holds it; the warning says where it does go.
 */
class SecretsDoNotLeakMotoTest {

    static final String SECRET = "Sup3r-S3cret-Value-8271";

    @TempDir
    Path dir;

    Moto moto;
    AwsClients aws;
    AwsVariableSources variables;
    MotoProject project;

    @BeforeEach
    void setUp() {
        moto = Moto.fromSystemProperty();
        moto.reset();
        aws = moto.clients();
        variables = new AwsVariableSources(moto.settings());
        project = new MotoProject(dir);
        aws.ssm().putParameter(r -> r.name("/app/secret").type(ParameterType.SECURE_STRING).value(SECRET));
    }

    @AfterEach
    void tearDown() {
        variables.close();
        aws.close();
    }

    @Test
    void secureStringReachesTheFunctionButNoLogLineAndNoLocalFile() throws IOException {
        project.write("", """
                    environment:
                      DB_PASSWORD: ${ssm:/app/secret}
                      DB_URL: postgres://app:${ssm:/app/secret}@db:5432/app
                      DYNAMIC: '{{resolve:ssm-secure:/app/secret}}'
                      PLAIN: visible
                """, "v1");
        ServicePipeline pipeline = new ServicePipeline(project.log());

        Service service = pipeline.load(TestServices.request(dir), variables.sources());
        DeployInput input = DeployInputs.fromPackage(pipeline.packageService(TestServices.request(dir), service,
                Instant.now()));
        new Deployer(aws, project.log(), MotoProject.options()).deploy(input);
        var stack = aws.cloudFormation().describeStacks(r -> r.stackName(MotoProject.STACK)).stacks().get(0);
        new InfoReporter(aws.cloudFormation()).report(service, stack).lines(true).forEach(project.lines::add);
        new Planner(aws, project.log(), MotoProject.options()).plan(DeployInputs.fromDirectory(
                dir.resolve("target/serverless"), pipeline.load(TestServices.request(dir), variables.sources())));
        for (ConfigPrinter.Format format : ConfigPrinter.Format.values()) {
            project.lines.add(ConfigPrinter.print(service.root().toPlain(), service.secretPaths(),
                    format == ConfigPrinter.Format.TEXT ? "functions.hello.environment.DB_PASSWORD" : null, format,
                    "serverless.yml"));
        }

        Map<String, String> deployed = aws.lambda().getFunctionConfiguration(r -> r.functionName(
                MotoProject.FUNCTION)).environment().variables();
        assertThat(deployed).containsEntry("DB_PASSWORD", SECRET)
                .containsEntry("DB_URL", "postgres://app:" + SECRET + "@db:5432/app")
                .containsEntry("PLAIN", "visible");
        assertThat(project.lines).isNotEmpty().noneMatch(line -> line.contains(SECRET));
        try (Stream<Path> files = Files.walk(dir.resolve("target"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(SECRET);
            }
        }
        String template = Files.readString(dir.resolve("target/serverless/cloudformation-template-update-stack.json"));
        assertThat(template).contains("{{resolve:ssm-secure:/app/secret}}", "visible");
        assertThat(project.lines).anySatisfy(line -> assertThat(line).startsWith("WARN")
                .contains("functions.hello.environment.DB_PASSWORD").contains("CloudFormation template"));
    }

    @Test
    void secretEnvironmentVariablesReachTheFunctionButNoLogLineAndNoLocalFile() throws IOException {
        String token = "ghp-Env-Token-5531";
        String gateway = "Gateway-Key-7710";
        project.write("", """
                    environment:
                      GITHUB_TOKEN: ${env:GITHUB_TOKEN}
                      GATEWAY: gw://${env:PAYMENT_GATEWAY}
                      STAGE_NAME: ${env:STAGE_NAME}
                """, "v1");
        PackageRequest plain = TestServices.request(dir);
        PackageRequest request = new PackageRequest(plain.project(), plain.configFile(), null, null, Map.of(),
                Map.of("GITHUB_TOKEN", token, "PAYMENT_GATEWAY", gateway, "STAGE_NAME", "blue"),
                Set.of("PAYMENT_GATEWAY"));
        ServicePipeline pipeline = new ServicePipeline(project.log());

        Service service = pipeline.load(request, variables.sources());
        new Deployer(aws, project.log(), MotoProject.options()).deploy(DeployInputs.fromPackage(
                pipeline.packageService(request, service, Instant.now())));
        project.lines.add(ConfigPrinter.print(service.root().toPlain(), service.secretPaths(), null,
                ConfigPrinter.Format.YAML, "serverless.yml"));

        assertThat(aws.lambda().getFunctionConfiguration(r -> r.functionName(MotoProject.FUNCTION)).environment()
                .variables()).containsEntry("GITHUB_TOKEN", token).containsEntry("GATEWAY", "gw://" + gateway)
                .containsEntry("STAGE_NAME", "blue");
        assertThat(project.lines).isNotEmpty().noneMatch(line -> line.contains(token) || line.contains(gateway));
        try (Stream<Path> files = Files.walk(dir.resolve("target"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(token).doesNotContain(gateway);
            }
        }
        assertThat(Files.readString(dir.resolve("target/serverless/cloudformation-template-update-stack.json")))
                .contains("blue");
    }
}
