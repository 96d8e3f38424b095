package io.github.serverlessmaven.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.testing.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void lambdaVariablesThenConfiguredThenOverrides() {
        TestServices.project(dir, """
                service: demo
                provider:
                  name: aws
                  region: eu-central-1
                  profile: work
                  environment:
                    SHARED: provider
                    COUNT: 3
                    ARN: { "Fn::GetAtt": [Queue, Arn] }
                functions:
                  hello:
                    handler: example.Hello
                    memorySize: 256
                    environment:
                      SHARED: function
                      FLAG: true
                """);
        Service service = new ServicePipeline(Log.NONE).load(TestServices.request(dir));
        List<String> warnings = new ArrayList<>();

        Map<String, String> env = LambdaEnvironment.of(service, service.functions().get("hello"),
                dir.resolve("target/classes"), Map.of("FLAG", "false", "ARN", "arn:local"),
                TestServices.collecting(warnings));

        assertThat(env).containsEntry("AWS_LAMBDA_FUNCTION_NAME", "demo-dev-hello")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
                .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/demo-dev-hello")
                .containsEntry("AWS_REGION", "eu-central-1")
                .containsEntry("AWS_DEFAULT_REGION", "eu-central-1")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java21")
                .containsEntry("AWS_PROFILE", "work")
                .containsEntry("LAMBDA_TASK_ROOT", dir.resolve("target/classes").toAbsolutePath().toString())
                .containsEntry("SHARED", "function")
                .containsEntry("COUNT", "3")
                .containsEntry("FLAG", "false")
                .containsEntry("ARN", "arn:local");
        assertThat(env.get("AWS_LAMBDA_LOG_STREAM_NAME")).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theFunctionMustExist() {
        TestServices.project(dir, "service: demo\nprovider:\n  name: aws\n");
        Service none = new ServicePipeline(Log.NONE).load(TestServices.request(dir));
        assertThatThrownBy(() -> LocalInvoker.function(none, "hello"))
                .hasMessage("serverless.yml: at 'functions': the configuration has no functions to invoke, perhaps you "
                        + "should add one under 'functions:', e.g. 'hello: { handler: com.example.Hello }'");

        TestServices.project(dir, "service: demo\nprovider:\n  name: aws\nfunctions:\n  a:\n    handler: x.A\n"
                + "  b:\n    handler: x.B\n");
        Service two = new ServicePipeline(Log.NONE).load(TestServices.request(dir));
        assertThatThrownBy(() -> LocalInvoker.function(two, " "))
                .hasMessage("serverless.yml: at 'functions': no function was named, perhaps you should pass "
                        + "-Dserverless.function=NAME, one of [a, b]");
        assertThatThrownBy(() -> LocalInvoker.function(two, "zzz"))
                .hasMessage("serverless.yml: at 'functions': there is no function 'zzz' (functions: a, b), perhaps you "
                        + "should pass one of the functions above as -Dserverless.function");
    }
}
