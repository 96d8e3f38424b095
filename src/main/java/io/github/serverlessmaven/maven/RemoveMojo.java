package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.deploy.Remover;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import org.apache.maven.plugins.annotations.Mojo;

/** Empties the deployment bucket and deletes the service's CloudFormation stack, as {@code serverless remove}. */
@Mojo(name = "remove", requiresProject = false, threadSafe = true)
public class RemoveMojo extends AbstractAwsMojo {

    @Override
    protected String goal() {
        return "remove";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline(), request, variables);
            try (AwsClients aws = clients(service)) {
                new Remover(aws, coreLog(), options(false)).remove(service);
            }
        }
    }
}
