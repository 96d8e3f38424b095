package io.github.serverlessmaven.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates serverless.yml, resolves its variables and writes the CloudFormation templates and the deployable
 * artifact to {@code target/serverless}, as {@code serverless package} does. Needs AWS access only to look up
 * the digest of a container image named by its tag, as v3 does.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresProject = false, threadSafe = true)
public class PackageMojo extends AbstractAwsAccessMojo {

    @Override
    protected String goal() {
        return "package";
    }

    @Override
    protected void run() {
        pipeline().packageService(packageRequest());
    }
}
