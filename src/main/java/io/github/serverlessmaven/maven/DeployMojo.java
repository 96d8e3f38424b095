package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.deploy.DeployInput;
import io.github.serverlessmaven.deploy.DeployInputs;
import io.github.serverlessmaven.deploy.Deployer;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Packages the service (or takes an earlier package) and deploys it: uploads changed artifacts to the deployment
 * bucket, updates the CloudFormation stack through a change set, prints the summary and writes it to
 * {@code target/serverless/deploy-report.json}. Does nothing when nothing changed, unless forced.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, requiresProject = false, threadSafe = true)
public class DeployMojo extends AbstractAwsMojo {

    /** A directory written by the package goal (e.g. target/serverless) to deploy instead of packaging again. */
    @Parameter(property = "serverless.package")
    protected File packageDirectory;

    /** Deploys even when the template and every artifact match the last deployment. */
    @Parameter(property = "serverless.force", defaultValue = "false")
    protected boolean force;

    @Override
    protected String goal() {
        return "deploy";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        ServicePipeline pipeline = pipeline();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline, request, variables);
            DeployInput input = packageDirectory != null
                    ? DeployInputs.fromDirectory(resolve(request, packageDirectory), service)
                    : DeployInputs.fromPackage(pipeline.packageService(request, service, Instant.now()));
            try (AwsClients aws = clients(service)) {
                new Deployer(aws, coreLog(), options(force)).console(console()).deploy(input);
            }
        }
    }

    private static Path resolve(PackageRequest request, File directory) {
        Path path = directory.toPath();
        return path.isAbsolute() ? path : request.project().baseDir().resolve(path);
    }
}
