package io.github.serverlessmaven.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.config.YamlLoader;
import io.github.serverlessmaven.model.Service;
import org.junit.jupiter.api.Test;

class ServiceParserTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private Service parse(String yaml) {
        return parse(yaml, null, null);
    }

    private Service parse(String yaml, String stage, String region) {
        return new ServiceParser(diagnostics).parse(YamlLoader.load(yaml, "serverless.yml"), "serverless.yml", stage,
                region);
    }

    @Test
    void appliesDefaultsAndPrecedenceForStageAndRegion() {
        Service s = parse("service: demo\nprovider: { name: aws, stage: qa }\nfunctions: { f: { handler: a.B } }\n");
        assertThat(s.stage()).isEqualTo("qa");
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.provider().runtime()).isEqualTo("java21");
        assertThat(s.functions().get("f").memorySize()).isEqualTo(1024);
        assertThat(s.functions().get("f").name()).isEqualTo("demo-qa-f");
        Service overridden = parse("service: demo\nprovider: { name: aws, stage: qa, region: eu-west-1 }\n", "prod",
                "eu-central-1");
        assertThat(overridden.stage()).isEqualTo("prod");
        assertThat(overridden.region()).isEqualTo("eu-central-1");
        assertThat(overridden.stackName()).isEqualTo("demo-prod");
    }

    @Test
    void wrongTypeNamesPositionExpectationAndFix() {
        assertThatThrownBy(() -> parse("service: demo\nprovider:\n  name: aws\n  memorySize: lots\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:4:15: at 'provider.memorySize': expected an integer from 128 to 10240 but "
                        + "found a string 'lots', perhaps you should change the value to an integer from 128 to 10240");
    }

    @Test
    void unknownKeyIsAWarningWithASuggestion() {
        parse("service: demo\nprovider: { name: aws }\nfunctions:\n  f:\n    handler: a.B\n    memroySize: 512\n");
        assertThat(diagnostics.warnings()).extracting(Problem::render).containsExactly(
                "serverless.yml:6:5: at 'functions.f.memroySize': unrecognized property 'memroySize', perhaps you "
                        + "should write 'memorySize'");
    }

    @Test
    void unknownKeyIsAnErrorInErrorMode() {
        assertThatThrownBy(() -> parse("service: demo\nconfigValidationMode: error\nprovider: { name: aws, "
                + "colour: blue }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("serverless.yml:3:24: at 'provider.colour': unrecognized property 'colour'");
    }

    @Test
    void missingHandler() {
        assertThatThrownBy(() -> parse("service: demo\nprovider: { name: aws }\nfunctions:\n  f:\n    memorySize: 512\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:5:5: at 'functions.f': function 'f' has no 'handler', perhaps you should "
                        + "add 'handler: com.example.MyHandler::handleRequest' (or 'image' for a container image)");
    }

    @Test
    void otherProviderIsRefused() {
        assertThatThrownBy(() -> parse("service: demo\nprovider: { name: azure }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:2:19: at 'provider.name': unsupported provider 'azure': this plugin "
                        + "deploys to AWS only (supported: aws), perhaps you should set provider.name to aws");
    }

    @Test
    void invalidFunctionName() {
        assertThatThrownBy(() -> parse("service: demo\nprovider: { name: aws }\nfunctions:\n  my.fn:\n    handler: a.B\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:4:3: at 'functions.my.fn': function name 'my.fn' may contain only "
                        + "letters, digits, '-' and '_', perhaps you should rename it to 'myfn'");
    }

    @Test
    void functionNameTooLongForAws() {
        String longName = "x".repeat(60);
        assertThatThrownBy(() -> parse("service: demo\nprovider: { name: aws }\nfunctions:\n  " + longName
                + ":\n    handler: a.B\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is 69 characters long; AWS allows at most 64");
    }

    @Test
    void functionsThatCollideAfterNormalisation() {
        assertThatThrownBy(() -> parse("service: demo\nprovider: { name: aws }\nfunctions:\n  a-b: { handler: x.Y }\n"
                + "  aDashb: { handler: x.Y }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:5:3: at 'functions.aDashb': functions 'a-b' and 'aDashb' both map to the "
                        + "CloudFormation logical ID ADashbLambdaFunction, perhaps you should rename one of them");
    }

    @Test
    void pluginsAreIgnoredWithAWarningEach() {
        parse("service: demo\nprovider: { name: aws }\nplugins:\n  - serverless-offline\n");
        assertThat(diagnostics.warnings()).extracting(Problem::message)
                .containsExactly("the Serverless Framework plugin 'serverless-offline' is ignored: Node.js plugins "
                        + "cannot run inside Maven");
    }

    @Test
    void deprecatedRuntimeWarns() {
        parse("service: demo\nprovider: { name: aws, runtime: java17 }\nfunctions: { f: { handler: a.B } }\n");
        assertThat(diagnostics.warnings()).extracting(Problem::message)
                .containsExactly("runtime 'java17' is deprecated by AWS");
    }

    @Test
    void missingServiceName() {
        assertThatThrownBy(() -> parse("provider: { name: aws }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:1:1: at 'service': missing required property 'service', perhaps you "
                        + "should add 'service: my-service' at the top of the file");
    }

    @Test
    void stageAndRegionFromTheCommandLineAreCheckedAndNamedAsSuch() {
        String yaml = "service: demo\nprovider: { name: aws, stage: qa }\n";
        assertThatThrownBy(() -> parse(yaml, "feature/login", null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("-Dserverless.stage (or <stage> in the POM): at 'provider.stage': invalid stage "
                        + "'feature/login': expected letters, digits, '-' and '_', perhaps you should run with "
                        + "-Dserverless.stage=feature-login");
        assertThatThrownBy(() -> parse(yaml, null, "EU-WEST-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("invalid region 'EU-WEST-1'");
        assertThat(parse(yaml, null, "us-gov-west-1").region()).isEqualTo("us-gov-west-1");
        assertThat(parse(yaml, null, "ap-southeast-5").region()).isEqualTo("ap-southeast-5");
    }

    @Test
    void valuesCopiedIntoTheTemplateAcceptComputedValues() {
        Service s = parse("""
                service: demo
                provider:
                  name: aws
                  environment: { PORT: 8080, DEBUG: true, QUEUE: { Ref: Queue }, TABLE: { "Fn::ImportValue": t } }
                  iam:
                    role:
                      statements:
                        - { Effect: Deny, NotAction: [s3:*], NotResource: { "Fn::GetAtt": [Bucket, Arn] } }
                      managedPolicies: [{ "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess" }]
                functions:
                  f:
                    handler: a.B
                    layers: [{ Ref: CommonLambdaLayer }, arn:aws-cn:lambda:cn-north-1:123456789012:layer:x:3]
                    vpc: { securityGroupIds: { "Fn::Split": [",", a] }, subnetIds: [subnet-1, { Ref: Subnet }] }
                """);
        assertThat(s.functions().get("f").environment()).containsKeys("PORT", "DEBUG", "QUEUE", "TABLE");
        assertThat(s.functions().get("f").layers()).hasSize(2);
    }

    @Test
    void dashboardKeysAreAcceptedWithAWarningThatTheyAreIgnored() {
        parse("org: acme\napp: shop\nservice: demo\nprovider: { name: aws }\n");
        assertThat(diagnostics.warnings()).extracting(Problem::render).containsExactly(
                "serverless.yml:1:1: at 'org': 'org' is a Serverless Dashboard/Console setting and is ignored: this "
                        + "plugin deploys without the Dashboard, perhaps you should remove it, or keep it for the "
                        + "Serverless Framework only",
                "serverless.yml:2:1: at 'app': 'app' is a Serverless Dashboard/Console setting and is ignored: this "
                        + "plugin deploys without the Dashboard, perhaps you should remove it, or keep it for the "
                        + "Serverless Framework only");
    }
}
