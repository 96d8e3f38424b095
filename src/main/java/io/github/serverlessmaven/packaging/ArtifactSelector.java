package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.PackageSpec;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.project.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides, without guessing, which file each function deploys. In order: {@code package.artifact} or
 * {@code package.module} (function level, then service level unless the function is packaged individually);
 * the build's attached artifact with the configured classifier; a framework's own deployable (Quarkus
 * {@code target/function.zip}); otherwise a zip the plugin builds.
 */
public final class ArtifactSelector {

    /** Where the classifier is read from in serverless.yml. */
    public static final String CLASSIFIER_SETTING = "custom.serverlessMaven.classifier";
    /** The Maven property (POM {@code <properties>} or {@code -D}) used when serverless.yml sets no classifier. */
    public static final String CLASSIFIER_PROPERTY = "serverless.classifier";
    /** Quarkus's amazon-lambda extension writes its deployable here. */
    public static final String QUARKUS_FUNCTION_ZIP = "function.zip";

    private static final String FIX_MISSING = "run `mvn package` first, or set package.artifact to the file your "
            + "build produces";

    private final Service service;
    private final ProjectLayout project;
    private final Map<String, ArtifactChoice> chosen = new HashMap<>();

    public ArtifactSelector(Service service, ProjectLayout project) {
        this.service = service;
        this.project = project;
    }

    public ArtifactChoice choose(FunctionDef function) {
        PackageSpec own = function.packageSpec();
        PackageSpec shared = service.packageSpec();
        String functionPackage = "functions." + function.key() + ".package";
        if (own.artifact() != null || own.module() != null) {
            return explicitOrModule(own, functionPackage);
        }
        boolean individually = own.individually() || shared.individually();
        if ((shared.artifact() != null || shared.module() != null) && !own.individually()) {
            return explicitOrModule(shared, "package");
        }
        ArtifactChoice classified = byClassifier();
        if (classified != null) {
            return classified;
        }
        Path quarkus = project.buildDir().resolve(QUARKUS_FUNCTION_ZIP);
        if (Files.isRegularFile(quarkus)) {
            return new ArtifactChoice(ArtifactChoice.Kind.FRAMEWORK, quarkus,
                    "Quarkus's deployable " + display(quarkus) + " exists and no package.artifact is set", List.of());
        }
        String zipName = (individually ? function.key() : service.name()) + ".zip";
        return new ArtifactChoice(ArtifactChoice.Kind.BUILT_ZIP, project.outputDir().resolve(zipName),
                "built from " + display(project.classesDir()) + " and " + project.runtimeJars().size()
                        + " runtime dependency jar(s), as no package.artifact is set",
                individually ? own.patterns() : List.of());
    }

    private ArtifactChoice explicitOrModule(PackageSpec spec, String packagePath) {
        // The service-level setting is the same for every function: look at the file once.
        String key = packagePath + "\n" + spec.artifact() + "\n" + spec.module();
        ArtifactChoice known = chosen.get(key);
        if (known == null) {
            known = explicitOrModuleUncached(spec, packagePath);
            chosen.put(key, known);
        }
        return known;
    }

    private ArtifactChoice explicitOrModuleUncached(PackageSpec spec, String packagePath) {
        if (spec.module() == null) {
            return explicit(spec, packagePath + ".artifact");
        }
        if (spec.artifact() != null) {
            throw new ConfigException(spec.modulePosition(), packagePath + ".module", "both package.artifact and "
                    + "package.module are set, so the file to deploy is ambiguous", "keep only one of them: "
                    + "package.module for a module of the Maven build, package.artifact for any other file");
        }
        String groupId = project.properties().get("project.groupId");
        String artifactId = project.properties().get("project.artifactId");
        String ownModule = groupId == null || artifactId == null ? null : groupId + ":" + artifactId;
        ModuleLookup.Found found = new ModuleLookup(project.modules(), ownModule).find(spec.module(),
                spec.modulePosition(), packagePath + ".module");
        return new ArtifactChoice(ArtifactChoice.Kind.MODULE, found.file(), found.reason(), List.of());
    }

    private ArtifactChoice explicit(PackageSpec spec, String setting) {
        String artifact = spec.artifact();
        if (artifact.startsWith("s3://") || artifact.startsWith("https://") || artifact.startsWith("http://")) {
            throw new ConfigException(spec.position(), setting, "artifacts already in S3 ('" + artifact
                    + "') are not supported", "point " + setting + " at a local file, such as target/app.jar");
        }
        Path file = project.baseDir().resolve(artifact).normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.startsWith("original-") && name.endsWith(".jar")) {
            Path shaded = file.resolveSibling(name.substring("original-".length()));
            throw new ConfigException(spec.position(), setting, "'" + artifact + "' is the jar the "
                    + "maven-shade-plugin leaves behind without the dependencies, so it cannot run on Lambda",
                    "use the shaded jar: set " + setting + " to '" + display(shaded) + "'");
        }
        if (!Files.isRegularFile(file)) {
            String what = Files.isDirectory(file) ? "is a folder, not a file" : "does not exist";
            throw new ConfigException(spec.position(), setting, "the artifact file '" + artifact + "' " + what
                    + " (looked at " + file + ")", FIX_MISSING);
        }
        return new ArtifactChoice(ArtifactChoice.Kind.EXPLICIT, file, setting + " is set"
                + (spec.position().line() > 0 ? " at " + spec.position() : ""), List.of());
    }

    private ArtifactChoice byClassifier() {
        Node setting = classifierNode();
        String classifier;
        String source;
        Position position;
        if (setting != null) {
            if (!(setting instanceof ScalarNode s) || s.value() == null || String.valueOf(s.value()).isBlank()) {
                throw new ConfigException(setting.position(), CLASSIFIER_SETTING,
                        "expected a classifier name such as 'aws' but found " + setting.kind(),
                        "write the classifier your build attaches, e.g. 'classifier: aws'");
            }
            classifier = String.valueOf(s.value()).trim();
            source = CLASSIFIER_SETTING + " at " + setting.position();
            position = setting.position();
        } else {
            String property = project.properties().get(CLASSIFIER_PROPERTY);
            if (property == null || property.isBlank()) {
                return null;
            }
            classifier = property.trim();
            source = "the Maven property " + CLASSIFIER_PROPERTY;
            position = Position.of("pom.xml");
        }
        Path attached = project.attachedArtifacts().get(classifier);
        if (attached != null && Files.isRegularFile(attached)) {
            return new ArtifactChoice(ArtifactChoice.Kind.CLASSIFIER, attached, "the build attached it with "
                    + "classifier '" + classifier + "' (" + source + ")", List.of());
        }
        // serverless:package run on its own (not in the same build as the plugin that attaches the file).
        String finalName = project.properties().get("project.build.finalName");
        if (finalName != null) {
            for (String extension : List.of(".jar", ".zip")) {
                Path candidate = project.buildDir().resolve(finalName + "-" + classifier + extension);
                if (Files.isRegularFile(candidate)) {
                    return new ArtifactChoice(ArtifactChoice.Kind.CLASSIFIER, candidate, "it is the file for "
                            + "classifier '" + classifier + "' (" + source + ")", List.of());
                }
            }
        }
        String looked = finalName == null ? "" : " and " + display(project.buildDir().resolve(finalName + "-"
                + classifier + ".jar")) + " does not exist";
        throw new ConfigException(position, setting != null ? CLASSIFIER_SETTING : CLASSIFIER_PROPERTY,
                "no artifact with classifier '" + classifier + "' was attached to the build (attached: "
                        + new TreeSet<>(project.attachedArtifacts().keySet()) + ")" + looked,
                "run `mvn package` first so the plugin that attaches it runs before serverless:package, or set "
                        + "package.artifact to the file your build produces");
    }

    private Node classifierNode() {
        MapNode root = service.root();
        if (root == null || !(root.get("custom") instanceof MapNode custom)
                || !(custom.get("serverlessMaven") instanceof MapNode ours)) {
            return null;
        }
        Node node = ours.get("classifier");
        return node instanceof ScalarNode s && s.isNull() ? null : node;
    }

    String display(Path file) {
        Path base = project.baseDir();
        if (file.startsWith(base)) {
            return base.relativize(file).toString();
        }
        // A sibling module's file reads best as ../orders-function/target/orders-function-1.0.jar.
        Path parent = base.getParent();
        return parent != null && file.startsWith(parent) ? base.relativize(file).toString() : file.toString();
    }
}
