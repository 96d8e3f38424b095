package io.github.serverlessmaven.variables;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableResolverTest {

    @TempDir
    Path dir;

    private final Resolving r = new Resolving();

    @Test
    void selfReadsDottedPathsAndListIndexes() {
        Map<String, Object> out = r.plain("""
                custom:
                  table: users
                  names: [a, b, c]
                  nested: {deep: {value: 42}}
                a: ${self:custom.table}
                b: ${self:custom.names.1}
                c: ${self:custom.nested.deep.value}
                """);
        assertThat(out).containsEntry("a", "users").containsEntry("b", "b").containsEntry("c", 42);
    }

    @Test
    void selfFollowsValuesThatHoldVariablesInDependencyOrder() {
        Map<String, Object> out = r.option("stage", "prod").plain("""
                first: ${self:second}-1
                second: ${self:third}-2
                third: ${opt:stage}
                """);
        assertThat(out).containsEntry("first", "prod-2-1").containsEntry("second", "prod-2").containsEntry("third",
                "prod");
    }

    @Test
    void selfCopiesWholeSubtreesWithVariablesResolved() {
        Map<String, Object> out = r.env("TABLE", "t1").plain("""
                custom:
                  common:
                    TABLE: ${env:TABLE}
                    LEVEL: info
                provider:
                  environment: ${self:custom.common}
                """);
        assertThat(out.get("provider")).isEqualTo(Map.of("environment", Map.of("TABLE", "t1", "LEVEL", "info")));
    }

    @Test
    void selfIntoAValueThatAVariableProduced() {
        Map<String, Object> out = r.env("X", "1").plain("""
                custom:
                  from: ${self:custom.source}
                  source: {inner: '${env:X}'}
                value: ${self:custom.from.inner}
                """);
        assertThat(out).containsEntry("value", "1");
    }

    @Test
    void optReadsStageRegionAndAnyOption() {
        Map<String, Object> out = r.option("stage", "prod").option("region", "eu-west-1").option("tenant", "acme")
                .plain("""
                        a: ${opt:stage}
                        b: ${opt:region}
                        c: ${opt:tenant}
                        """);
        assertThat(out).containsEntry("a", "prod").containsEntry("b", "eu-west-1").containsEntry("c", "acme");
    }

    @Test
    void slsStageFallsBackFromOptionToProviderStageToDev() {
        assertThat(r.option("stage", "prod").plain("provider: {stage: qa}\na: ${sls:stage}\n"))
                .containsEntry("a", "prod");
        assertThat(new Resolving().plain("provider: {stage: qa}\na: ${sls:stage}\n")).containsEntry("a", "qa");
        assertThat(new Resolving().plain("a: ${sls:stage}\n")).containsEntry("a", "dev");
    }

    @Test
    void slsStageFollowsAProviderStageThatIsAVariable() {
        assertThat(r.env("STAGE", "staging").plain("provider: {stage: '${env:STAGE}'}\na: x-${sls:stage}\n"))
                .containsEntry("a", "x-staging");
    }

    @Test
    void slsInstanceIdIsOneNumberPerRun() {
        Map<String, Object> out = r.plain("a: ${sls:instanceId}\nb: ${sls:instanceId}\n");
        assertThat((String) out.get("a")).matches("\\d{10,}");
        assertThat(out.get("b")).isEqualTo(out.get("a"));
    }

    @Test
    void envReadsTheEnvironment() {
        assertThat(r.env("DB_URL", "jdbc:x").plain("a: ${env:DB_URL}\n")).containsEntry("a", "jdbc:x");
    }

    @Test
    void fileReadsYamlWithPositionsAndCloudFormationTags() throws IOException {
        Files.writeString(dir.resolve("extra.yml"), """
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub '${AWS::StackName}-q'
                      Arn: !GetAtt Other.Arn
                """);
        Node out = r.baseDir(dir).resolve("resources: ${file(./extra.yml)}\n");
        Map<String, Object> plain = asMap(out.toPlain());
        assertThat(plain.toString()).contains("Fn::Sub=${AWS::StackName}-q").contains("Fn::GetAtt=[Other, Arn]");
        Node queue = ((MapNode) ((MapNode) ((MapNode) out).get("resources")).get("Resources")).get("Queue");
        assertThat(queue.position().toString()).isEqualTo("extra.yml:3:5");
    }

    @Test
    void fileWithAddressReadsOneValueFromJson() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"db\": {\"host\": \"h1\", \"ports\": [5432, 6432]}}");
        Map<String, Object> out = r.baseDir(dir).plain("""
                a: ${file(./config.json):db.host}
                b: ${file(config.json):db.ports.1}
                """);
        assertThat(out).containsEntry("a", "h1").containsEntry("b", 6432);
    }

    @Test
    void fileResolvesVariablesInsideTheFileAgainstTheConfiguration() throws IOException {
        Files.writeString(dir.resolve("env.yml"), "TABLE: ${self:custom.table}-${opt:stage}\nLITERAL: '\\${x:y}'\n");
        Map<String, Object> out = r.baseDir(dir).option("stage", "dev").plain("""
                custom: {table: users}
                environment: ${file(./env.yml)}
                single: ${file(./env.yml):TABLE}
                """);
        assertThat(out.get("environment")).isEqualTo(Map.of("TABLE", "users-dev", "LITERAL", "${x:y}"));
        assertThat(out).containsEntry("single", "users-dev");
    }

    @Test
    void fileWithOtherExtensionIsText() throws IOException {
        Files.writeString(dir.resolve("policy.txt"), "line1\nline2\n");
        assertThat(r.baseDir(dir).plain("a: ${file(./policy.txt)}\n")).containsEntry("a", "line1\nline2\n");
    }

    @Test
    void missingFileLetsTheFallbackApply() {
        assertThat(r.baseDir(dir).plain("a: ${file(./nope.yml), 'none'}\n")).containsEntry("a", "none");
    }

    @Test
    void mavenReadsProjectProperties() {
        assertThat(r.plain("a: app-${maven:project.version}.jar\n")).containsEntry("a", "app-1.2.3.jar");
    }

    @Test
    void strToBoolTurnsTextIntoBooleans() {
        Map<String, Object> out = r.env("FLAG", "TRUE").plain("""
                a: ${strToBool(${env:FLAG})}
                b: ${strToBool(0)}
                c: ${strToBool(false)}
                """);
        assertThat(out).containsEntry("a", true).containsEntry("b", false).containsEntry("c", false);
    }

    @Test
    void paramReadsStageParamsThenDefaults() {
        String yaml = """
                params:
                  prod: {domain: example.com}
                  default: {domain: dev.example.com, memory: 512}
                a: ${param:domain}
                b: ${param:memory}
                """;
        assertThat(r.option("stage", "prod").plain(yaml)).containsEntry("a", "example.com").containsEntry("b", 512);
        assertThat(new Resolving().plain(yaml)).containsEntry("a", "dev.example.com");
    }

    @Test
    void fallbacksTakeLiteralsOfEveryKind() {
        Map<String, Object> out = r.plain("""
                a: ${env:NOPE, 'single quoted'}
                b: ${env:NOPE, "json \\"string\\"\\n"}
                c: ${env:NOPE, 42}
                d: ${env:NOPE, 1.5}
                e: ${env:NOPE, true}
                f: ${env:NOPE, false}
                g: ${env:NOPE, null}
                """);
        assertThat(out).containsEntry("a", "single quoted").containsEntry("b", "json \"string\"\n")
                .containsEntry("c", 42).containsEntry("d", 1.5).containsEntry("e", true).containsEntry("f", false);
        assertThat(out).containsKey("g");
        assertThat(out.get("g")).isNull();
    }

    @Test
    void fallbacksMayBeOtherSourcesWrittenBareOrAsNestedVariables() {
        Map<String, Object> out = r.option("stage", "qa").plain("""
                custom: {y: from-self}
                a: ${env:NOPE, self:custom.y}
                b: ${env:NOPE, ${self:custom.y}}
                c: ${env:NOPE, ${env:NOPE2, opt:stage}}
                """);
        assertThat(out).containsEntry("a", "from-self").containsEntry("b", "from-self").containsEntry("c", "qa");
    }

    @Test
    void variablesInsideAddressesAndParams() throws IOException {
        Files.writeString(dir.resolve("qa.yml"), "size: 3\n");
        Map<String, Object> out = r.baseDir(dir).option("stage", "qa").env("qa_URL", "https://qa").plain("""
                a: ${env:${opt:stage}_URL}
                b: ${file(./${opt:stage}.yml):size}
                """);
        assertThat(out).containsEntry("a", "https://qa").containsEntry("b", 3);
    }

    @Test
    void stringsMixTextAndSeveralVariables() {
        Map<String, Object> out = r.option("stage", "prod").env("N", "7").plain("""
                custom: {count: 3, on: true, ratio: 2.0}
                a: ${self:service}-${opt:stage}-${env:N}
                b: n=${self:custom.count} on=${self:custom.on} r=${self:custom.ratio}
                service: svc
                """);
        assertThat(out).containsEntry("a", "svc-prod-7").containsEntry("b", "n=3 on=true r=2");
    }

    @Test
    void wholeValueVariableMayBeAMapOrList() {
        Map<String, Object> out = r.plain("""
                custom:
                  tags: {team: a}
                  subnets: [s1, s2]
                a: ${self:custom.tags}
                b: ${self:custom.subnets}
                """);
        assertThat(out).containsEntry("a", Map.of("team", "a")).containsEntry("b", List.of("s1", "s2"));
    }

    @Test
    void escapedVariablesStayLiteralWithoutTheBackslash() {
        Map<String, Object> out = r.plain("""
                a: '\\${self:custom.x}'
                b: 'pre-\\${opt:stage}-post'
                c: '\\\\${self:custom.x}'
                custom: {x: v}
                """);
        assertThat(out).containsEntry("a", "${self:custom.x}").containsEntry("b", "pre-${opt:stage}-post")
                .containsEntry("c", "\\v");
    }

    @Test
    void escapedValueCopiedBySelfStaysLiteral() {
        Map<String, Object> out = r.plain("""
                custom: {x: '\\${env:NOPE}'}
                a: ${self:custom.x}
                """);
        assertThat(out).containsEntry("a", "${env:NOPE}");
    }

    @Test
    void cloudFormationSubSyntaxIsNotAVariable() {
        Map<String, Object> out = r.plain("""
                a: !Sub '${AWS::StackName}-${MyParam}-${foo}'
                b: arn:aws:s3:::${AWS::AccountId}
                """);
        assertThat(out.get("a")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-${MyParam}-${foo}"));
        assertThat(out).containsEntry("b", "arn:aws:s3:::${AWS::AccountId}");
    }

    @Test
    void keysAreNeverResolved() {
        Map<String, Object> out = r.env("K", "v").plain("'${env:K}': ${env:K}\n");
        assertThat(out).containsEntry("${env:K}", "v");
    }

    @Test
    void deployTimeSourcesResolveThroughAddedSources() {
        VariableSource ssm = (params, address) -> address.equals("/db/host") ? "db.internal" : null;
        Map<String, Object> out = r.source("ssm", ssm).plain("""
                a: ${ssm:/db/host}
                b: ${ssm:/missing, 'fallback'}
                """);
        assertThat(out).containsEntry("a", "db.internal").containsEntry("b", "fallback");
    }

    @Test
    void addedSourcesReceiveParamsAndMayReturnMaps() {
        VariableSource cf = (params, address) -> Map.of("params", params, "address", address);
        Map<String, Object> out = r.source("cf", cf).plain("a: ${cf(eu-west-1):stack.Output}\n");
        assertThat(out.get("a")).isEqualTo(Map.of("params", List.of("eu-west-1"), "address", "stack.Output"));
    }

    @Test
    void deployTimeSourceWithFallbackUsesTheFallbackWhenNotAvailable() {
        assertThat(r.plain("a: ${ssm:/x, 'local'}\n")).containsEntry("a", "local");
    }

    @Test
    void unusedDeployTimeVariablesUnderCustomAreLeftForDeploy() {
        Map<String, Object> out = r.plain("""
                custom:
                  secret: ${ssm:/prod/secret}
                  derived: prefix-${self:custom.secret}
                a: ok
                """);
        assertThat(out).containsEntry("a", "ok");
        assertThat(asMap(out.get("custom"))).containsEntry("secret", "${ssm:/prod/secret}");
        assertThat(r.resolver.notes()).hasSize(1);
        assertThat(r.resolver.notes().get(0)).contains("serverless.yml:2:11").contains("'custom.secret'")
                .contains("left unresolved").contains("${ssm:/prod/secret}");
    }

    @Test
    void secretPathsNameEveryValueFromASecretSource() {
        VariableSource ssm = new VariableSource() {
            @Override
            public Object resolve(List<String> params, String address) {
                return "value-of-" + address;
            }

            @Override
            public boolean secret(List<String> params, String address) {
                return address.startsWith("/secure");
            }
        };
        r.source("ssm", ssm).resolve("""
                custom:
                  token: ${ssm:/secure/token}
                  plain: ${ssm:/public/name}
                provider:
                  environment:
                    TOKEN: Bearer ${self:custom.token}
                    NAME: ${self:custom.plain}
                functions:
                  f: {environment: '${self:custom}'}
                """);
        assertThat(r.resolver.secretPaths()).containsExactlyInAnyOrder("custom.token",
                "provider.environment.TOKEN", "functions.f.environment");
    }

    @Test
    void environmentVariablesWithSecretNamesOrNamedByTheBuildAreSecret() {
        r.env("GITHUB_TOKEN", "t").env("DB_PASSWORD", "p").env("PAYMENT_GATEWAY", "g").env("REGION_NAME", "eu")
                .env("TOKENIZER", "x").secretEnv("PAYMENT_GATEWAY").resolve("""
                custom:
                  token: ${env:GITHUB_TOKEN}
                  url: postgres://app:${env:DB_PASSWORD}@db
                  gateway: ${env:PAYMENT_GATEWAY}
                  region: ${env:REGION_NAME}
                  tokenizer: ${env:TOKENIZER}
                  fallback: ${env:UNSET_SECRET, 'public-default'}
                """);
        assertThat(r.resolver.secretPaths()).containsExactlyInAnyOrder("custom.token", "custom.url",
                "custom.gateway");
    }

    @Test
    void resolvedNodesPointWhereTheirValueCameFrom() {
        Node out = r.env("X", "x").resolve("""
                custom:
                  block:
                    k: v
                a: pre-${env:X}
                b: ${self:custom.block}
                """);
        MapNode map = (MapNode) out;
        assertThat(map.get("a").position().toString()).isEqualTo("serverless.yml:4:4");
        assertThat(map.get("b").position().toString()).isEqualTo("serverless.yml:3:5");
        assertThat(((ScalarNode) ((MapNode) map.get("b")).get("k")).position().toString())
                .isEqualTo("serverless.yml:3:8");
    }

    @Test
    void valuesWithoutVariablesAreKeptAsTheSameNodes() {
        Node in = io.github.serverlessmaven.config.YamlLoader.load("a: {b: [1, 2]}\nc: d\n", "serverless.yml");
        Node out = new VariableResolver(new VariableContext(Map.of(), Map.of(), Map.of(), dir, Map.of()))
                .resolve(in);
        assertThat(out).isSameAs(in);
    }

    @Test
    void fallbackAfterSelfAppliesWhenTheReferencedValueNeedsAws() {
        Map<String, Object> out = r.plain("""
                custom:
                  key: ${ssm:/x}
                a: ${self:custom.key, 'local'}
                """);
        assertThat(out).containsEntry("a", "local");
    }

    @Test
    void valuesFromSourcesThatHoldVariablesResolveFurtherButSecretsNever() {
        VariableSource ssm = new VariableSource() {
            @Override
            public Object resolve(List<String> params, String address) {
                return "pa${ss:word}";
            }

            @Override
            public boolean secret(List<String> params, String address) {
                return true;
            }
        };
        Map<String, Object> out = r.env("REF", "${self:custom.x}").source("ssm", ssm).plain("""
                custom: {x: from-env}
                a: ${env:REF}
                b: ${ssm:/password}
                """);
        assertThat(out).containsEntry("a", "from-env").containsEntry("b", "pa${ss:word}");
    }

    @Test
    void awsRegionNeedsNoAwsCall() {
        assertThat(r.option("region", "eu-central-1").plain("a: ${aws:region}\n")).containsEntry("a", "eu-central-1");
        assertThat(new Resolving().plain("provider: {region: ap-south-1}\na: ${aws:region}\n"))
                .containsEntry("a", "ap-south-1");
        assertThat(new Resolving().plain("a: ${aws:region}\n")).containsEntry("a", "us-east-1");
        assertThat(new Resolving().plain("a: ${aws:accountId, '000000000000'}\n")).containsEntry("a", "000000000000");
    }

    @Test
    void deployTimeParamsOfOtherStagesDoNotStopPackaging() {
        Map<String, Object> out = r.plain("""
                params:
                  prod: {key: '${ssm:/prod/key}'}
                  default: {key: local-key}
                a: ${param:key}
                """);
        assertThat(out).containsEntry("a", "local-key");
        assertThat(r.resolver.notes()).singleElement().asString().contains("'params.prod.key' is left unresolved");
    }

    @Test
    void jsonFilesIndentedWithTabsAndUnicodeEscapesRead() throws IOException {
        Files.writeString(dir.resolve("tabs.json"), "{\n\t\"a\": {\n\t\t\"b\": \"caf\\u00e9\\/x\", \"n\": 1e3\n\t}\n}\n");
        assertThat(r.baseDir(dir).plain("x: ${file(./tabs.json):a.b}\ny: ${file(./tabs.json):a.n}\n"))
                .containsEntry("x", "caf\u00e9/x").containsEntry("y", 1000.0);
        Node b = ((MapNode) r.resolve("x: ${file(./tabs.json):a}\n")).get("x");
        assertThat(((MapNode) b).get("b").position().toString()).isEqualTo("tabs.json:3:8");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
