package io.github.serverlessmaven.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values were produced with lodash 4 as bundled in Serverless Framework 3.40.0. */
class RestApiNamingTest {

    @ParameterizedTest
    @CsvSource({
        "post-create-model, ApiGatewayPostCreateModelModel",
        "createUser, ApiGatewayCreateUserModel",
        "user_v2, ApiGatewayUserV2Model",
        "HTTPRequest, ApiGatewayHttpRequestModel",
        "abc123def, ApiGatewayAbc123DefModel",
        "user.create, ApiGatewayUserCreateModel"})
    void providerModelIdsCamelCaseTheSchemaId(String schemaId, String expected) {
        assertThat(Naming.modelLogicalId(schemaId)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | ApiGatewayMethodUsersPostApplicationJsonModel",
        "application/vnd.api+json | ApiGatewayMethodUsersPostApplicationVndApiJsonModel",
        "application/x-www-form-urlencoded | ApiGatewayMethodUsersPostApplicationXWwwFormUrlencodedModel",
        "APPLICATION/JSON | ApiGatewayMethodUsersPostAPPLICATIONJSONModel",
        "application/json; charset=utf-8 | ApiGatewayMethodUsersPostApplicationJsonCharsetUtf8Model"})
    void endpointModelIdsStartCaseTheContentType(String contentType, String expected) {
        assertThat(Naming.endpointModelLogicalId("ApiGatewayMethodUsersPost", contentType)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "partner-keys, 1, ApiGatewayApiKeyPartner-keys1",
        "free, 2, ApiGatewayApiKeyFree2"})
    void apiKeyGroupsOnlyUpperCaseTheFirstLetter(String group, int number, String expected) {
        assertThat(Naming.apiKeyLogicalId(number, group)).isEqualTo(expected);
    }

    /** v3: {@code _.capitalize}, then {@code -} to Dash, {@code +} dropped, {@code /\{(.*)\}/g} to '$1Var', then only alphanumerics. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{id} | IdVar",
        "{proxy+} | ProxyVar",
        "items{id} | ItemsidVar",
        "{a}{b} | AbVar",
        "x{a}y}z | XayVarz",
        "{open | Open",
        "close} | Close",
        "}{ | ''",
        "user-list | UserDashlist",
        "ORDERS | Orders"})
    void pathPartsBecomeVariablesFromTheFirstBraceToTheLast(String part, String expected) {
        assertThat(Naming.normalizePathPart(part)).isEqualTo(expected);
    }
}
