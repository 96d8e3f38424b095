package io.github.serverlessmaven.compile.events;

import static io.github.serverlessmaven.testing.Templates.outputs;
import static io.github.serverlessmaven.testing.Templates.properties;
import static io.github.serverlessmaven.testing.Templates.resource;
import static io.github.serverlessmaven.testing.Templates.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.testing.ExternalTools;
import io.github.serverlessmaven.testing.Templates;
import io.github.serverlessmaven.testing.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpEventCompilerTest {

    private static final String HEADER = """
            service: api
            provider:
              name: aws
              runtime: java21
            package:
              artifact: target/app.jar
            functions:
            """;

    @TempDir
    Path dir;

    // ---- bad input ----

    @Test
    void shorthandWithoutMethodIsRejectedWithPosition() {
        String yaml = HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http: /users
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:" + at(yaml, "/users"))
                .hasMessageContaining("functions.users.events[0].http")
                .hasMessageContaining("expected 'METHOD /path' (such as 'GET /users'), found '/users'")
                .hasMessageContaining("perhaps you should write the method and the path separated by one space, "
                        + "such as 'GET /users'");
    }

    @Test
    void unknownMethodIsRejectedWithSuggestion() {
        String yaml = HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http:
                          path: users
                          method: gett
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:" + at(yaml, "gett"))
                .hasMessageContaining("functions.users.events[0].http.method")
                .hasMessageContaining("unknown HTTP method 'gett'")
                .hasMessageContaining("perhaps you should write 'get'");
    }

    @Test
    void pathWithInvalidCharactersIsRejected() {
        String yaml = HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http:
                          path: users/{id
                          method: get
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:" + at(yaml, "users/{id"))
                .hasMessageContaining("invalid path 'users/{id': it has the segment '{id' with characters API Gateway "
                        + "does not allow");
    }

    @Test
    void greedyParameterMustBeLastAndSegmentsMustNotBeEmpty() {
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("a"), HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /files/{proxy+}/meta
                """)).hasMessageContaining("a greedy parameter '{proxy+}' that is not the last segment");
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("b"), HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /files//meta
                """)).hasMessageContaining("an empty segment (two slashes in a row)");
    }

    @Test
    void twoFunctionsClaimingTheSameRouteAreRejected() {
        String yaml = HEADER + """
                  list:
                    handler: a.B::c
                    events:
                      - http: GET /users
                  other:
                    handler: a.B::d
                    events:
                      - http:
                          path: /users/
                          method: GET
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("functions.other.events[0].http")
                .hasMessageContaining("GET /users is already used by function 'list' at serverless.yml:"
                        + at(yaml, "GET /users"));
    }

    @Test
    void pathsThatOnlyDifferInCaseAreRejected() {
        String yaml = HEADER + """
                  one:
                    handler: a.B::c
                    events:
                      - http: GET /users/{userId}
                      - http: POST /users/{userid}
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("path '/users/{userid}' gives the logical ID ApiGatewayResourceUsersUseridVar, "
                        + "as does '/users/{userId}' of function 'one'");
    }

    @Test
    void optionsMethodClashingWithCorsIsRejected() {
        String yaml = HEADER + """
                  one:
                    handler: a.B::c
                    events:
                      - http: { path: users, method: get, cors: true }
                      - http: OPTIONS /users
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .hasMessageContaining("OPTIONS /users is also the CORS pre-flight method that 'cors' generates");
    }

    @Test
    void authorizerFunctionMustExist() {
        String yaml = HEADER + """
                  auth:
                    handler: a.B::auth
                  users:
                    handler: a.B::c
                    events:
                      - http:
                          path: users
                          method: get
                          authorizer:
                            name: autth
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:" + at(yaml, "autth"))
                .hasMessageContaining("authorizer function 'autth' is not defined in 'functions'")
                .hasMessageContaining("perhaps you should write 'auth'");
    }

    @Test
    void privateWithoutApiKeysWarns() {
        String yaml = HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http: { path: users, method: get, private: true }
                """;
        TestServices.project(dir, yaml);
        List<String> warnings = new ArrayList<>();
        TestServices.packageProject(dir, warnings);
        assertThat(warnings).anyMatch(w -> w.contains("functions.users.events[0].http.private")
                && w.contains("the method requires an API key, but 'provider.apiGateway.apiKeys' defines none"));
    }

    @Test
    void unknownIntegrationsAndIncompleteHttpIntegrationsAreRejected() {
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("a"), HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http: { path: users, method: get, integration: soap }
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("functions.users.events[0].http.integration")
                .hasMessageContaining("unknown integration 'soap', expected lambda-proxy, lambda, http, http-proxy or "
                        + "mock");
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("b"), HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http: { path: users, method: get, integration: http-proxy }
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("functions.users.events[0].http.request.uri")
                .hasMessageContaining("the HTTP_PROXY integration needs the backend URL in 'request.uri'");
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("c"), HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http:
                          path: users
                          method: get
                          integration: http
                          request: { uri: 'https://example.com' }
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("the http integration needs a 'response' (Serverless Framework v3 fails without "
                        + "one)");
        assertThatThrownBy(() -> TestServices.compile(dir.resolve("d"), HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http:
                          path: users
                          method: get
                          integration: http-proxy
                          connectionType: vpc-link
                          request: { uri: 'https://example.com' }
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("the vpc-link connection type needs a 'connectionId'");
    }

    @Test
    void apiKeyGroupWithoutMatchingPlanIsRejected() {
        String yaml = """
                service: api
                provider:
                  name: aws
                  apiGateway:
                    apiKeys:
                      - premium:
                          - key-a
                    usagePlan:
                      quota: { limit: 10, period: DAY }
                package: { artifact: target/app.jar }
                functions:
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /users
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .hasMessageContaining("provider.apiGateway.apiKeys[0]")
                .hasMessageContaining("API key \"premium\" has no usage plan defined");
    }

    @Test
    void usagePlanNamesMustMakeValidLogicalIds() {
        String yaml = """
                service: api
                provider:
                  name: aws
                  apiGateway:
                    apiKeys:
                      - partner-plan: [ key-a ]
                    usagePlan:
                      - partner-plan: { quota: { limit: 10, period: DAY } }
                package: { artifact: target/app.jar }
                functions:
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /users
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .hasMessageContaining("serverless.yml:" + at(yaml, "partner-plan: {"))
                .hasMessageContaining("usage plan name 'partner-plan' would give the logical ID "
                        + "ApiGatewayUsagePlanPartner-plan, but CloudFormation logical IDs allow only letters and digits");
    }

    @Test
    void sharedApiNeedsItsRootResourceId() {
        String yaml = """
                service: api
                provider:
                  name: aws
                  apiGateway:
                    restApiId: abc123
                package: { artifact: target/app.jar }
                functions:
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /users
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .hasMessageContaining("'provider.apiGateway.restApiRootResourceId' is required when 'restApiId' is "
                        + "given");
    }

    @Test
    void sharedApiResourceAboveAListedOneMustBeListedToo() {
        String yaml = """
                service: api
                provider:
                  name: aws
                  apiGateway:
                    restApiId: abc123
                    restApiRootResourceId: root456
                    restApiResources:
                      api/v1: res1
                package: { artifact: target/app.jar }
                functions:
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /api/v1/users
                      - http: GET /api/health
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .hasMessageContaining("serverless.yml:" + at(yaml, "GET /api/health"))
                .hasMessageContaining("resource ID for path '/api' is required: "
                        + "'provider.apiGateway.restApiResources' lists '/api/v1' below it");
    }

    // ---- behaviour ----

    @Test
    void sharedRestApiIsReferencedInsteadOfCreated() {
        Map<String, Object> t = TestServices.compile(dir, """
                service: api
                provider:
                  name: aws
                  runtime: java21
                  apiGateway:
                    restApiId: abc123
                    restApiRootResourceId: root456
                package: { artifact: target/app.jar }
                functions:
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /users/{id}
                """);
        assertThat(resources(t)).doesNotContainKey("ApiGatewayRestApi");
        assertThat(properties(t, "ApiGatewayResourceUsers")).containsEntry("ParentId", "root456")
                .containsEntry("RestApiId", "abc123");
        assertThat(properties(t, "ApiGatewayMethodUsersIdVarGet")).containsEntry("RestApiId", "abc123");
        assertThat(properties(t, "UsersLambdaPermissionApiGateway").toString()).contains("abc123, /*/*");
        assertThat(outputs(t).get("ServiceEndpoint").toString()).contains("https://, abc123, .execute-api.");
    }

    @Test
    void deploymentIdStaysForAnUnchangedApiAndChangesWithIt() {
        String yaml = HEADER + """
                  users:
                    handler: a.B::c
                    memorySize: %d
                    events:
                      - http: GET /users
                      - http: %s
                """;
        String first = deploymentId(TestServices.compile(dir.resolve("a"), yaml.formatted(512, "POST /users")));
        String sameApiOtherMemory = deploymentId(TestServices.compile(dir.resolve("b"),
                yaml.formatted(1024, "POST /users")));
        String otherMethod = deploymentId(TestServices.compile(dir.resolve("c"), yaml.formatted(512, "PUT /users")));
        assertThat(first).matches("ApiGatewayDeployment[0-9a-z]{13}").isEqualTo(sameApiOtherMemory)
                .isNotEqualTo(otherMethod);
    }

    @Test
    void deploymentIdChangesWhenUserDefinedApiResourcesChange() {
        String yaml = HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /users
                resources:
                  Resources:
                    NotFoundResponse:
                      Type: AWS::ApiGateway::GatewayResponse
                      Properties:
                        ResponseType: DEFAULT_4XX
                        RestApiId: { Ref: ApiGatewayRestApi }
                        StatusCode: '%s'
                """;
        String first = deploymentId(TestServices.compile(dir.resolve("a"), yaml.formatted("404")));
        String changed = deploymentId(TestServices.compile(dir.resolve("b"), yaml.formatted("410")));
        assertThat(first).isNotEqualTo(changed);
    }

    @Test
    void invalidStageNameIsRejected() {
        String yaml = """
                service: api
                provider:
                  name: aws
                  stage: dev.1
                package: { artifact: target/app.jar }
                functions:
                  users:
                    handler: a.B::c
                    events:
                      - http: GET /users
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .hasMessageContaining("serverless.yml:4:10: at 'provider.stage': invalid stage 'dev.1': expected "
                        + "letters, digits, '-' and '_', perhaps you should write 'stage: dev-1'");
    }

    @Test
    void unknownAuthorizerTypeIsRejected() {
        String yaml = HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http:
                          path: users
                          method: get
                          authorizer: { arn: 'arn:aws:lambda:us-east-1:1:function:a', type: jwt }
                """;
        assertThatThrownBy(() -> TestServices.compile(dir, yaml))
                .hasMessageContaining("functions.users.events[0].http.authorizer.type")
                .hasMessageContaining("unknown authorizer type 'jwt'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void functionWithAliasIsInvokedThroughTheAlias() {
        Map<String, Object> t = TestServices.compile(dir, HEADER + """
                  users:
                    handler: a.B::c
                    provisionedConcurrency: 2
                    events:
                      - http: GET /users
                """);
        Map<String, Object> method = resource(t, "ApiGatewayMethodUsersGet");
        assertThat((List<Object>) method.get("DependsOn"))
                .containsExactly("UsersLambdaPermissionApiGateway", "UsersProvConcLambdaAlias");
        Map<String, Object> integration = (Map<String, Object>) properties(t, "ApiGatewayMethodUsersGet")
                .get("Integration");
        List<Object> uri = (List<Object>) ((List<Object>) ((Map<String, Object>) integration.get("Uri"))
                .get("Fn::Join")).get(1);
        assertThat(uri.subList(uri.size() - 3, uri.size())).containsExactly(":", "provisioned", "/invocations");
        Map<String, Object> permission = resource(t, "UsersLambdaPermissionApiGateway");
        assertThat(permission.get("DependsOn")).isEqualTo("UsersProvConcLambdaAlias");
        assertThat(((Map<String, Object>) permission.get("Properties")).get("FunctionName")).isEqualTo(Map.of(
                "Fn::Join", List.of(":", List.of(Map.of("Fn::GetAtt", List.of("UsersLambdaFunction", "Arn")),
                        "provisioned"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void existingAuthorizerIdIsUsedWithoutCreatingOne() {
        Map<String, Object> t = TestServices.compile(dir, HEADER + """
                  users:
                    handler: a.B::c
                    events:
                      - http:
                          path: users
                          method: get
                          authorizer:
                            type: COGNITO_USER_POOLS
                            authorizerId: { Ref: SharedAuthorizer }
                            scopes: [ email ]
                resources:
                  Parameters:
                    SharedAuthorizer: { Type: String }
                """);
        assertThat(resources(t).keySet()).noneMatch(k -> k.endsWith("ApiGatewayAuthorizer"));
        assertThat(properties(t, "ApiGatewayMethodUsersGet"))
                .containsEntry("AuthorizationType", "COGNITO_USER_POOLS")
                .containsEntry("AuthorizerId", Map.of("Ref", "SharedAuthorizer"))
                .containsEntry("AuthorizationScopes", List.of("email"));
        assertThat((List<Object>) resource(t, "ApiGatewayMethodUsersGet").get("DependsOn"))
                .containsExactly("UsersLambdaPermissionApiGateway");
    }

    @Test
    void stringApiKeysGetTheDefaultPlanAndLint() {
        TestServices.project(dir, """
                service: keys
                provider:
                  name: aws
                  runtime: java21
                  apiGateway:
                    apiKeys:
                      - first
                      - name: second
                        value: abcdefghijklmnopqrstuvwxyz
                package: { artifact: target/app.jar }
                functions:
                  users:
                    handler: a.B::c
                    events:
                      - http: { path: users, method: get, private: true }
                """);
        var result = TestServices.packageProject(dir, new ArrayList<>());
        Map<String, Object> t = Templates.read(result.updateStackTemplate());
        assertThat(properties(t, "ApiGatewayApiKey1")).containsEntry("Name", "first").containsEntry("Enabled", true);
        assertThat(properties(t, "ApiGatewayApiKey2")).containsEntry("Value", "abcdefghijklmnopqrstuvwxyz");
        assertThat(properties(t, "ApiGatewayUsagePlan")).containsEntry("UsagePlanName", "keys-dev")
                .doesNotContainKeys("Quota", "Throttle");
        assertThat(properties(t, "ApiGatewayUsagePlanKey2"))
                .containsEntry("KeyId", Map.of("Ref", "ApiGatewayApiKey2"))
                .containsEntry("UsagePlanId", Map.of("Ref", "ApiGatewayUsagePlan"));
        assertThat(properties(t, "ApiGatewayMethodUsersGet")).containsEntry("ApiKeyRequired", true);
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    @Test
    void readmeExamplePackagesAndLints() throws IOException {
        TestServices.project(dir, """
                service: users
                provider:
                  name: aws
                  runtime: java21
                package:
                  artifact: target/users.jar
                functions:
                  list:
                    handler: com.example.ListUsers::handleRequest
                    events:
                      - http: GET /users                 # shorthand: METHOD /path
                  get:
                    handler: com.example.GetUser::handleRequest
                    events:
                      - http:
                          path: users/{id}               # path parameters; {proxy+} as the last segment
                          method: get                    # get post put patch delete head options any
                          cors: true
                          request:
                            parameters:
                              paths:
                                id: true                 # required; adds the request validator
                              querystrings:
                                verbose: false
                """);
        Files.writeString(dir.resolve("target/users.jar"), "jar");
        var result = TestServices.packageProject(dir, new ArrayList<>());
        Map<String, Object> t = Templates.read(result.updateStackTemplate());
        assertThat(resources(t)).containsKeys("ApiGatewayRestApi", "ApiGatewayResourceUsers",
                "ApiGatewayResourceUsersIdVar", "ApiGatewayMethodUsersGet", "ApiGatewayMethodUsersIdVarGet",
                "ApiGatewayMethodUsersIdVarOptions", "ApiGatewayUsersRequestValidator",
                "ListLambdaPermissionApiGateway", "GetLambdaPermissionApiGateway");
        assertThat(outputs(t)).containsKey("ServiceEndpoint");
        ExternalTools.assertCfnLintClean(result.updateStackTemplate());
    }

    private static String deploymentId(Map<String, Object> template) {
        return resources(template).keySet().stream().filter(k -> k.startsWith("ApiGatewayDeployment")).findFirst()
                .orElseThrow();
    }

    /** line:column (1-based) of the first occurrence of {@code marker} in {@code yaml}. */
    private static String at(String yaml, String marker) {
        int index = yaml.indexOf(marker);
        assertThat(index).as("marker %s", marker).isNotNegative();
        String before = yaml.substring(0, index);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = index - before.lastIndexOf('\n');
        return line + ":" + column;
    }
}
