package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsVariableSources;
import io.github.serverlessmaven.deploy.InfoReporter;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.pipeline.PackageRequest;
import org.apache.maven.plugins.annotations.Mojo;

/** Prints the deployed service: stage, region, stack status, endpoints, functions (and outputs with verbose). */
@Mojo(name = "info", requiresProject = false, threadSafe = true)
public class InfoMojo extends AbstractAwsMojo {

    @Override
    protected String goal() {
        return "info";
    }

    @Override
    protected void run() {
        PackageRequest request = packageRequest();
        try (AwsVariableSources variables = variableSources(request)) {
            Service service = loadService(pipeline(), request, variables);
            try (AwsClients aws = clients(service)) {
                InfoReporter.read(aws, service).ifPresentOrElse(
                        report -> report.lines(verbose).forEach(getLog()::info),
                        () -> getLog().info("Stack " + service.stackName() + " does not exist in " + service.region()
                                + "; deploy it with 'mvn serverless:deploy'."));
            }
        }
    }
}
