package io.github.serverlessmaven.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.variables.VariableSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** ${aws:...}, ${ssm:...}, ${cf:...} and ${s3:...} read from the moto emulator. */
class AwsVariableSourcesMotoTest {

    Moto moto;
    AwsClients aws;
    AwsVariableSources variables;
    Map<String, VariableSource> sources;

    @BeforeEach
    void setUp() {
        moto = Moto.fromSystemProperty();
        moto.reset();
        aws = moto.clients();
        variables = new AwsVariableSources(moto.settings());
        sources = variables.sources();
    }

    @AfterEach
    void tearDown() {
        variables.close();
        aws.close();
    }

    @Test
    void awsSourceGivesAccountIdAndRegion() throws Exception {
        assertThat(sources.get("aws").resolve(List.of(), "accountId")).isEqualTo(Moto.ACCOUNT);
        assertThat(sources.get("aws").resolve(List.of(), "region")).isEqualTo(Moto.REGION);
        assertThatThrownBy(() -> sources.get("aws").resolve(List.of(), "partition"))
                .isInstanceOf(DeployException.class)
                .hasMessage("Unknown variable ${aws:partition}; perhaps you should write ${aws:accountId} or "
                        + "${aws:region}.");
    }

    @Test
    void ssmSourceDecryptsSecureStringsAndMarksThemSecret() throws Exception {
        aws.ssm().putParameter(r -> r.name("/demo/plain").value("hello").type(ParameterType.STRING));
        aws.ssm().putParameter(r -> r.name("/demo/secret").value("s3cr3t").type(ParameterType.SECURE_STRING));
        aws.ssm().putParameter(r -> r.name("/demo/list").value("a,b").type(ParameterType.STRING_LIST));
        VariableSource ssm = sources.get("ssm");

        assertThat(ssm.resolve(List.of(), "/demo/plain")).isEqualTo("hello");
        assertThat(ssm.secret(List.of(), "/demo/plain")).isFalse();
        assertThat(ssm.resolve(List.of(), "/demo/secret")).isEqualTo("s3cr3t");
        assertThat(ssm.secret(List.of(), "/demo/secret")).isTrue();
        assertThat(ssm.resolve(List.of(), "/demo/list")).isEqualTo(List.of("a", "b"));
        assertThat(ssm.resolve(List.of(), "/demo/missing")).isNull();
    }

    @Test
    void ssmSourceReadsAnotherRegionWhenGivenOne() throws Exception {
        try (AwsClients west = new AwsClients(moto.settings().withRegion("eu-west-1"))) {
            west.ssm().putParameter(r -> r.name("/demo/where").value("west").type(ParameterType.STRING));
        }
        assertThat(sources.get("ssm").resolve(List.of("eu-west-1"), "/demo/where")).isEqualTo("west");
        assertThat(sources.get("ssm").resolve(List.of(), "/demo/where")).isNull();
    }

    @Test
    void cfSourceReadsStackOutputsInThisOrAnotherRegion() throws Exception {
        String template = """
                {"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "demo-q"}}},
                 "Outputs": {"QueueName": {"Value": {"Fn::GetAtt": ["Q", "QueueName"]}}}}""";
        aws.cloudFormation().createStack(r -> r.stackName("other-dev").templateBody(template));
        try (AwsClients west = new AwsClients(moto.settings().withRegion("eu-west-1"))) {
            west.cloudFormation().createStack(r -> r.stackName("west-dev").templateBody(template));
        }
        VariableSource cf = sources.get("cf");

        assertThat(cf.resolve(List.of(), "other-dev.QueueName")).isEqualTo("demo-q");
        assertThat(cf.resolve(List.of("eu-west-1"), "west-dev.QueueName")).isEqualTo("demo-q");
        assertThat(cf.resolve(List.of(), "other-dev.Missing")).isNull();
        assertThat(cf.resolve(List.of(), "no-such-stack.QueueName")).isNull();
        assertThatThrownBy(() -> cf.resolve(List.of(), "other-dev")).isInstanceOf(DeployException.class)
                .hasMessageContaining("needs the form stackName.outputKey");
    }

    @Test
    void s3SourceReadsAnObject() throws Exception {
        aws.s3().createBucket(r -> r.bucket("demo-config"));
        aws.s3().putObject(r -> r.bucket("demo-config").key("path/value.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("from-s3"));
        VariableSource s3 = sources.get("s3");

        assertThat(s3.resolve(List.of(), "demo-config/path/value.txt")).isEqualTo("from-s3");
        assertThat(s3.resolve(List.of(), "demo-config/missing.txt")).isNull();
        assertThat(s3.resolve(List.of(), "no-such-bucket/x")).isNull();
        assertThatThrownBy(() -> s3.resolve(List.of(), "demo-config")).isInstanceOf(DeployException.class)
                .hasMessageContaining("needs the form bucket/key");
    }
}
