package io.github.serverlessmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.compile.TemplateCompiler;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each example's serverless.yml, rewritten in the POM form by the documented rules (maps as elements, lists as
 * {@code <item>}s, {@code <entry key>} for keys that are no XML names, {@code type} where text would be read
 * otherwise), compiles to byte-identical templates.
 */
class ExamplesInPomFormTest {

    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private static final Pattern LOOKS_TYPED = Pattern.compile("true|false|null|-?\\d+(\\.\\d+)?");

    @ParameterizedTest
    @ValueSource(strings = {"hello-api", "rest-api-dynamodb", "sqs-worker", "scheduled-job"})
    void bothFormsCompileToTheSameTemplates(String example) throws IOException {
        Path project = Path.of("examples").resolve(example).toAbsolutePath();
        Node yaml = YamlLoader.load(project.resolve("serverless.yml"), "serverless.yml");
        XmlElement pom = toPom("serverless", yaml, null);
        Node fromPom = new XmlConfigLoader("pom.xml").load(pom);
        assertThat(fromPom.toPlain()).isEqualTo(yaml.toPlain());

        PackageRequest request = TestServices.request(project);
        String fromYamlJson = compile(new ServicePipeline(TestServices.collecting(new ArrayList<>())).load(request));
        Path noYaml = project.resolve("does-not-exist.yml");
        PackageRequest pomRequest = new PackageRequest(request.project(), noYaml, null, null, Map.of(), Map.of());
        String fromPomJson = compile(new ServicePipeline(TestServices.collecting(new ArrayList<>()), fromPom)
                .load(pomRequest));
        assertThat(fromPomJson).isEqualTo(fromYamlJson);
    }

    private static String compile(Service service) {
        Map<String, Artifact> artifacts = new LinkedHashMap<>();
        Artifact artifact = new Artifact(Path.of("service.zip"), "c2FtZS1ieXRlcw==");
        service.functions().keySet().forEach(k -> artifacts.put(k, artifact));
        return new TemplateCompiler().compile(service, artifacts, "serverless/x/dev/1-x",
                new Diagnostics()).updateStack().toJson();
    }

    /** The documented POM form of a node, as a user would write it. */
    static XmlElement toPom(String name, Node node, String parent) {
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean xmlName = XML_NAME.matcher(name).matches();
        String element = xmlName ? name : "entry";
        if (!xmlName) {
            attributes.put("key", name);
        }
        if (node instanceof MapNode map) {
            if (map.entries().isEmpty()) {
                attributes.put("type", "map");
            } else if (map.entries().size() == 1) {
                // One child named item, or the singular of this element, would read as a list.
                attributes.put("type", "map");
            }
            List<XmlElement> children = new ArrayList<>();
            map.entries().forEach((k, v) -> children.add(toPom(k, v, element)));
            return new XmlElement(element, attributes, null, children);
        }
        if (node instanceof ListNode list) {
            attributes.put("type", "list");
            List<XmlElement> children = new ArrayList<>();
            list.items().forEach(item -> children.add(toPom("item", item, element)));
            return new XmlElement(element, attributes, null, children);
        }
        Object value = ((ScalarNode) node).value();
        if (value == null) {
            return new XmlElement(element, attributes, "null", List.of());
        }
        String text = String.valueOf(value);
        if (value instanceof String && LOOKS_TYPED.matcher(text).matches()) {
            attributes.put("type", "string");
        }
        return new XmlElement(element, attributes, text, List.of());
    }
}
