package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.XmlConfigLoader;
import io.github.serverlessmaven.config.XmlElement;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ModuleArtifact;
import io.github.serverlessmaven.project.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** package.module: a function deploys the file another module of the Maven build packaged. */
class PackageModuleTest {

    @TempDir
    Path root;

    private final Map<String, ModuleArtifact> modules = new LinkedHashMap<>();
    private final List<String> infos = new ArrayList<>();
    private final Map<String, String> properties = new HashMap<>();

    private Path service() {
        return root.resolve("service");
    }

    private Path write(String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private void reactorModule(String artifactId, String classifier, Path file) {
        String key = "com.example:" + artifactId + (classifier == null ? "" : ":" + classifier);
        modules.put(key, new ModuleArtifact(key, file, "the file the reactor module " + artifactId
                + " packaged in this build"));
    }

    private Map<String, Artifact> prepare(String yaml) throws IOException {
        write("service/serverless.yml", yaml);
        Path base = service();
        ProjectLayout layout = new ProjectLayout(base, base.resolve("target"), base.resolve("target/classes"),
                List.of(), null, Map.of(), properties, null, modules);
        Service service = new ServicePipeline(Log.NONE).load(new PackageRequest(layout, base.resolve("serverless.yml"),
                null, null, Map.of(), Map.of()));
        return new ArtifactPackager().prepare(service, layout, new Log() {
            @Override
            public void info(String message) {
                infos.add(message);
            }

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}
        });
    }

    private static final String TWO_MODULES = """
            service: shop
            provider: { name: aws }
            functions:
              orders:
                handler: com.example.orders.Handler::handleRequest
                package: { module: com.example:orders-function }
              billing:
                handler: com.example.billing.Handler::handleRequest
                package: { module: 'com.example:billing-function:aws' }
            """;

    @Test
    void eachFunctionDeploysTheFileItsModulePackagedAndTheLogSaysWhy() throws IOException {
        Path orders = write("orders-function/target/orders-function-1.0.jar", "orders jar");
        Path billing = write("billing-function/target/billing-function-1.0-aws.jar", "billing aws jar");
        reactorModule("orders-function", null, orders);
        reactorModule("billing-function", null, write("billing-function/target/billing-function-1.0.jar", "thin"));
        reactorModule("billing-function", "aws", billing);

        Map<String, Artifact> artifacts = prepare(TWO_MODULES);

        assertThat(artifacts.get("orders").file()).isEqualTo(orders);
        assertThat(artifacts.get("orders").sha256Base64()).isEqualTo(Digests.sha256Base64(orders));
        assertThat(artifacts.get("billing").file()).isEqualTo(billing);
        assertThat(infos).containsExactly(
                "Artifact ../orders-function/target/orders-function-1.0.jar for orders: functions.orders.package"
                        + ".module is 'com.example:orders-function': the file the reactor module orders-function "
                        + "packaged in this build",
                "Artifact ../billing-function/target/billing-function-1.0-aws.jar for billing: functions.billing"
                        + ".package.module is 'com.example:billing-function:aws': the file the reactor module "
                        + "billing-function packaged in this build");
    }

    @Test
    void thePomFormNamesModulesTheSameWay() throws IOException {
        Path orders = write("orders-function/target/orders-function-1.0.jar", "orders jar");
        reactorModule("orders-function", null, orders);
        XmlElement pom = el("serverless", leaf("service", "shop"), el("provider", leaf("name", "aws")),
                el("functions", el("orders", leaf("handler", "com.example.Handler::handleRequest"),
                        el("package", leaf("module", "com.example:orders-function")))));
        Path base = service();
        Files.createDirectories(base);
        ProjectLayout layout = new ProjectLayout(base, base.resolve("target"), base.resolve("target/classes"),
                List.of(), null, Map.of(), new HashMap<>(), null, modules);
        Service service = new ServicePipeline(Log.NONE, new XmlConfigLoader("pom.xml").load(pom))
                .load(new PackageRequest(layout, base.resolve("serverless.yml"), null, null, Map.of(), Map.of()));
        assertThat(new ArtifactPackager().prepare(service, layout, Log.NONE).get("orders").file()).isEqualTo(orders);
    }

    private static XmlElement el(String name, XmlElement... children) {
        return new XmlElement(name, Map.of(), null, List.of(children));
    }

    private static XmlElement leaf(String name, String text) {
        return new XmlElement(name, Map.of(), text, List.of());
    }

    @Test
    void serviceLevelModuleServesEveryFunctionWithoutItsOwn() throws IOException {
        Path shared = write("app/target/app-1.0.jar", "app jar");
        reactorModule("app", null, shared);
        Map<String, Artifact> artifacts = prepare("""
                service: shop
                provider: { name: aws }
                package: { module: ' com.example : app ' }
                functions:
                  a: { handler: com.example.A::handleRequest }
                  b: { handler: com.example.B::handleRequest }
                """);
        assertThat(artifacts.get("a").file()).isEqualTo(shared);
        assertThat(artifacts.get("b")).isSameAs(artifacts.get("a"));
    }

    @Test
    void aModuleOutsideTheBuildAsksToDeclareItAsADependency() {
        assertThatThrownBy(() -> prepare(TWO_MODULES))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:6:24: at 'functions.orders.package.module': the module "
                        + "'com.example:orders-function' is neither a module of this build nor a dependency of this "
                        + "project, perhaps you should add it to this service module's pom.xml as <dependency>"
                        + "<groupId>com.example</groupId><artifactId>orders-function</artifactId><version>…"
                        + "</version></dependency> so that Maven builds it before this module and hands its file to "
                        + "the plugin");
    }

    @Test
    void aReactorModuleNotPackagedYetSaysTheReactorOrdersTheBuildByDependencies() {
        reactorModule("orders-function", null, null);
        assertThatThrownBy(() -> prepare(TWO_MODULES))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at 'functions.orders.package.module': the module 'com.example:orders-function'"
                        + " is part of this build but had not been packaged when this module was built (no file)")
                .hasMessageContaining("perhaps you should declare it in this service module's pom.xml as "
                        + "<dependency><groupId>com.example</groupId><artifactId>orders-function</artifactId>"
                        + "<version>…</version></dependency>, so that the reactor builds it first, and run a phase "
                        + "that packages it, such as `mvn package`");
    }

    @Test
    void aCompiledButUnpackagedModuleIsRejectedWithItsFolder() throws IOException {
        Path classes = write("orders-function/target/classes/x.txt", "x").getParent();
        reactorModule("orders-function", null, classes);
        assertThatThrownBy(() -> prepare(TWO_MODULES))
                .hasMessageContaining("had not been packaged when this module was built (its file is " + classes + ")");
    }

    @Test
    void aMissingClassifierListsWhatTheModuleProvides() throws IOException {
        reactorModule("orders-function", null, write("orders-function/target/orders-function-1.0.jar", "jar"));
        reactorModule("billing-function", null, write("billing-function/target/billing-function-1.0.jar", "jar"));
        reactorModule("billing-function", "shaded", write("billing-function/target/b-shaded.jar", "jar"));
        assertThatThrownBy(() -> prepare(TWO_MODULES))
                .hasMessageContaining("serverless.yml:9:24: at 'functions.billing.package.module': the module "
                        + "'com.example:billing-function' has no artifact with classifier 'aws' (it provides: "
                        + "classifier 'shaded', its packaged file), perhaps you should check the classifier");
    }

    @Test
    void theShadePluginsOriginalJarIsNeverChosen() throws IOException {
        reactorModule("orders-function", null, write("orders-function/target/original-orders-function-1.0.jar", "x"));
        reactorModule("billing-function", "aws", write("billing-function/target/b-aws.jar", "jar"));
        assertThatThrownBy(() -> prepare(TWO_MODULES))
                .hasMessageContaining("at 'functions.orders.package.module': the module 'com.example:orders-function'"
                        + " provides ")
                .hasMessageContaining("original-orders-function-1.0.jar, the jar the maven-shade-plugin leaves "
                        + "behind without the dependencies");
    }

    @Test
    void namingTheServiceModuleItselfPointsAtItsOwnOutput() {
        properties.put("project.groupId", "com.example");
        properties.put("project.artifactId", "orders-function");
        assertThatThrownBy(() -> prepare(TWO_MODULES))
                .hasMessage("serverless.yml:6:24: at 'functions.orders.package.module': 'com.example:orders-function' "
                        + "is this module itself, not another module of the build, perhaps you should leave "
                        + "functions.orders.package.module out: without it the plugin takes this module's own output "
                        + "(set custom.serverlessMaven.classifier for a file it attaches)");
    }

    @Test
    void coordinatesMustBeGroupIdArtifactIdAndOptionalClassifier() {
        assertThatThrownBy(() -> prepare("""
                service: shop
                provider: { name: aws }
                functions:
                  orders:
                    handler: com.example.Handler::handleRequest
                    package: { module: orders-function }
                """))
                .hasMessage("serverless.yml:6:24: at 'functions.orders.package.module': expected Maven coordinates "
                        + "groupId:artifactId or groupId:artifactId:classifier but found 'orders-function', perhaps "
                        + "you should write the module as in its pom.xml, e.g. 'com.example:orders-function' or "
                        + "'com.example:orders-function:aws'");
    }

    @Test
    void artifactAndModuleTogetherAreAmbiguous() {
        assertThatThrownBy(() -> prepare("""
                service: shop
                provider: { name: aws }
                functions:
                  orders:
                    handler: com.example.Handler::handleRequest
                    package:
                      artifact: target/app.jar
                      module: com.example:orders-function
                """))
                .hasMessage("serverless.yml:8:15: at 'functions.orders.package.module': both package.artifact and "
                        + "package.module are set, so the file to deploy is ambiguous, perhaps you should keep only "
                        + "one of them: package.module for a module of the Maven build, package.artifact for any "
                        + "other file");
    }
}
