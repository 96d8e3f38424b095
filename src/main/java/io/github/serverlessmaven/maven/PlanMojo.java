package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.deploy.DeployInputs;
import io.github.serverlessmaven.deploy.PlannedChange;
import io.github.serverlessmaven.deploy.Planner;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Packages the service and shows what a deploy would change in the stack (each resource added, modified or
 * removed, and whether it would be replaced) through a change set that is deleted again. Changes nothing.
 */
@Mojo(name = "plan", requiresProject = false,
        threadSafe = true)
public class PlanMojo extends AbstractAwsMojo {

    /** Fails the build when the plan has changes (drift or undeployed work in CI). */
    @Parameter(property = "serverless.plan.failOnChanges", defaultValue = "false")
    protected boolean failOnChanges;

    @Override
    protected String goal() {
        return "plan";
    }

    @Override
    protected void run() throws MojoFailureException {
        PackageRequest request = packageRequest();
        ServicePipeline pipeline = pipeline();
        List<PlannedChange> changes;
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline, request, variables);
            try (AwsClients aws = clients(service)) {
                changes = new Planner(aws, coreLog(), options(false)).plan(DeployInputs.fromPackage(
                        pipeline.packageService(request, service, Instant.now())));
            }
        }
        if (failOnChanges && !changes.isEmpty()) {
            throw new MojoFailureException("The plan has " + changes.size() + " change(s) and "
                    + "serverless.plan.failOnChanges is true; deploy them or revert the configuration.");
        }
    }
}
