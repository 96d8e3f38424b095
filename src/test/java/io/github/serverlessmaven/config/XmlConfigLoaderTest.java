package io.github.serverlessmaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlConfigLoaderTest {

    private static final String YAML = """
            service: pomform
            provider:
              name: aws
              runtime: java21
              memorySize: 512
              environment:
                TABLE: orders
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action:
                        - dynamodb:GetItem
                      Resource:
                        Fn::GetAtt: [OrdersTable, Arn]
            package:
              artifact: target/app.jar
            functions:
              hello:
                handler: com.example.Hello::handleRequest
                timeout: 10
            resources:
              Resources:
                OrdersTable:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                    AttributeDefinitions:
                      - AttributeName: id
                        AttributeType: S
                    KeySchema:
                      - AttributeName: id
                        KeyType: HASH
            """;

    /** The same service as {@link #YAML}, as a user would write it in the POM. */
    static XmlElement pomForm() {
        return el("serverless",
                leaf("service", "pomform"),
                el("provider", leaf("name", "aws"), leaf("runtime", "java21"), leaf("memorySize", "512"),
                        el("environment", leaf("TABLE", "orders")),
                        el("iam", el("role", el("statements", el("statement",
                                leaf("Effect", "Allow"),
                                el("Action", leaf("item", "dynamodb:GetItem")),
                                el("Resource", keyed("Fn::GetAtt", leaf("item", "OrdersTable"), leaf("item", "Arn")))))))),
                el("package", leaf("artifact", "target/app.jar")),
                el("functions", el("hello", leaf("handler", "com.example.Hello::handleRequest"), leaf("timeout", "10"))),
                el("resources", el("Resources", el("OrdersTable", leaf("Type", "AWS::DynamoDB::Table"),
                        el("Properties", leaf("BillingMode", "PAY_PER_REQUEST"),
                                el("AttributeDefinitions", el("item", leaf("AttributeName", "id"), leaf("AttributeType", "S"))),
                                el("KeySchema", el("item", leaf("AttributeName", "id"), leaf("KeyType", "HASH"))))))));
    }

    @Test
    void pomFormReadsAsTheSameTreeAsYaml() {
        Node fromPom = new XmlConfigLoader("pom.xml").load(pomForm());
        Node fromYaml = YamlLoader.load(YAML, "serverless.yml");
        assertThat(fromPom.toPlain()).isEqualTo(fromYaml.toPlain());
    }

    @Test
    void bothFormsGiveByteIdenticalTemplates(@TempDir Path dir) throws Exception {
        Path yamlProject = TestServices.project(dir.resolve("yaml"), YAML);
        PackageResult fromYaml = TestServices.packageProject(yamlProject, null);

        Path pomProject = TestServices.project(dir.resolve("pom"), "");
        Files.delete(pomProject.resolve("serverless.yml"));
        ServicePipeline pipeline = new ServicePipeline(TestServices.collecting(null),
                new XmlConfigLoader("pom.xml").load(pomForm()));
        PackageRequest request = TestServices.request(pomProject);
        PackageResult fromPom = pipeline.packageService(request, pipeline.load(request), TestServices.NOW);

        assertThat(Files.readString(fromPom.updateStackTemplate())).isEqualTo(Files.readString(fromYaml.updateStackTemplate()));
        assertThat(Files.readString(fromPom.createStackTemplate())).isEqualTo(Files.readString(fromYaml.createStackTemplate()));
    }

    @Test
    void yamlWinsWhenBothExistAndTheBuildSaysSo(@TempDir Path dir) {
        Path project = TestServices.project(dir, YAML.replace("memorySize: 512", "memorySize: 256"));
        List<String> warnings = new ArrayList<>();
        ServicePipeline pipeline = new ServicePipeline(TestServices.collecting(warnings),
                new XmlConfigLoader("pom.xml").load(pomForm()));
        var service = pipeline.load(TestServices.request(project));
        assertThat(service.provider().memorySize()).isEqualTo(256);
        assertThat(warnings).containsExactly("Both serverless.yml and <serverless> in the POM define the service; "
                + "using serverless.yml (remove one of them to silence this warning)");
    }

    @Test
    void errorsNameThePomElementPath() {
        Node fromPom = new XmlConfigLoader("pom.xml").load(el("serverless", leaf("service", "svc"),
                el("provider", leaf("name", "aws"), leaf("memorySize", "lots"))));
        assertThatThrownBy(() -> new io.github.serverlessmaven.validate.ServiceParser(new Diagnostics())
                .parse(fromPom, "pom.xml", null, null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("pom.xml <serverless><provider><memorySize>: at 'provider.memorySize': expected an "
                        + "integer from 128 to 10240 but found a string 'lots', perhaps you should change the value "
                        + "to an integer from 128 to 10240");
    }

    @Test
    void typeAttributeKeepsStringsAndMakesEmptyCollections() {
        Node n = new XmlConfigLoader("pom.xml").load(el("x", new XmlElement("account", Map.of("type", "string"),
                "0123", List.of()), new XmlElement("layers", Map.of("type", "list"), "", List.of())));
        assertThat(n.toPlain()).isEqualTo(Map.of("account", "0123", "layers", List.of()));
    }

    private static XmlElement el(String name, XmlElement... children) {
        return new XmlElement(name, Map.of(), null, List.of(children));
    }

    private static XmlElement keyed(String key, XmlElement... children) {
        return new XmlElement("entry", Map.of("key", key), null, List.of(children));
    }

    private static XmlElement leaf(String name, String text) {
        return new XmlElement(name, Map.of(), text, List.of());
    }
}
