package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsSettings;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.deploy.DeployOptions;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals that talk to AWS share: beside profile and endpoint, waiting limits and AWS variables. */
public abstract class AbstractAwsMojo extends AbstractAwsAccessMojo {

    /** Minutes to wait for a stack operation or for a busy stack to become free. */
    @Parameter(property = "serverless.timeout", defaultValue = "30")
    protected int timeoutMinutes;

    /** Prints stack outputs and more detail. */
    @Parameter(property = "serverless.verbose", defaultValue = "false")
    protected boolean verbose;

    /** The service with every variable resolved, AWS sources ({@code ssm}, {@code cf}, {@code s3}, {@code aws}) included. */
    protected Service loadService(ServicePipeline pipeline, PackageRequest request, AwsVariableSources variables) {
        return pipeline.load(request, variables.sources());
    }

    protected AwsVariableSources variableSources(PackageRequest request) {
        return new AwsVariableSources(AwsSettings.of(AwsVariableSources.initialRegion(request.region(),
                request.configFile()), profile, endpoint()));
    }

    protected AwsClients clients(Service service) {
        return new AwsClients(AwsSettings.of(service.region(), chosenProfile(blankToNull(profile),
                service.provider().profile()), endpoint()));
    }

    protected DeployOptions options(boolean force) {
        return new DeployOptions(force, Duration.ofMinutes(Math.max(1, timeoutMinutes)), Duration.ofSeconds(5));
    }
}
