package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.XmlConfigLoader;
import io.github.serverlessmaven.config.XmlElement;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.pipeline.GoalParameters;
import io.github.serverlessmaven.pipeline.ImageDigestLookup;
import io.github.serverlessmaven.pipeline.PackageRequest;
import io.github.serverlessmaven.pipeline.ServicePipeline;
import io.github.serverlessmaven.project.Console;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ModuleArtifact;
import io.github.serverlessmaven.project.ProjectDependencies;
import io.github.serverlessmaven.project.ProjectLayout;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * Parameters every goal shares and the one place where core errors become build failures.
 */
public abstract class AbstractServerlessMojo extends AbstractMojo {

    /** The service configuration. */
    @Parameter(property = "serverless.config", defaultValue = "${project.basedir}/serverless.yml")
    protected File config;

    /** Stage; -Dserverless.stage wins over POM {@code <stage>}, which wins over provider.stage (default dev). */
    @Parameter(property = "serverless.stage")
    protected String stage;

    /**
     * Region; -Dserverless.region wins over POM {@code <region>}, which wins over provider.region (default
     * us-east-1).
     */
    @Parameter(property = "serverless.region")
    protected String region;

    /**
     * Environment variables whose values are secret, beside those whose names say so (PASSWORD, SECRET, TOKEN,
     * API_KEY...): a value read through ${env:NAME} from one of them is masked like an SSM SecureString.
     */
    @Parameter(property = "serverless.secretEnv")
    protected List<String> secretEnv;

    /** Skips the goal; {@code serverless.<goal>.skip} (e.g. serverless.package.skip) skips one goal only. */
    @Parameter(property = "serverless.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The service model written in the POM instead of serverless.yml: nested elements mirror the YAML keys
     * (lists as repeated child elements). serverless.yml wins when both exist.
     */
    @Parameter
    protected PlexusConfiguration serverless;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Component
    private ProjectDependenciesResolver dependenciesResolver;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            GoalParameters parameters = goalParameters();
            Optional<String> skipped = parameters.skipReason(goal(), skip);
            if (skipped.isPresent()) {
                getLog().info(skipped.get());
                return;
            }
            applyCommandLine(parameters);
            Optional<String> nothingToDo = nothingToPackage();
            if (nothingToDo.isPresent()) {
                getLog().info(nothingToDo.get());
                return;
            }
            run();
        } catch (ConfigException | DeployException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** -D beats POM {@code <configuration>} beats serverless.yml beats the default, for every parameter. */
    protected GoalParameters goalParameters() {
        return new GoalParameters(session == null ? Map.of() : strings(session.getUserProperties()),
                project == null ? Map.of() : strings(project.getProperties()));
    }

    /**
     * Lets {@code -Dserverless.<name>} win over an explicitly configured POM value (Maven alone does the
     * opposite). A goal with parameters of its own overrides this, calls super, and resolves each of its
     * parameters with {@link GoalParameters#value}.
     */
    protected void applyCommandLine(GoalParameters parameters) {
        stage = parameters.value("serverless.stage", stage);
        region = parameters.value("serverless.region", region);
        String configPath = parameters.value("serverless.config", config == null ? null : config.getPath());
        config = configPath == null ? null : new File(configPath);
    }

    /**
     * A parent or aggregator module (packaging pom) that inherits the plugin but has no service: skip with the
     * reason rather than fail.
     */
    private Optional<String> nothingToPackage() {
        // Maven's stand-in project (no pom.xml at all) has packaging pom too; there a missing file is an error.
        boolean standalone = project == null || project.getBasedir() == null
                || "standalone-pom".equals(project.getArtifactId());
        if (standalone || !"pom".equals(project.getPackaging())
                || (serverless != null && serverless.getChildCount() > 0)) {
            return Optional.empty();
        }
        Path base = project.getBasedir().toPath();
        Path configFile = configFile(base);
        if (Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        return Optional.of("Skipping serverless:" + goal() + ": packaging is 'pom' and there is no "
                + configFile.getFileName() + " in " + configFile.getParent() + " (nor <serverless> in the plugin "
                + "configuration)");
    }

    protected abstract String goal();

    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The package pipeline, fed by serverless.yml or the POM form. */
    protected ServicePipeline pipeline() {
        return new ServicePipeline(coreLog(), pomModel(), console(), imageDigests());
    }

    /** How image tags are looked up: only goals with AWS settings can, see {@link AbstractAwsAccessMojo}. */
    protected ImageDigestLookup imageDigests() {
        return null;
    }

    /** A live footer on an interactive terminal, plain log lines in batch mode and on CI. */
    protected Console console() {
        boolean batchMode = session == null || !session.getRequest().isInteractiveMode();
        return Console.detect(coreLog(), System.out, terminalAttached(), batchMode, System.getenv());
    }

    /**
     * From JDK 22 on, System.console() is not null even when the output is redirected; isTerminal() (JDK 22+,
     * called reflectively as the plugin targets 17) tells the truth there.
     */
    private static boolean terminalAttached() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException olderJdk) {
            return true;
        }
    }

    private Node pomModel() {
        if (serverless == null || serverless.getChildCount() == 0) {
            return null;
        }
        return new XmlConfigLoader("pom.xml").load(toElement(serverless));
    }

    private static XmlElement toElement(PlexusConfiguration c) {
        Map<String, String> attributes = new HashMap<>();
        for (String name : c.getAttributeNames()) {
            attributes.put(name, c.getAttribute(name));
        }
        List<XmlElement> children = new ArrayList<>();
        for (PlexusConfiguration child : c.getChildren()) {
            children.add(toElement(child));
        }
        return new XmlElement(c.getName(), attributes, c.getValue(null), children);
    }

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
        Supplier<ProjectDependencies> dependencies = ProjectDependencies.once(
                () -> standalone ? new ProjectDependencies(List.of(), Map.of()) : dependencies(dependencyArtifacts()));
        return new ProjectLayout(base, buildDir, classes, dependencies, main, attached, properties,
                project.getProperties().getProperty("project.build.outputTimestamp"));
    }

    /**
     * The project's compile-, provided-, system- and runtime-scope dependencies, resolved only when the core
     * first asks for them (see {@link DependencyResolution}). A goal Maven resolves them for returns Maven's.
     */
    protected Collection<Artifact> dependencyArtifacts() {
        return DependencyResolution.resolve(project, session, dependenciesResolver);
    }

    private ProjectDependencies dependencies(Collection<Artifact> artifacts) {
        List<Path> runtimeJars = new ArrayList<>();
        for (Artifact a : artifacts) {
            String scope = a.getScope();
            if (a.getFile() != null && a.getFile().getName().endsWith(".jar")
                    && (Artifact.SCOPE_COMPILE.equals(scope) || Artifact.SCOPE_RUNTIME.equals(scope))) {
                runtimeJars.add(a.getFile().toPath());
            }
        }
        return new ProjectDependencies(runtimeJars, moduleArtifacts(artifacts));
    }

    /**
     * Every file package.module may name: the resolved dependencies first, then the other modules of the reactor
     * (their files as packaged in this build win). A reactor module not packaged yet is listed without a file so
     * that the error can say to declare it as a dependency.
     */
    private Map<String, ModuleArtifact> moduleArtifacts(Collection<Artifact> artifacts) {
        Map<String, ModuleArtifact> modules = new LinkedHashMap<>();
        for (Artifact a : artifacts) {
            if (a.getFile() != null) {
                String key = coordinates(a.getGroupId(), a.getArtifactId(), a.getClassifier());
                modules.put(key, new ModuleArtifact(key, a.getFile().toPath(), "the dependency " + a.getId()
                        + " (" + a.getScope() + " scope)"));
            }
        }
        List<MavenProject> reactor = session == null || session.getProjects() == null ? List.of()
                : session.getProjects();
        for (MavenProject module : reactor) {
            if (module == project || module.getArtifact() == null) {
                continue;
            }
            String key = coordinates(module.getGroupId(), module.getArtifactId(), null);
            File file = module.getArtifact().getFile();
            boolean packaged = file != null && file.isFile();
            if (packaged || !modules.containsKey(key)) {
                modules.put(key, new ModuleArtifact(key, packaged ? file.toPath() : null, "the file the reactor "
                        + "module " + module.getArtifactId() + " packaged in this build"));
            }
            for (Artifact a : module.getAttachedArtifacts()) {
                if (a.getClassifier() != null && a.getFile() != null && a.getFile().isFile()) {
                    String attachedKey = coordinates(module.getGroupId(), module.getArtifactId(), a.getClassifier());
                    modules.put(attachedKey, new ModuleArtifact(attachedKey, a.getFile().toPath(), "the file the "
                            + "reactor module " + module.getArtifactId() + " attached with classifier '"
                            + a.getClassifier() + "' in this build"));
                }
            }
        }
        return modules;
    }

    private static String coordinates(String groupId, String artifactId, String classifier) {
        return groupId + ":" + artifactId + (classifier == null || classifier.isEmpty() ? "" : ":" + classifier);
    }

    private static Map<String, String> strings(Properties properties) {
        Map<String, String> out = new HashMap<>();
        copy(properties, out);
        return out;
    }

    protected PackageRequest packageRequest() {
        Map<String, String> options = new HashMap<>();
        if (session != null) {
            for (Map.Entry<Object, Object> property : session.getUserProperties().entrySet()) {
                String key = String.valueOf(property.getKey());
                if (key.startsWith("serverless.opt.")) {
                    options.put(key.substring("serverless.opt.".length()), String.valueOf(property.getValue()));
                }
            }
        }
        ProjectLayout layout = projectLayout();
        return new PackageRequest(layout, configFile(layout), blankToNull(stage), blankToNull(region), options,
                System.getenv(), secretEnv == null ? Set.of() : Set.copyOf(secretEnv));
    }

    /** serverless.config, relative to the project directory; the stand-in project's default is repaired. */
    protected Path configFile(ProjectLayout layout) {
        return configFile(layout.baseDir());
    }

    private Path configFile(Path baseDir) {
        if (config == null || config.getPath().contains("${") || config.getPath().startsWith("null")) {
            return baseDir.resolve("serverless.yml");
        }
        Path path = config.toPath();
        return path.isAbsolute() ? path : baseDir.resolve(path);
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
