package io.github.serverlessmaven.compile.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every other configuration mistake the httpApi, websocket, alb, url, destination and layer compilers report:
 * provider lines, a functions block, and the expected "<path>': <message>" text.
 */
class EventConfigErrorTableTest {

    @TempDir
    Path dir;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("httpApi: {authorizers: {jwt: {identitySource: $request.header.Authorization}}}",
                        "api: {handler: a.B::c, events: [{httpApi: 'GET /a'}]}",
                        "at 'provider.httpApi.authorizers.jwt': a JWT authorizer needs 'issuerUrl' and 'audience'"),
                Arguments.of("httpApi: {authorizers: {req: {type: request, functionName: api, functionArn: "
                        + "'arn:aws:lambda:us-east-1:1:function:x'}}}",
                        "api: {handler: a.B::c, events: [{httpApi: 'GET /a'}]}",
                        "at 'provider.httpApi.authorizers.req': a request authorizer needs exactly one of "
                                + "'functionName' and 'functionArn'"),
                Arguments.of("httpApi: {authorizers: {req: {type: request, functionName: api, resultTtlInSeconds: 60}}}",
                        "api: {handler: a.B::c, events: [{httpApi: 'GET /a'}]}",
                        "at 'provider.httpApi.authorizers.req.resultTtlInSeconds': 'identitySource' has to be set on "
                                + "authorizer 'req' when 'resultTtlInSeconds' is not 0"),
                Arguments.of("httpApi: {id: abc, cors: true}",
                        "api: {handler: a.B::c, events: [{httpApi: 'GET /a'}]}",
                        "at 'provider.httpApi.cors': CORS cannot be set up for an externally configured HTTP API"),
                Arguments.of("httpApi: {id: abc, authorizers: {}}",
                        "api: {handler: a.B::c, events: [{httpApi: 'GET /a'}]}",
                        "at 'provider.httpApi.authorizers': authorizers cannot be set up for an externally "
                                + "configured HTTP API"),
                Arguments.of("httpApi: {id: abc}\nlogs: {httpApi: true}",
                        "api: {handler: a.B::c, events: [{httpApi: 'GET /a'}]}",
                        "at 'provider.logs.httpApi': access logs cannot be set up for an externally configured HTTP API"),
                Arguments.of("",
                        "api: {handler: a.B::c, events: [{httpApi: {method: GET, path: /a, authorizer: {id: x1}}}]}",
                        "at 'functions.api.events[0].httpApi.authorizer': the event references the external "
                                + "authorizer 'x1', but the HTTP API is part of this stack"),
                Arguments.of("",
                        "api: {handler: a.B::c, events: [{httpApi: {method: GET, path: /a, authorizer: "
                                + "{type: aws_iam, scopes: [x]}}}]}",
                        "at 'functions.api.events[0].httpApi.authorizer': an authorizer with type 'aws_iam' takes "
                                + "no other property"),
                Arguments.of("",
                        "api: {handler: a.B::c, events: [{httpApi: {method: GET, path: '*'}}]}",
                        "at 'functions.api.events[0].httpApi': the catch-all path '*' cannot have method 'GET'"),
                Arguments.of("",
                        "api: {handler: a.B::c, events: [{httpApi: {method: GET, path: 'items'}}]}",
                        "at 'functions.api.events[0].httpApi.path': invalid path 'items': expected '*' or a path "
                                + "starting with '/' without spaces"),
                Arguments.of("",
                        "api: {handler: a.B::c, events: [{httpApi: {method: GET, path: /a, cors: true}}]}",
                        "at 'functions.api.events[0].httpApi.cors': unrecognized property 'cors' of an httpApi event"),
                Arguments.of("",
                        "api: {handler: a.B::c, events: [{httpApi: {method: GET}}]}",
                        "at 'functions.api.events[0].httpApi': missing required property 'path'"),
                Arguments.of("",
                        "api: {handler: a.B::c, events: [{httpApi: true}]}",
                        "at 'functions.api.events[0].httpApi': expected a route string such as 'GET /items' or a map "
                                + "with method and path"),
                Arguments.of("",
                        "api: {handler: a.B::c, httpApi: {payload: '3.0'}, events: [{httpApi: 'GET /a'}]}",
                        "at 'functions.api.httpApi.payload': unsupported value '3.0', expected one of [1.0, 2.0]"),
                Arguments.of("",
                        "ws: {handler: a.B::c, events: [{websocket: {routeResponseSelectionExpression: $default}}]}",
                        "at 'functions.ws.events[0].websocket.route': missing required property 'route'"),
                Arguments.of("",
                        "ws: {handler: a.B::c, events: [{websocket: {route: a, routeResponseSelectionExpression: x}}]}",
                        "at 'functions.ws.events[0].websocket.routeResponseSelectionExpression': "
                                + "routeResponseSelectionExpression must be '$default' but is 'x'"),
                Arguments.of("",
                        "ws: {handler: a.B::c, events: [{websocket: {route: a, authorizer: {identitySource: [x]}}}]}",
                        "at 'functions.ws.events[0].websocket.authorizer': a websocket authorizer needs 'name' (a "
                                + "function of this service) or 'arn'"),
                Arguments.of("",
                        "ws: {handler: a.B::c, events: [{websocket: {route: a, authorizer: {arn: {Ref: X}}}}]}",
                        "at 'functions.ws.events[0].websocket.authorizer': an authorizer 'arn' given as a "
                                + "CloudFormation function needs a 'name'"),
                Arguments.of("",
                        "ws: {handler: a.B::c, events: [{websocket: {route: a, cors: true}}]}",
                        "at 'functions.ws.events[0].websocket.cors': unrecognized property 'cors' of a websocket event"),
                Arguments.of("logs: {websocket: true}",
                        "ws: {handler: a.B::c, events: [{websocket: $connect}]}",
                        "at 'provider.logs.websocket': WebSocket access and execution logs (provider.logs.websocket) "
                                + "are not supported yet"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1, "
                                + "conditions: {}}}]}",
                        "at 'functions.web.events[0].alb.conditions': at least one condition must be defined"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1}}]}",
                        "at 'functions.web.events[0].alb.conditions': missing required property 'conditions'"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1, "
                                + "conditions: {cookie: x}}}]}",
                        "at 'functions.web.events[0].alb.conditions.cookie': unrecognized ALB condition 'cookie'"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1, "
                                + "authorizer: login, conditions: {path: /a}}}]}",
                        "at 'functions.web.events[0].alb.authorizer': the ALB authorizer 'login' is not defined in "
                                + "provider.alb.authorizers"),
                Arguments.of("alb: {targetGroupPrefix: qa-}",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1, "
                                + "targetGroupName: tg, conditions: {path: /a}}}]}",
                        "at 'functions.web.events[0].alb.targetGroupName': 'targetGroupName' cannot be combined with "
                                + "provider.alb.targetGroupPrefix"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1, "
                                + "targetGroupName: 'bad name', conditions: {path: /a}}}]}",
                        "at 'functions.web.events[0].alb.targetGroupName': invalid target group name 'bad name'"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1, "
                                + "conditions: {path: /a}}}, {alb: {listenerArn: " + LISTENER.replace("/def", "/ghi")
                                + ", priority: 1, conditions: {path: /b}}}]}",
                        "at 'functions.web.events[1].alb.priority': priority 1 is already used by another alb event "
                                + "of function 'web'"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {priority: 1, conditions: {path: /a}}}]}",
                        "at 'functions.web.events[0].alb.listenerArn': missing required property 'listenerArn'"),
                Arguments.of("",
                        "web: {handler: a.B::c, events: [{alb: {listenerArn: " + LISTENER + ", priority: 1, "
                                + "prio: 2, conditions: {path: /a}}}]}",
                        "at 'functions.web.events[0].alb.prio': unrecognized property 'prio' of an alb event"),
                Arguments.of("",
                        "api: {handler: a.B::c, url: {authorizer: cognito}}",
                        "at 'functions.api.url.authorizer': unsupported value 'cognito', expected one of [aws_iam]"),
                Arguments.of("",
                        "api: {handler: a.B::c, url: 'yes'}",
                        "at 'functions.api.url': expected true or a map with authorizer, cors, invokeMode"),
                Arguments.of("",
                        "api: {handler: a.B::c, destinations: {onSuccess: {arn: 'arn:aws:sqs:us-east-1:1:q'}}}",
                        "at 'functions.api.destinations.onSuccess': missing required property 'type'"),
                Arguments.of("",
                        "api: {handler: a.B::c, destinations: {onSuccess: {type: sqs}}}",
                        "at 'functions.api.destinations.onSuccess': missing required property 'arn'"),
                Arguments.of("",
                        "api: {handler: a.B::c, maximumRetryAttempts: 5}",
                        "at 'functions.api.maximumRetryAttempts': expected an integer from 0 to 2, found 5"),
                Arguments.of("layers: [{Ref: PinnedLambdaLayer}]",
                        "api: {handler: a.B::c}\nlayers:\n  pinned: {retain: true, package: {artifact: target/l.zip}}",
                        "at 'provider.layers[0]': layer 'PinnedLambdaLayer' has 'retain: true', so its logical ID "
                                + "ends with a content hash"),
                Arguments.of("",
                        "api: {handler: a.B::c}\nlayers:\n  gone: {package: {artifact: target/nope.zip}}",
                        "at 'layers.gone.package.artifact': the layer artifact 'target/nope.zip' does not exist"));
    }

    private static final String LISTENER = "'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/a/abc/def'";

    @ParameterizedTest
    @MethodSource("mistakes")
    void isReportedWithPathAndMessage(String provider, String functions, String expected) throws Exception {
        Files.createDirectories(dir.resolve("target"));
        Files.write(dir.resolve("target/l.zip"), new byte[] {1});
        String yaml = "service: errors\nprovider:\n  name: aws\n  runtime: java21\n"
                + indentProvider(provider) + "package:\n  artifact: target/app.jar\nfunctions:\n  " + functions + "\n";
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("serverless.yml:")
                .hasMessageContaining(expected);
    }

    /** Provider lines (without indentation) go under provider:. */
    private static String indentProvider(String provider) {
        StringBuilder sb = new StringBuilder();
        for (String line : provider.lines().toList()) {
            sb.append("  ").append(line).append("\n");
        }
        return sb.toString();
    }
}
