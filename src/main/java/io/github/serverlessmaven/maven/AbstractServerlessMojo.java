package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.pipeline.Log;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ProjectLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters every goal shares and the one place where core errors become build failures.
 */
public abstract class AbstractServerlessMojo extends AbstractMojo {

    /** The service configuration. */
    @Parameter(property = "serverless.config", defaultValue = "${project.basedir}/serverless.yml")
    protected File config;

    /** Stage; wins over provider.stage (default dev). */
    @Parameter(property = "serverless.stage")
    protected String stage;

    /** Region; wins over provider.region (default us-east-1). */
    @Parameter(property = "serverless.region")
    protected String region;

    /** Skips the goal. */
    @Parameter(property = "serverless.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping serverless:" + goal() + " because serverless.skip is true");
            return;
        }
        try {
            run();
        } catch (ConfigException | DeployException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    protected abstract String goal();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected Log coreLog() {
        return new Log() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }

            @Override
            public void debug(String message) {
                getLog().debug(message);
            }
        };
    }

    protected ProjectLayout projectLayout() {
        // Without a pom.xml (requiresProject = false) Maven gives a stand-in project with no base directory.
        boolean standalone = project.getBasedir() == null;
        Path base = standalone ? Path.of(session != null ? session.getExecutionRootDirectory()
                : System.getProperty("user.dir")) : project.getBasedir().toPath();
        Path buildDir = standalone ? base.resolve("target") : Path.of(project.getBuild().getDirectory());
        List<Path> runtimeJars = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            String scope = a.getScope();
            if (a.getFile() != null && a.getFile().getName().endsWith(".jar")
                    && (Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope))) {
                runtimeJars.add(a.getFile().toPath());
            }
        }
        Path main = project.getArtifact() != null && project.getArtifact().getFile() != null
                && project.getArtifact().getFile().isFile() ? project.getArtifact().getFile().toPath() : null;
        Map<String, Path> attached = new LinkedHashMap<>();
        for (Artifact a : project.getAttachedArtifacts()) {
            if (a.getClassifier() != null && a.getFile() != null) {
                attached.put(a.getClassifier(), a.getFile().toPath());
            }
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("project.groupId", project.getGroupId());
        properties.put("project.artifactId", project.getArtifactId());
        properties.put("project.version", project.getVersion());
        properties.put("project.name", project.getName() == null ? project.getArtifactId() : project.getName());
        properties.put("project.basedir", base.toString());
        properties.put("basedir", base.toString());
        properties.put("project.build.directory", buildDir.toString());
        properties.put("project.build.finalName", project.getBuild().getFinalName());
        copy(project.getProperties(), properties);
        if (session != null) {
            copy(session.getUserProperties(), properties);
        }
        Path classes = standalone ? buildDir.resolve("classes") : Path.of(project.getBuild().getOutputDirectory());
        return new ProjectLayout(base, buildDir, classes, runtimeJars, main,
                attached, properties, project.getProperties().getProperty("project.build.outputTimestamp"));
    }

    protected PackageRequest packageRequest() {
        Map<String, String> options = new HashMap<>();
        if (session != null) {
            session.getUserProperties().forEach((k, v) -> {
                String key = String.valueOf(k);
                if (key.startsWith("serverless.opt.")) {
                    options.put(key.substring("serverless.opt.".length()), String.valueOf(v));
                }
            });
        }
        ProjectLayout layout = projectLayout();
        return new PackageRequest(layout, configFile(layout), blankToNull(stage), blankToNull(region), options,
                System.getenv());
    }

    /** serverless.config, relative to the project directory; the stand-in project's default is repaired. */
    protected Path configFile(ProjectLayout layout) {
        if (config == null || config.getPath().contains("${") || config.getPath().startsWith("null")) {
            return layout.baseDir().resolve("serverless.yml");
        }
        Path path = config.toPath();
        return path.isAbsolute() ? path : layout.baseDir().resolve(path);
    }

    private static void copy(Properties from, Map<String, String> to) {
        for (String name : from.stringPropertyNames()) {
            to.put(name, from.getProperty(name));
        }
    }

    protected static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
