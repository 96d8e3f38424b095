package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.ops.Rollback;
import io.github.serverlessmaven.pipeline.PackageRequest;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Without {@code -Dserverless.timestamp}, lists the deployments kept in the deployment bucket (timestamp, date,
 * artifacts and their digests). With it, puts the stack back to that deployment's template and artifacts through
 * a change set, as {@code serverless rollback} does.
 */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public class RollbackMojo extends AbstractAwsMojo {

    /** The deployment to go back to: its timestamp (epoch milliseconds) as the listing shows it. */
    @Parameter(property = "serverless.timestamp")
    private Long timestamp;

    @Override
    protected String goal() {
        return "rollback";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline(), request, variables);
            try (AwsClients aws = clients(service)) {
                Rollback rollback = new Rollback(aws, coreLog(), options(false));
                if (timestamp != null) {
                    rollback.rollback(service, timestamp);
                    return;
                }
                List<Rollback.Deployment> deployments = rollback.list(service);
                if (deployments.isEmpty()) {
                    getLog().info("No deployments of " + service.stackName() + " are kept in the deployment bucket.");
                    return;
                }
                getLog().info("Deployments of " + service.stackName() + " (roll back with -Dserverless.timestamp="
                        + "TIMESTAMP):");
                deployments.forEach(d -> getLog().info(d.render()));
            }
        }
    }
}
