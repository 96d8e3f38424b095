package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.outputs;
import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resource;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsBehaviourTest {

    @TempDir
    Path dir;

    /**
     * cfn-parity normalises deployment IDs and layer hashes away; they must still be v3's own, or a stack
     * deployed by v3 would see a new deployment and a new layer version on the first take-over.
     */
    @Test
    void websocketDeploymentIdLayerHashesAndTargetGroupNamesAreV3s() {
        for (String name : List.of("websocket", "function-features", "alb", "alb-auth")) {
            Map<String, Object> ours = Templates.read(ParityCases.packageCase(name, dir.resolve(name))
                    .updateStackTemplate());
            Map<String, Object> v3 = Templates.read(ParityCases.referenceDir(name)
                    .resolve("cloudformation-template-update-stack.json"));
            assertThat(withoutVersions(resources(ours).keySet())).as(name)
                    .containsExactlyInAnyOrderElementsOf(withoutVersions(resources(v3).keySet()));
            for (String id : withoutVersions(resources(v3).keySet())) {
                if (id.contains("TargetGroup")) {
                    assertThat(properties(ours, id).get("Name")).isEqualTo(properties(v3, id).get("Name"));
                }
            }
            for (String key : outputs(v3).keySet()) {
                if (key.endsWith("LambdaLayerHash")) {
                    assertThat(value(outputs(ours), key)).as(key).isEqualTo(value(outputs(v3), key));
                }
            }
        }
    }

    @Test
    void streamStartsAtTheGivenTimestampWithOrWithoutAConsumer() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: clicks
                provider: { name: aws, runtime: java21 }
                package: { artifact: target/app.jar }
                functions:
                  direct:
                    handler: a.B::c
                    events:
                      - stream:
                          arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                          startingPosition: AT_TIMESTAMP
                          startingPositionTimestamp: 1700000000
                  fanOut:
                    handler: a.B::c
                    events:
                      - stream:
                          arn: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                          consumer: true
                          startingPosition: AT_TIMESTAMP
                          startingPositionTimestamp: 1700000001
                """);
        List<Object> timestamps = resources(t).entrySet().stream()
                .filter(e -> e.getKey().contains("EventSourceMapping"))
                .map(e -> properties(t, e.getKey()).get("StartingPositionTimestamp")).toList();
        assertThat(timestamps).containsExactlyInAnyOrder(1700000000, 1700000001);
    }

    @Test
    void httpApiNameCanStartWithServiceAndRoutesTargetTheProvisionedAlias() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: shop
                provider:
                  name: aws
                  runtime: java21
                  httpApi:
                    shouldStartNameWithService: true
                package:
                  artifact: target/app.jar
                functions:
                  api:
                    handler: a.B::c
                    provisionedConcurrency: 2
                    events:
                      - httpApi: '*'
                      - httpApi: 'ANY /proxy/{proxy+}'
                """);
        assertThat(properties(t, "HttpApi")).containsEntry("Name", "shop-dev").doesNotContainKey("CorsConfiguration");
        Object aliasArn = Map.of("Fn::Join", List.of(":", List.of(Map.of("Fn::GetAtt",
                List.of("ApiLambdaFunction", "Arn")), "provisioned")));
        assertThat(properties(t, "HttpApiIntegrationApi")).containsEntry("IntegrationUri", aliasArn)
                .containsEntry("PayloadFormatVersion", "2.0");
        assertThat(resource(t, "HttpApiIntegrationApi")).containsEntry("DependsOn", "ApiProvConcLambdaAlias");
        assertThat(resource(t, "ApiLambdaPermissionHttpApi")).containsEntry("DependsOn", "ApiProvConcLambdaAlias");
        assertThat(properties(t, "HttpApiRouteDefault")).containsEntry("RouteKey", "$default");
        assertThat(properties(t, "HttpApiRouteAnyProxyProxyVar")).containsEntry("RouteKey", "ANY /proxy/{proxy+}");
    }

    @Test
    void externalHttpApiGetsRoutesButNoApiStageOrOutputs() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: shop
                provider:
                  name: aws
                  httpApi:
                    id: abc123
                package:
                  artifact: target/app.jar
                functions:
                  api:
                    handler: a.B::c
                    events:
                      - httpApi:
                          method: GET
                          path: /x
                          authorizer:
                            id: auth42
                            scopes: [read]
                """);
        assertThat(resources(t)).doesNotContainKeys("HttpApi", "HttpApiStage");
        assertThat(outputs(t)).doesNotContainKeys("HttpApiId", "HttpApiUrl");
        assertThat(properties(t, "HttpApiRouteGetX")).containsEntry("ApiId", "abc123")
                .containsEntry("AuthorizationType", "JWT").containsEntry("AuthorizerId", "auth42")
                .containsEntry("AuthorizationScopes", List.of("read"));
    }

    @Test
    void externalWebsocketApiGetsADeploymentWithStageAndNoApi() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: chat
                provider:
                  name: aws
                  apiGateway:
                    websocketApiId: ws123
                package:
                  artifact: target/app.jar
                functions:
                  connect:
                    handler: a.B::c
                    events:
                      - websocket: $connect
                """);
        assertThat(resources(t)).doesNotContainKeys("WebsocketsApi", "WebsocketsDeploymentStage");
        String deployment = resources(t).keySet().stream().filter(k -> k.startsWith("WebsocketsDeployment"))
                .findFirst().orElseThrow();
        assertThat(properties(t, deployment)).containsEntry("ApiId", "ws123").containsEntry("StageName", "dev");
        assertThat(resource(t, "ConnectLambdaPermissionWebsockets"))
                .containsEntry("DependsOn", List.of("ConnectLambdaFunction"));
    }

    @Test
    void websocketDeploymentIdFollowsTheRoutes() {
        String yaml = """
                service: chat
                provider: { name: aws }
                package: { artifact: target/app.jar }
                functions:
                  connect:
                    handler: a.B::c
                    events:
                      - websocket: %s
                """;
        String first = deploymentId(TestServices.compile(dir.resolve("a"), yaml.formatted("$connect")));
        String same = deploymentId(TestServices.compile(dir.resolve("b"), yaml.formatted("$connect")));
        String changed = deploymentId(TestServices.compile(dir.resolve("c"), yaml.formatted("$default")));
        assertThat(first).isEqualTo(same).isNotEqualTo(changed);
    }

    @Test
    void urlAndEventInvokeConfigFollowTheSnapStartAliasAndOwnRolesGetNoStatements() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: feat
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/app.jar
                functions:
                  api:
                    handler: a.B::c
                    snapStart: true
                    url: true
                    maximumEventAge: 120
                  external:
                    handler: a.B::d
                    role: arn:aws:iam::123456789012:role/own
                    destinations:
                      onFailure: arn:aws:sqs:us-east-1:123456789012:dlq
                """);
        assertThat(resource(t, "ApiLambdaFunctionUrl")).containsEntry("DependsOn", "ApiSnapStartLambdaAlias");
        assertThat(properties(t, "ApiLambdaEvConf")).containsEntry("Qualifier", "snapstart")
                .containsEntry("MaximumEventAgeInSeconds", 120).containsEntry("DestinationConfig", Map.of());
        assertThat(properties(t, "ExternalLambdaEvConf")).containsEntry("Qualifier", "$LATEST");
        assertThat(t.toString()).doesNotContain("sqs:SendMessage");
    }

    @Test
    void providerLayersReachEveryFunctionAndTheTemplateLintsClean() throws Exception {
        Files.createDirectories(dir.resolve("target"));
        Files.write(dir.resolve("target/layer.zip"), new byte[] {80, 75, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0});
        TestServices.project(dir, """
                service: feat
                provider:
                  name: aws
                  runtime: java21
                  layers:
                    - Ref: SharedLambdaLayer
                package:
                  artifact: target/app.jar
                layers:
                  shared:
                    package:
                      artifact: target/layer.zip
                functions:
                  one:
                    handler: a.B::c
                  two:
                    handler: a.B::d
                """);
        var result = TestServices.packageProject(dir, new java.util.ArrayList<>());
        Map<String, Object> t = Templates.read(result.updateStackTemplate());
        assertThat(properties(t, "OneLambdaFunction")).containsEntry("Layers", List.of(Map.of("Ref",
                "SharedLambdaLayer")));
        assertThat(properties(t, "TwoLambdaFunction")).containsEntry("Layers", List.of(Map.of("Ref",
                "SharedLambdaLayer")));
        assertThat(((Map<?, ?>) properties(t, "SharedLambdaLayer").get("Content")).get("S3Key").toString())
                .endsWith("/layer.zip");
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    @Test
    void httpApiWarnsWhenTheFunctionMayOutliveTheEndpoint() {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        TestServices.project(dir, """
                service: slow
                provider: { name: aws }
                package: { artifact: target/app.jar }
                functions:
                  report:
                    handler: a.B::c
                    timeout: 60
                    events:
                      - httpApi: 'GET /report'
                """);
        TestServices.packageProject(dir, warnings);
        assertThat(warnings).anyMatch(w -> w.contains("at 'functions.report.timeout': function 'report' has a "
                + "timeout of 60 s, but an HTTP API waits at most 30 s"));
    }

    private static List<String> withoutVersions(java.util.Set<String> ids) {
        return ids.stream().filter(id -> !id.contains("LambdaVersion")).toList();
    }

    private static Object value(Map<String, Object> outputs, String key) {
        return ((Map<?, ?>) outputs.get(key)).get("Value");
    }

    private static String deploymentId(Map<String, Object> template) {
        return resources(template).keySet().stream().filter(k -> k.startsWith("WebsocketsDeployment")
                && !k.equals("WebsocketsDeploymentStage")).findFirst().orElseThrow();
    }
}
