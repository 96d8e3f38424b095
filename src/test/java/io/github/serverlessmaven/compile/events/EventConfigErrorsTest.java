package io.github.serverlessmaven.compile.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each user mistake in httpApi, websocket, alb, destinations and layers is reported at its file:line:col. */
class EventConfigErrorsTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            service: errors
            provider:
              name: aws
              runtime: java21
            package:
              artifact: target/app.jar
            functions:
            """;

    @Test
    void httpApiRouteWithoutMethod() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  list:
                    handler: a.B::c
                    events:
                      - httpApi: /items
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:11:18: at 'functions.list.events[0].httpApi': expected '<METHOD> <path>' "
                        + "(such as 'GET /items') or '*' but found '/items', perhaps you should add the method: "
                        + "'GET /items' (or 'ANY /items' for any method)");
    }

    @Test
    void httpApiObjectWithoutMethod() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  list:
                    handler: a.B::c
                    events:
                      - httpApi:
                          path: /items
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at 'functions.list.events[0].httpApi': missing required property 'method' for "
                        + "path '/items', perhaps you should add 'method: GET'");
    }

    @Test
    void httpApiInvalidMethod() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  list:
                    handler: a.B::c
                    events:
                      - httpApi:
                          method: FETCH
                          path: /items
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("serverless.yml:12:19: at 'functions.list.events[0].httpApi.method': "
                        + "unsupported method 'FETCH', expected one of [ANY, GET, POST, PUT, PATCH, OPTIONS, HEAD, "
                        + "DELETE] or '*'");
    }

    @Test
    void httpApiRouteClaimedByTwoFunctions() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  list:
                    handler: a.B::c
                    events:
                      - httpApi: 'GET /items'
                  other:
                    handler: a.B::d
                    events:
                      - httpApi:
                          method: get
                          path: /items
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:16:11: at 'functions.other.events[0].httpApi': the route 'GET /items' is "
                        + "already used by function 'list' at serverless.yml:11:18, perhaps you should change the "
                        + "method or path of one of them");
    }

    @Test
    void httpApiAuthorizerNotDefinedInProvider() {
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: errors
                provider:
                  name: aws
                  httpApi:
                    authorizers:
                      jwtAuth:
                        type: jwt
                        identitySource: $request.header.Authorization
                        issuerUrl: https://issuer.example.com
                        audience: [app]
                package:
                  artifact: target/app.jar
                functions:
                  list:
                    handler: a.B::c
                    events:
                      - httpApi:
                          method: GET
                          path: /items
                          authorizer: jwtAuht
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:20:23: at 'functions.list.events[0].httpApi.authorizer': the authorizer "
                        + "'jwtAuht' is not defined in provider.httpApi.authorizers, perhaps you should write 'jwtAuth'");
    }

    @Test
    void httpApiRequestAuthorizerWithUnknownFunction() {
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: errors
                provider:
                  name: aws
                  httpApi:
                    authorizers:
                      custom:
                        type: request
                        functionName: missing
                package:
                  artifact: target/app.jar
                functions:
                  list:
                    handler: a.B::c
                    events:
                      - httpApi: 'GET /items'
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:8:23: at 'provider.httpApi.authorizers.custom.functionName': "
                        + "function 'missing' for HTTP API authorizer 'custom' is not defined in this service");
    }

    @Test
    void destinationToFunctionThatDoesNotExist() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  worker:
                    handler: a.B::c
                    destinations:
                      onSuccess: reportr
                  report:
                    handler: a.B::d
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:11:18: at 'functions.worker.destinations.onSuccess': the destination "
                        + "'reportr' is neither an ARN nor a function of this service, perhaps you should write 'report'");
    }

    @Test
    void destinationArnOfUnsupportedService() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  worker:
                    handler: a.B::c
                    destinations:
                      onFailure: arn:aws:s3:::bucket
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unsupported destination 'arn:aws:s3:::bucket'");
    }

    @Test
    void layerReferenceToUndefinedLayer() throws Exception {
        Files.createDirectories(dir.resolve("target"));
        Files.write(dir.resolve("target/layer.zip"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: errors
                provider:
                  name: aws
                package:
                  artifact: target/app.jar
                layers:
                  commons:
                    package:
                      artifact: target/layer.zip
                functions:
                  api:
                    handler: a.B::c
                    layers:
                      - arn:aws:lambda:us-east-1:123456789012:layer:x:1
                      - Ref: CommonLambdaLayer
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:15:9: at 'functions.api.layers[1]': the layer reference "
                        + "'CommonLambdaLayer' matches no layer under 'layers:' and no resource of the stack, perhaps "
                        + "you should write 'CommonsLambdaLayer'");
    }

    @Test
    void layerWithoutArtifact() {
        assertThatThrownBy(() -> TestServices.compile(dir, """
                service: errors
                provider:
                  name: aws
                package:
                  artifact: target/app.jar
                layers:
                  commons:
                    path: layer
                functions:
                  api:
                    handler: a.B::c
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at 'layers.commons.package.artifact': layer 'commons' has no package.artifact");
    }

    @Test
    void websocketAuthorizerFunctionNotDefined() {
        assertThatThrownBy(() -> TestServices.compile(dir, HEAD + """
                  connect:
                    handler: a.B::c
                    events:
                      - websocket:
                          route: $connect
                          authorizer: auht
                  auth:
                    handler: a.B::d
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:13:23: at 'functions.connect.events[0].websocket.authorizer': the "
                        + "authorizer function 'auht' is not defined in this service, perhaps you should write 'auth'");
    }

    @Test
    void albInvalidListenerArnAndDuplicatePriority() {
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("arn"), HEAD + """
                  web:
                    handler: a.B::c
                    events:
                      - alb:
                          listenerArn: arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x/y
                          priority: 1
                          conditions:
                            path: /x
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:12:24: at 'functions.web.events[0].alb.listenerArn': invalid "
                        + "ALB listener ARN");
        String arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/my-alb/abc/def";
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("priority"), HEAD + """
                  web:
                    handler: a.B::c
                    events:
                      - alb: {listenerArn: %s, priority: 7, conditions: {path: /a}}
                  other:
                    handler: a.B::d
                    events:
                      - alb: {listenerArn: %s, priority: 7, conditions: {path: /b}}
                """.formatted(arn, arn)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("at 'functions.other.events[0].alb.priority': priority 7 is already used on "
                        + "this listener by function 'web'");
    }
}
