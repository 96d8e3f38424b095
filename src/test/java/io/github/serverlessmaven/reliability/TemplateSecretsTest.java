package io.github.serverlessmaven.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.deploy.DeployInput;
import io.github.serverlessmaven.deploy.DeployInputs;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.pipeline.TemplateSecrets;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret values stay out of target/serverless and come back, in memory only, for the deploy. */
class TemplateSecretsTest {

    static final String YAML = """
            service: demo
            provider:
              name: aws
              runtime: java21
            functions:
              hello:
                handler: demo.Handler
                environment:
                  PW: "pa\\"ss-1234"
                  %s
                  PLAIN: visible
            package:
              artifact: target/app.jar
            """;

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();
    String yaml = YAML.formatted("");

    @Test
    void secretWholeValuesAreWrittenAsPlaceholdersAndRestoredForTheDeploy() throws IOException {
        PackageResult result = packageWithSecrets(Set.of("functions.hello.environment.PW"));

        String written = Files.readString(result.updateStackTemplate());
        assertThat(written).doesNotContain("pa\\\"ss-1234\"")
                .contains("\"PW\": \"{{serverless-maven:secret:functions.hello.environment.PW}}\"")
                .contains("\"PLAIN\": \"visible\"");
        DeployInput fresh = DeployInputs.fromPackage(result);
        DeployInput fromDirectory = DeployInputs.fromDirectory(dir.resolve("target/serverless"), result.service());
        for (DeployInput input : List.of(fresh, fromDirectory)) {
            assertThat(input.updateStackTemplate()).contains("\"PW\": \"pa\\\"ss-1234\"")
                    .doesNotContain("serverless-maven:secret");
        }
        assertThat(warnings).filteredOn(w -> w.contains("secret")).singleElement().asString().startsWith("functions.hello.environment.PW holds a secret")
                .contains("CloudFormation template uploaded").doesNotContain("pa\"ss");
    }

    @Test
    void aSecretInsideALongerTextCannotBeMaskedAndSaysSo() {
        yaml = YAML.formatted("JOINED: prefix-pa\"ss-1234 and more");
        packageWithSecrets(Set.of("functions.hello.environment.PW"));

        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("functions.hello.environment.PW")
                .contains("part of a longer text").doesNotContain("pa\"ss"));
    }

    @Test
    void deployingAPackageWhoseSecretTheConfigurationNoLongerProvidesIsExplained() {
        PackageResult result = packageWithSecrets(Set.of("functions.hello.environment.PW"));
        Service withoutSecrets = result.service().withSecretPaths(Set.of());

        assertThatThrownBy(() -> DeployInputs.fromDirectory(dir.resolve("target/serverless"), withoutSecrets))
                .isInstanceOf(DeployException.class)
                .hasMessage("The template " + dir.resolve("target/serverless/cloudformation-template-update-stack.json")
                        + " needs the secret value of functions.hello.environment.PW, which the configuration no "
                        + "longer provides; perhaps you should run 'mvn serverless:package' again.");
    }

    @Test
    void withoutSecretsTheTemplateIsUntouched() {
        String json = "{\"a\": \"{{resolve:ssm-secure:/app/secret}}\"}";
        Service service = load().withSecretPaths(Set.of());

        assertThat(new TemplateSecrets(service).mask(json)).isEqualTo(json);
        assertThat(TemplateSecrets.unresolved(json)).isNull();
    }

    private PackageResult packageWithSecrets(Set<String> secretPaths) {
        Service service = load().withSecretPaths(secretPaths);
        ServicePipeline pipeline = new ServicePipeline(TestServices.collecting(warnings));
        return pipeline.packageService(TestServices.request(dir), service, TestServices.NOW);
    }

    private Service load() {
        TestServices.project(dir, yaml);
        PackageRequest request = TestServices.request(dir);
        return new ServicePipeline(TestServices.collecting(new ArrayList<>())).load(request);
    }
}
