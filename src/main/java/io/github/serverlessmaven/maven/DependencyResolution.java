package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;

/**
 * Resolves the project's dependencies when a goal first needs them, instead of declaring
 * {@code requiresDependencyResolution}, which makes Maven resolve the whole tree before every run of the goal:
 * up to a second on a cold JVM for a project with the AWS SDK, wasted when the service deploys its own jar.
 * The scopes are those {@code requiresDependencyResolution = COMPILE_PLUS_RUNTIME} gave.
 */
final class DependencyResolution {

    private static final Set<String> SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED,
            Artifact.SCOPE_SYSTEM, Artifact.SCOPE_RUNTIME);

    private DependencyResolution() {}

    /** The resolved artifacts (with their files and scopes), in the order Maven would put them on a classpath. */
    static List<Artifact> resolve(MavenProject project, MavenSession session, ProjectDependenciesResolver resolver) {
        DependencyFilter inScope = (node, parents) -> node.getDependency() == null
                || SCOPES.contains(node.getDependency().getScope());
        DefaultDependencyResolutionRequest request = new DefaultDependencyResolutionRequest(project,
                session.getRepositorySession());
        request.setResolutionFilter(inScope);
        DependencyResolutionResult result;
        try {
            result = resolver.resolve(request);
        } catch (DependencyResolutionException e) {
            throw new ConfigException(Position.of(pom(project)), "dependencies", "the project's dependencies "
                    + "could not be resolved, and the plugin needs them for the zip it builds or for "
                    + "package.module: " + e.getMessage().strip(), "run 'mvn dependency:tree' to "
                    + "see which one fails, or set package.artifact to the file your build produces (a shaded "
                    + "jar needs no dependency resolution)");
        }
        // As Maven's own lifecycle resolution turns the graph into project artifacts (scope, trail, file).
        Set<Artifact> artifacts = new LinkedHashSet<>();
        DependencyNode graph = result.getDependencyGraph();
        if (graph != null && !graph.getChildren().isEmpty()) {
            RepositoryUtils.toArtifacts(artifacts, graph.getChildren(), List.of(project.getArtifact().getId()),
                    inScope);
        }
        List<Artifact> resolved = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            if (artifact.getFile() != null) {
                resolved.add(artifact);
            }
        }
        return resolved;
    }

    private static String pom(MavenProject project) {
        return project.getFile() == null ? "pom.xml"
                : project.getBasedir().toPath().relativize(project.getFile().toPath()).toString();
    }
}
