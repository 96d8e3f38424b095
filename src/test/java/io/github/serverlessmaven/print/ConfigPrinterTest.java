package io.github.serverlessmaven.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.YamlLoader;
import io.github.serverlessmaven.print.ConfigPrinter.Format;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigPrinterTest {

    static final String YAML = """
            service: demo
            provider:
              name: aws
              environment:
                STAGE_NAME: dev
                DB_PASSWORD: hunter2
                github_token: ghp_abc
                STRIPE_API_KEY: sk_live_1
                TOKEN_TABLE: { Ref: TokensTable }
                FROM_SSM: plain-looking
            functions:
              hello:
                handler: example.Hello
                environment:
                  PRIVATE-KEY: abc
                  MODE: fast
                events:
                  - http: GET /hello
                  - sqs: arn:aws:sqs:us-east-1:1:q
            custom:
              policy: |
                line one
                line two
              quoted: "yes"
              count: 3
            resources:
              Resources:
                Fn:
                  Type: AWS::Lambda::Function
                  Properties:
                    Environment:
                      Variables:
                        CLIENT_SECRET: s3cr3t
            """;

    private static Object config() {
        return YamlLoader.load(YAML, "serverless.yml").toPlain();
    }

    private static String print(String path, Format format) {
        return ConfigPrinter.print(config(), Set.of("provider.environment.FROM_SSM"), path, format, "serverless.yml");
    }

    @Test
    void yamlIsTheWholeResolvedConfigurationWithSecretsMasked() {
        assertThat(print(null, Format.YAML)).isEqualTo("""
                service: demo
                provider:
                  name: aws
                  environment:
                    STAGE_NAME: dev
                    DB_PASSWORD: '********'
                    github_token: '********'
                    STRIPE_API_KEY: '********'
                    TOKEN_TABLE:
                      Ref: TokensTable
                    FROM_SSM: '********'
                functions:
                  hello:
                    handler: example.Hello
                    environment:
                      PRIVATE-KEY: '********'
                      MODE: fast
                    events:
                      - http: GET /hello
                      - sqs: arn:aws:sqs:us-east-1:1:q
                custom:
                  policy: |
                    line one
                    line two
                  quoted: 'yes'
                  count: 3
                resources:
                  Resources:
                    Fn:
                      Type: AWS::Lambda::Function
                      Properties:
                        Environment:
                          Variables:
                            CLIENT_SECRET: '********'""");
    }

    @Test
    void jsonOfOnePath() {
        assertThat(print("functions.hello.events[1]", Format.JSON)).isEqualTo("""
                {
                  "sqs": "arn:aws:sqs:us-east-1:1:q"
                }""");
        assertThat(print("provider.environment", Format.JSON)).contains("\"DB_PASSWORD\": \"********\"")
                .contains("\"STAGE_NAME\": \"dev\"").doesNotContain("hunter2");
    }

    @Test
    void textPrintsSingleValuesAndListsOfValues() {
        assertThat(print("custom.count", Format.TEXT)).isEqualTo("3");
        assertThat(print("provider.environment.FROM_SSM", Format.TEXT)).isEqualTo("********");
        assertThat(ConfigPrinter.print(Map.of("a", java.util.List.of("x", "y")), Set.of(), "a", Format.TEXT, "f"))
                .isEqualTo("x\ny");
        assertThatThrownBy(() -> print("provider", Format.TEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml: at 'provider': the text format prints a single value or a list of values, "
                        + "but 'provider' is a map, perhaps you should use -Dserverless.format=yaml or json, or a "
                        + "-Dserverless.path that leads to a single value");
    }

    @Test
    void aMissingPathNamesTheClosestKey() {
        assertThatThrownBy(() -> print("provider.enviroment", Format.YAML))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml: at 'provider.enviroment': there is no value at 'provider.enviroment' "
                        + "('provider' has no 'enviroment'), perhaps you should write "
                        + "-Dserverless.path=provider.environment");
        assertThatThrownBy(() -> print("functions.hello.events.5", Format.YAML))
                .hasMessageEndingWith("perhaps you should use an index from 0 to 1 after 'functions.hello.events'");
        assertThatThrownBy(() -> print("service.name", Format.YAML))
                .hasMessageEndingWith("perhaps you should stop the path at 'service', which is a single value");
    }

    @Test
    void anUnknownFormatNamesTheClosest() {
        assertThat(ConfigPrinter.format(null)).isEqualTo(Format.YAML);
        assertThat(ConfigPrinter.format("JSON")).isEqualTo(Format.JSON);
        assertThatThrownBy(() -> ConfigPrinter.format("jsno"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("-Dserverless.format: unknown format 'jsno' (formats: yaml, json, text), perhaps you "
                        + "should write -Dserverless.format=json");
    }

    @Test
    void sharedValuesAreWrittenOutInFull() {
        Map<String, Object> shared = Map.of("Ref", "Queue");
        String yaml = ConfigPrinter.yaml(new java.util.LinkedHashMap<>(Map.of("a", shared)) {
            {
                put("b", shared);
            }
        });
        assertThat(yaml).doesNotContain("&").doesNotContain("*").contains("a:\n  Ref: Queue")
                .contains("b:\n  Ref: Queue");
    }

    @Test
    void secretPathsMaskWholeSubtreesInEitherPathSpelling() {
        Object masked = new SecretMasker(Set.of("a.list[1]", "b")).mask(Map.of("a", Map.of("list",
                java.util.List.of("keep", "hide")), "b", Map.of("deep", "x")));
        assertThat(masked).isEqualTo(Map.of("a", Map.of("list", java.util.List.of("keep", "********")),
                "b", "********"));
    }
}
