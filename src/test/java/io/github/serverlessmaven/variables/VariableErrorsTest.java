package io.github.serverlessmaven.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariableErrorsTest {

    @TempDir
    Path dir;

    private final Resolving r = new Resolving();

    private List<String> problems(String yaml) {
        try {
            r.resolve(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(Problem::render).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void missingEnvironmentVariableNamesTheVariableAndWhereItIsUsed() {
        assertThat(problems("""
                provider:
                  environment:
                    DB: ${env:DB}
                """)).containsExactly("serverless.yml:3:9: at 'provider.environment.DB': cannot resolve ${env:DB}: "
                + "environment variable DB is not set, perhaps you should set it or add a fallback: "
                + "${env:DB, 'default'}");
    }

    @Test
    void missingOptionSaysHowToPassIt() {
        assertThat(problems("a: x-${opt:tenant}\n")).containsExactly("serverless.yml:1:4: at 'a': cannot resolve "
                + "${opt:tenant}: option 'tenant' is not set, perhaps you should pass it as a Maven property "
                + "(-Dserverless.opt.NAME=value; stage and region: -Dserverless.stage, -Dserverless.region) or add "
                + "a fallback: ${opt:tenant, 'default'}");
    }

    @Test
    void missingSelfValueNamesThePath() {
        assertThat(problems("functions:\n  - ${self:custom.nope}\n")).containsExactly("serverless.yml:2:5: at "
                + "'functions[0]': cannot resolve ${self:custom.nope}: there is no value at 'custom.nope' in the "
                + "configuration, perhaps you should define that value, correct the path, or add a fallback: "
                + "${self:custom.nope, 'default'}");
    }

    @Test
    void missingFileWithoutFallbackNamesTheFile() {
        r.baseDir(dir);
        assertThat(problems("resources: ${file(./missing.yml)}\n")).containsExactly("serverless.yml:1:12: at "
                + "'resources': cannot resolve ${file(./missing.yml)}: file missing.yml does not exist, perhaps you "
                + "should create the file (paths are relative to the project directory), correct the path, or add "
                + "a fallback: ${file(./missing.yml), 'default'}");
    }

    @Test
    void missingAddressInAFileNamesBoth() throws IOException {
        Files.writeString(dir.resolve("c.json"), "{\"a\": 1}");
        r.baseDir(dir);
        assertThat(problems("x: ${file(./c.json):b.c}\n")).singleElement().asString()
                .startsWith("serverless.yml:1:4: at 'x': cannot resolve ${file(./c.json):b.c}: there is no value at "
                        + "'b.c' in c.json, perhaps you should create the file");
    }

    @Test
    void invalidYamlInAFileIsReportedWithItsPosition() throws IOException {
        Files.writeString(dir.resolve("bad.yml"), "a: [1, 2\n");
        r.baseDir(dir);
        assertThat(problems("x: ${file(./bad.yml)}\n")).singleElement().asString()
                .startsWith("serverless.yml:1:4: at 'x': cannot use bad.yml: bad.yml:2:1: invalid YAML");
    }

    @Test
    void javaScriptFilesAreRefused() throws IOException {
        Files.writeString(dir.resolve("values.js"), "module.exports = {}");
        r.baseDir(dir);
        assertThat(problems("x: ${file(./values.js)}\n")).containsExactly("serverless.yml:1:4: at 'x': cannot use "
                + "values.js: values.js is JavaScript, which the Maven plugin cannot run, perhaps you should export "
                + "the values as YAML or JSON and reference that file instead");
    }

    @Test
    void missingMavenPropertyAndParam() {
        assertThat(problems("a: ${maven:nope}\nb: ${param:domain}\n")).containsExactly(
                "serverless.yml:1:4: at 'a': cannot resolve ${maven:nope}: Maven property 'nope' is not defined, "
                        + "perhaps you should define the property in the POM or with -D, or add a fallback: "
                        + "${maven:nope, 'default'}",
                "serverless.yml:2:4: at 'b': cannot resolve ${param:domain}: parameter 'domain' is not defined "
                        + "under params.dev or params.default, perhaps you should define it under params.<stage> or "
                        + "params.default, or add a fallback: ${param:domain, 'default'}");
    }

    @Test
    void deployTimeSourceWithoutFallbackSaysToDeployOrAddAFallback() {
        assertThat(problems("""
                provider:
                  environment:
                    SECRET: ${ssm:/x}
                """)).containsExactly("serverless.yml:3:13: at 'provider.environment.SECRET': cannot resolve "
                + "${ssm:/x}: the 'ssm' source is resolved only at deploy time (needs AWS), perhaps you should use "
                + "`serverless:deploy`, or give a fallback such as ${ssm:/x, 'local'}");
    }

    @Test
    void deployTimeValueUnderCustomFailsWhenSomethingUsesIt() {
        assertThat(problems("""
                custom:
                  key: ${cf:stack.Key}
                provider:
                  environment:
                    KEY: ${self:custom.key}
                """)).containsExactly("serverless.yml:2:8: at 'custom.key': cannot resolve ${cf:stack.Key}: the 'cf' "
                + "source is resolved only at deploy time (needs AWS) (needed at 'provider.environment.KEY'), perhaps "
                + "you should use `serverless:deploy`, or give a fallback such as ${cf:stack.Key, 'local'}");
    }

    @Test
    void otherErrorsUnderCustomAreStillErrors() {
        assertThat(problems("custom:\n  db: ${env:DB}\n")).singleElement().asString()
                .startsWith("serverless.yml:2:7: at 'custom.db': cannot resolve ${env:DB}");
    }

    @Test
    void unknownSourceNamesTheClosestKnownOne() {
        assertThat(problems("a: ${slef:custom.x}\n")).containsExactly("serverless.yml:1:4: at 'a': unknown variable "
                + "source 'slef' in ${slef:custom.x}, perhaps you should write 'self' (known sources: self, opt, sls, "
                + "env, file, param, maven, strToBool, aws, cf, s3, ssm)");
        assertThat(new Resolving().source("vault", (p, a) -> "v").resolve("a: ${vault:x}\n").toPlain().toString())
                .isEqualTo("{a=v}");
    }

    @Test
    void cycleBetweenTwoValuesIsNamed() {
        assertThat(problems("a: ${self:b}\nb: ${self:a}\n")).containsExactly("serverless.yml:1:4: at 'a': circular "
                + "reference: a -> b -> a, perhaps you should break the cycle: one of these values must not depend on "
                + "the others");
    }

    @Test
    void cycleThroughAParentAndThroughTheWholeConfigurationIsNamed() {
        assertThat(problems("custom:\n  all: ${self:custom}\n")).containsExactly("serverless.yml:2:8: at "
                + "'custom.all': circular reference: custom.all -> custom, perhaps you should break the cycle: one of "
                + "these values must not depend on the others");
        assertThat(problems("a: ${self:}\n")).containsExactly("serverless.yml:1:4: at 'a': circular reference: a -> "
                + "(the whole configuration), perhaps you should name a value instead of the whole configuration, "
                + "which contains this one: ${self:custom.name} rather than ${self:}");
    }

    @Test
    void longerCycleInStringsIsNamed() {
        assertThat(problems("a: x-${self:b}\nb: y-${self:c.d}\nc: {d: '${self:a}'}\n")).containsExactly(
                "serverless.yml:1:4: at 'a': circular reference: a -> b -> c.d -> a, perhaps you should break the "
                        + "cycle: one of these values must not depend on the others");
    }

    @Test
    void fileThatIncludesItselfStopsAtTheNestingLimit() throws IOException {
        Files.writeString(dir.resolve("loop.yml"), "inner: ${file(./loop.yml)}\n");
        r.baseDir(dir);
        assertThat(problems("a: ${file(./loop.yml)}\n")).singleElement().asString().isEqualTo(
                "loop.yml:1:8: at 'a.inner.inner.inner.inner.inner.inner.inner.inner.inner.inner': variables nest more "
                        + "than 10 levels deep (values produced by variables hold variables, and so on), perhaps you "
                        + "should check for a file or value that includes itself");
    }

    @Test
    void exponentialCopiesStopAtTheSizeLimit() {
        StringBuilder yaml = new StringBuilder("l0: [a, b, c, d, e, f, g, h, i, j]\n");
        for (int i = 1; i <= 8; i++) {
            String ref = "'${self:l" + (i - 1) + "}'";
            yaml.append("l").append(i).append(": [").append(String.join(", ", java.util.Collections.nCopies(10, ref)))
                    .append("]\n");
        }
        assertThat(problems(yaml.toString())).singleElement().asString()
                .contains("the configuration grows to more than 500000 values through variables");
    }

    @Test
    void longChainsStopAtTheChainLimit() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            yaml.append("v").append(i).append(": ${self:v").append(i + 1).append("}\n");
        }
        yaml.append("v150: end\n");
        assertThat(problems(yaml.toString())).first().asString()
                .contains("more than 100 values wait for each other through variables");
    }

    @Test
    void nonStringInsideAStringIsAnError() {
        assertThat(problems("custom: {m: {k: v}}\na: x-${self:custom.m}\n")).containsExactly("serverless.yml:2:4: at "
                + "'a': the variable ${self:custom.m} resolves to a map, which cannot be part of a longer string (only "
                + "strings, numbers and booleans can), perhaps you should make the variable the whole value, or point "
                + "it at a single value");
    }

    @Test
    void strToBoolRejectsOtherText() {
        assertThat(problems("a: ${strToBool(maybe)}\n")).containsExactly("serverless.yml:1:4: at 'a': strToBool "
                + "expects \"true\", \"false\", \"1\" or \"0\", found 'maybe', perhaps you should write "
                + "${strToBool(true)} or ${strToBool(${env:FLAG})} with FLAG set to one of those");
    }

    @Test
    void unsupportedSlsAddress() {
        assertThat(problems("a: ${sls:nope}\n")).containsExactly("serverless.yml:1:4: at 'a': unsupported address "
                + "'nope' for the 'sls' source, perhaps you should use ${sls:stage} or ${sls:instanceId}");
    }

    @Test
    void syntaxErrorsNameTheString() {
        assertThat(problems("a: ${self:x\n")).containsExactly("serverless.yml:1:4: at 'a': invalid variable syntax: "
                + "missing closing '}' in \"${self:x\", perhaps you should write variables as ${source:address} and "
                + "escape a literal \"${\" as \"\\${\"");
        assertThat(problems("a: ${env:X, bare words}\n")).singleElement().asString()
                .contains("invalid fallback 'bare' in \"${env:X, bare words}\"");
    }

    @Test
    void failingAddedSourceIsReportedWithoutAStackTrace() {
        r.source("ssm", (p, a) -> {
            throw new IllegalStateException("AccessDenied");
        });
        assertThat(problems("a: ${ssm:/p}\n")).containsExactly("serverless.yml:1:4: at 'a': cannot resolve ${ssm:/p}: "
                + "the 'ssm' source failed (AccessDenied), perhaps you should check the address and your AWS access, "
                + "or add a fallback: ${ssm:/p, 'default'}");
    }

    @Test
    void allErrorsAreReportedTogether() {
        assertThat(problems("a: ${env:A}\nb: ${env:B}\nc: ${self:a}\n")).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("at 'a'").contains("${env:A}"))
                .anySatisfy(p -> assertThat(p).contains("at 'b'").contains("${env:B}"));
    }

    @Test
    void theExceptionMessageListsEveryProblem() {
        assertThatThrownBy(() -> r.resolve("a: ${env:A}\nb: ${env:B}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("environment variable A is not set")
                .hasMessageContaining("environment variable B is not set");
    }
    @Test
    void invalidSyntaxInAnEnvironmentValueIsReportedWithoutShowingTheValue() {
        r.env("GREETING", "s3cr3t${env:oops");
        assertThat(problems("a: ${env:GREETING}\n")).containsExactly("serverless.yml:1:4: at 'a': the value of "
                + "${env:GREETING} holds invalid variable syntax: missing closing '}', perhaps you should write "
                + "variables as ${source:address} and escape a literal \"${\" as \"\\${\"");
    }

    @Test
    void aSecretEnvironmentValueIsTakenAsItIsEvenWithVariableSyntaxInIt() {
        r.env("DB_PASSWORD", "s3cr3t${env:oops");
        assertThat(r.plain("a: ${env:DB_PASSWORD}\n")).containsEntry("a", "s3cr3t${env:oops");
        assertThat(r.resolver.secretPaths()).containsExactly("a");
    }

    @Test
    void deeplyNestedVariablesInOneStringAreRefused() {
        String yaml = "a: " + "${env:".repeat(5000) + "X" + "}".repeat(5000) + "\n";
        assertThat(problems(yaml)).singleElement().asString().contains("variables nest more than 20 levels");
    }

    @Test
    void stageFromADeployTimeSourceIsAnErrorNotASilentDefault() {
        assertThat(problems("provider: {stage: '${ssm:/stage}'}\na: ${sls:stage}\n")).singleElement().asString()
                .startsWith("serverless.yml:1:19: at 'provider.stage': cannot resolve ${ssm:/stage}: the 'ssm' source "
                        + "is resolved only at deploy time (needs AWS)");
    }
    @Test
    void runningOutOfStackIsAConfigurationErrorNotACrash() throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            yaml.append("v").append(i).append(": ${self:v").append(i + 1).append("}\n");
        }
        yaml.append("v99: end\n");
        Throwable[] thrown = new Throwable[1];
        Thread small = new Thread(null, () -> {
            try {
                new Resolving().resolve(yaml.toString());
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack", 64 * 1024);
        small.start();
        small.join();
        assertThat(thrown[0]).isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:1:1: variables reference each other too deeply to resolve, perhaps you "
                        + "should reference values more directly (fewer chains of ${self:...} through deeply nested "
                        + "values)");
    }
    @Test
    void deployTimeParamForTheCurrentStageFailsWhereItIsUsed() {
        r.option("stage", "prod");
        assertThat(problems("params:\n  prod: {key: '${ssm:/prod/key}'}\na: ${param:key}\n")).containsExactly(
                "serverless.yml:2:15: at 'params.prod.key': cannot resolve ${ssm:/prod/key}: the 'ssm' source is "
                        + "resolved only at deploy time (needs AWS) (needed at 'a'), perhaps you should use "
                        + "`serverless:deploy`, or give a fallback such as ${ssm:/prod/key, 'local'}");
    }
    @Test
    void invalidJsonInAFileIsReportedWithItsPosition() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\n  \"a\": [1, 2,]\n}\n");
        r.baseDir(dir);
        assertThat(problems("x: ${file(./bad.json)}\n")).containsExactly("serverless.yml:1:4: at 'x': cannot use "
                + "bad.json: bad.json:2:14: invalid JSON: unexpected ']', perhaps you should fix the JSON");
    }
    @Test
    void manyCopiesOfABigFileStopAtTheWorkLimit() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("k").append(i).append(": '${self:custom.v}'\n");
        }
        Files.writeString(dir.resolve("big.yml"), big);
        StringBuilder yaml = new StringBuilder("custom: {v: x}\ncopies:\n");
        for (int i = 0; i < 200; i++) {
            yaml.append("  - ${file(./big.yml)}\n");
        }
        r.baseDir(dir);
        long start = System.nanoTime();
        List<String> problems = problems(yaml.toString());
        assertThat(problems).singleElement().asString().contains("more than 100000 variables to resolve, perhaps "
                + "you should copy big files or blocks fewer times, or simplify the configuration");
        assertThat(System.nanoTime() - start).isLessThan(60_000_000_000L);
    }
    @Test
    void copiesOfABigPlainFileStopAtTheVisitLimit() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append("k").append(i).append(": v\n");
        }
        Files.writeString(dir.resolve("big.yml"), big);
        StringBuilder yaml = new StringBuilder("copies:\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("  - '${file(./big.yml)}'\n");
        }
        r.baseDir(dir);
        assertThat(problems(yaml.toString()))
                .anySatisfy(p -> assertThat(p).contains("at 'copies[49].k",
                        "the configuration needs more than 1000000 values visited to resolve its variables"))
                .anySatisfy(p -> assertThat(p).contains("at 'copies': the configuration grows to more than 500000 "
                        + "values through variables"));
    }

    @Test
    void atMostFiftyErrorsAreListed() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            yaml.append("v").append(i).append(": ${env:MISSING_").append(i).append("}\n");
        }
        List<String> problems = problems(yaml.toString());
        assertThat(problems).hasSize(51);
        assertThat(problems.get(50)).isEqualTo("<unknown>: 20 more variables cannot be resolved, perhaps you should "
                + "fix the ones above first");
    }
}
