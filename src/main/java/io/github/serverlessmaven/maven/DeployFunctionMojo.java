package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.ops.FunctionCodeDeployer;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import java.time.Instant;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Packages the service and replaces only one function's code, as {@code serverless deploy function} does: the
 * artifact goes to the deployment bucket and Lambda takes it from there; the stack is not updated. Skips when
 * Lambda already runs the same code. The stack then drifts from CloudFormation until the next full deploy.
 */
@Mojo(name = "deploy-function", requiresProject = false, threadSafe = true)
public class DeployFunctionMojo extends AbstractAwsMojo {

    /** The function to update: its key under {@code functions:}. */
    @Parameter(property = "serverless.function", required = true)
    private String function;

    /** Uploads and updates the code even when Lambda's CodeSha256 equals the packaged artifact's. */
    @Parameter(property = "serverless.force", defaultValue = "false")
    private boolean force;

    /** Also updates memory, timeout, environment, handler, runtime and description where they differ. */
    @Parameter(property = "serverless.updateConfig", defaultValue = "false")
    private boolean updateConfig;

    @Override
    protected String goal() {
        return "deploy-function";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        ServicePipeline pipeline = pipeline();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline, request, variables);
            PackageResult packaged = pipeline.packageService(request, service, Instant.now());
            try (AwsClients aws = clients(service)) {
                new FunctionCodeDeployer(aws, coreLog(), options(force)).deploy(packaged, function, updateConfig);
            }
        }
    }
}
