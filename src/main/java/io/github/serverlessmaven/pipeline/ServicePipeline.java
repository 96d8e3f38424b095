package io.github.serverlessmaven.pipeline;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.compile.StackSplitter;
import io.github.serverlessmaven.compile.TemplateCompiler;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.config.Problem;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.config.YamlLoader;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.ImageSpec;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.packaging.ArtifactPackager;
import io.github.serverlessmaven.packaging.HandlerVerifier;
import io.github.serverlessmaven.packaging.LayerArtifacts;
import io.github.serverlessmaven.project.Console;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.PlainConsole;
import io.github.serverlessmaven.project.ProjectLayout;
import io.github.serverlessmaven.template.Json;
import io.github.serverlessmaven.validate.ServiceParser;
import io.github.serverlessmaven.variables.DotEnv;
import io.github.serverlessmaven.variables.SecretEnvironment;
import io.github.serverlessmaven.variables.VariableContext;
import io.github.serverlessmaven.variables.VariableResolver;
import io.github.serverlessmaven.variables.VariableSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * serverless.yml to {@code target/serverless}: load, resolve variables, validate, choose or build artifacts,
 * compile, write. Knows nothing of Maven or AWS.
 */
public final class ServicePipeline {

    private final Log log;
    private final Node pomModel;
    private final Console console;
    private final ImageDigestLookup imageDigests;

    public ServicePipeline(Log log) {
        this(log, null);
    }

    /** @param pomModel the model written in the POM's {@code <serverless>} element, or null */
    public ServicePipeline(Log log, Node pomModel) {
        this(log, pomModel, new PlainConsole(log, System::nanoTime));
    }

    /** @param console shows progress of long operations (see {@link Console#detect}) */
    public ServicePipeline(Log log, Node pomModel, Console console) {
        this(log, pomModel, console, null);
    }

    /**
     * @param imageDigests looks up the tags of container images, asked only when a function's image has one; null
     *     when the run has no AWS access
     */
    public ServicePipeline(Log log, Node pomModel, Console console, ImageDigestLookup imageDigests) {
        this.log = log;
        this.pomModel = pomModel;
        this.console = console;
        this.imageDigests = imageDigests;
    }

    /** The same pipeline, looking up image tags with {@code lookup}. */
    public ServicePipeline withImageDigests(ImageDigestLookup lookup) {
        return new ServicePipeline(log, pomModel, console, lookup);
    }

    /** Loads, resolves and validates the configuration (no files written). */
    public Service load(PackageRequest request) {
        return load(request, Map.of());
    }

    public Service load(PackageRequest request, Map<String, VariableSource> extra) {
        Diagnostics diagnostics = new Diagnostics();
        Node raw = loadConfiguration(request);
        Map<String, String> options = new HashMap<>(request.options());
        if (request.stage() != null) {
            options.put("stage", request.stage());
        }
        if (request.region() != null) {
            options.put("region", request.region());
        }
        VariableContext variables = new VariableContext(options, environment(raw, request),
                request.project().properties(),
                request.project().baseDir(), extra, new SecretEnvironment(request.secretEnv()));
        VariableResolver resolver = new VariableResolver(variables);
        Node resolved = resolver.resolve(raw);
        for (String note : resolver.notes()) {
            log.debug(note);
        }
        Service service = new ServiceParser(diagnostics).parse(resolved, displayName(request), request.stage(),
                request.region());
        for (Problem warning : diagnostics.warnings()) {
            log.warn(warning.render());
        }
        return service.withSecretPaths(resolver.secretPaths());
    }

    public PackageResult packageService(PackageRequest request) {
        return packageService(request, load(request), Instant.now());
    }

    public PackageResult packageService(PackageRequest request, Service loaded, Instant now) {
        Service service = pinImageTags(loaded);
        ProjectLayout project = request.project();
        Path outputDir = project.outputDir();
        Map<String, Artifact> artifacts = new ArtifactPackager(console).prepare(service, project, log);
        new HandlerVerifier(log, project.buildDir()).verify(service, artifacts);
        String directory = service.provider().deploymentPrefix() + "/" + service.name() + "/" + service.stage() + "/"
                + deploymentFolderName(now);
        Map<String, Artifact> layerArtifacts = new LayerArtifacts().prepare(service, project);
        // Everything deploy uploads: function artifacts by function key, layer zips as "layer:<name>".
        Map<String, Artifact> deployable = new LinkedHashMap<>(artifacts);
        for (Map.Entry<String, Artifact> layer : layerArtifacts.entrySet()) {
            deployable.put("layer:" + layer.getKey(), layer.getValue());
        }
        Path create = outputDir.resolve("cloudformation-template-create-stack.json");
        Path update = outputDir.resolve("cloudformation-template-update-stack.json");
        String key = PackageRecord.key(service, outputDir, artifacts, layerArtifacts);
        PackageRecord kept = PackageRecord.matching(project.buildDir(), key);
        if (kept != null) {
            for (String warning : kept.warnings()) {
                log.warn(warning);
            }
            log.info("Packaged " + service.name() + " for stage " + service.stage() + " (" + service.region()
                    + "): configuration and artifacts unchanged since the last package, templates kept in "
                    + project.baseDir().relativize(outputDir));
            return new PackageResult(service, outputDir, create, update, deployable, kept.directory());
        }
        Diagnostics diagnostics = new Diagnostics();
        TemplateCompiler.Result templates = new TemplateCompiler().compile(service, artifacts, layerArtifacts, directory,
                diagnostics);
        List<String> warnings = new ArrayList<>();
        for (Problem warning : diagnostics.warnings()) {
            warnings.add(warning.render());
            log.warn(warning.render());
        }
        try {
            Files.createDirectories(outputDir);
            deleteStaleNestedTemplates(outputDir);
            List<Path> written = new ArrayList<>();
            PackageState.write(outputDir, service, deployable, directory);
            written.add(outputDir.resolve(PackageState.FILE));
            TemplateSecrets secrets = new TemplateSecrets(service);
            Files.writeString(create, secrets.mask(templates.createStack().toJson()), StandardCharsets.UTF_8);
            String updateTemplate = secrets.mask(templates.updateStack().toJson());
            Files.writeString(update, updateTemplate, StandardCharsets.UTF_8);
            written.add(create);
            written.add(update);
            warnAboutSecrets(secrets, updateTemplate, templates);
            for (var nested : templates.nested().entrySet()) {
                Path file = outputDir.resolve(StackSplitter
                        .nestedTemplateFileName(nested.getKey()));
                Files.writeString(file, secrets.mask(Json.pretty(nested.getValue())), StandardCharsets.UTF_8);
                written.add(file);
            }
            for (Map.Entry<String, Object> attachment : templates.updateStack().attachments().entrySet()) {
                Path file = outputDir.resolve(attachment.getKey());
                Files.writeString(file, Json.pretty(attachment.getValue()), StandardCharsets.UTF_8);
                written.add(file);
            }
            PackageRecord.save(project.buildDir(), key, directory, warnings, written);
            log.info("Packaged " + service.name() + " for stage " + service.stage() + " (" + service.region() + "): "
                    + templates.updateStack().resources().size() + " resources, " + service.functions().size()
                    + " function(s) -> " + project.baseDir().relativize(outputDir));
            return new PackageResult(service, outputDir, create, update, deployable, directory);
        } catch (IOException e) {
            throw new ConfigException(Position.of(outputDir.toString()), "", "cannot write the templates: "
                    + e.getMessage(), "check that the build directory is writable");
        }
    }

    /** Functions whose image names a tag get the digest it points at now, as v3 does while packaging. */
    private Service pinImageTags(Service service) {
        Map<String, FunctionDef> functions = null;
        Map<String, String> digestsByUri = new HashMap<>();
        for (FunctionDef function : service.functions().values()) {
            if (!function.isImage() || !function.image().isTagged()) {
                continue;
            }
            if (functions == null) {
                functions = new LinkedHashMap<>(service.functions());
            }
            ImageSpec image = function.image();
            if (imageDigests == null) {
                throw new ConfigException(imagePosition(function), function.path() + ".image", "the tag '"
                        + image.tag() + "' has to be looked up in ECR, and this run has no AWS access",
                        "run a goal that talks to AWS (package, deploy), or pin the digest: "
                                + image.repositoryUri() + "@sha256:<digest>");
            }
            String digest = digestsByUri.get(image.uri());
            if (digest == null) {
                digest = imageDigests.digest(new ImageDigestLookup.ImageTag(image.account(), service.region(),
                                image.repository(), image.tag(), service.provider().profile()))
                        .orElseThrow(() -> new ConfigException(imagePosition(function), function.path() + ".image",
                                "there is no image tagged '" + image.tag() + "' in ECR repository '"
                                        + image.repository() + "' of account " + image.account() + " in "
                                        + service.region(), "push the image with that tag first (for example with "
                                        + "Jib), or check the repository and the tag"));
                digestsByUri.put(image.uri(), digest);
            }
            log.info("Image of function " + function.key() + ": " + image.repository() + ":" + image.tag() + " is "
                    + "sha256:" + digest);
            functions.put(function.key(), function.withImage(image.pinnedTo(digest)));
        }
        return functions == null ? service : service.withFunctions(functions);
    }

    private static Position imagePosition(FunctionDef function) {
        Node image = function.raw() == null ? null : function.raw().get("image");
        return image != null ? image.position() : function.position();
    }

    private void warnAboutSecrets(TemplateSecrets secrets, String maskedUpdateTemplate,
            TemplateCompiler.Result templates) {
        if (secrets.isEmpty()) {
            return;
        }
        for (String path : secrets.placedIn(maskedUpdateTemplate)) {
            log.warn(path + " holds a secret value (from a secret variable source such as an SSM SecureString): "
                    + "the CloudFormation template uploaded to the deployment bucket and the function's "
                    + "configuration will contain it (target/serverless shows a placeholder); perhaps you should "
                    + "pass the parameter's name and read it at run time, or use a {{resolve:secretsmanager:...}} "
                    + "dynamic reference");
        }
        StringBuilder written = new StringBuilder(maskedUpdateTemplate);
        for (Object nested : templates.nested().values()) {
            written.append(Json.pretty(nested));
        }
        for (Object attachment : templates.updateStack().attachments().values()) {
            written.append(Json.pretty(attachment));
        }
        for (String path : secrets.visibleIn(written.toString())) {
            log.warn(path + " holds a secret value that is part of a longer text in the templates, so the files "
                    + "in target/serverless contain it; perhaps you should use the secret as a whole value, or "
                    + "read it at run time");
        }
    }

    /** A service that shrank below the limits must not leave nested templates for deploy to pick up. */
    private static void deleteStaleNestedTemplates(Path outputDir) throws IOException {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(outputDir)) {
            for (Path file : files) {
                if (file.getFileName().toString().startsWith(StackSplitter.NESTED_TEMPLATE_PREFIX)) {
                    stale.add(file);
                }
            }
        }
        for (Path file : stale) {
            Files.delete(file);
        }
    }

    /** serverless.yml when it exists (it wins over the POM form, said once), else the POM form. */
    /**
     * The process environment, plus {@code .env.<stage>} or {@code .env} with {@code useDotenv: true}. As in v3,
     * the stage is the command line's, or provider.stage when written without variables, or dev.
     */
    private Map<String, String> environment(Node raw, PackageRequest request) {
        if (!(raw instanceof MapNode root
                && root.get("useDotenv") instanceof ScalarNode flag
                && (Boolean.TRUE.equals(flag.value()) || "true".equals(flag.value())))) {
            return request.env();
        }
        String stage = request.stage();
        if (stage == null && root.get("provider") instanceof MapNode provider
                && provider.get("stage") instanceof ScalarNode s
                && s.value() instanceof String text && !text.contains("${")) {
            stage = text;
        }
        Path serviceDir = request.configFile().toAbsolutePath().getParent();
        Path file = DotEnv.fileFor(serviceDir, stage != null ? stage : "dev");
        if (file == null) {
            log.debug("useDotenv: no .env file in " + serviceDir);
            return request.env();
        }
        Path base = request.project().baseDir();
        String display = file.startsWith(base) ? base.relativize(file).toString() : file.toString();
        log.info("Loading environment variables from " + display);
        return DotEnv.apply(file, display, request.env());
    }

    private Node loadConfiguration(PackageRequest request) {
        boolean fileExists = Files.isRegularFile(request.configFile());
        if (pomModel != null && !fileExists) {
            return pomModel;
        }
        if (pomModel != null) {
            log.warn("Both " + displayName(request) + " and <serverless> in the POM define the service; using "
                    + displayName(request) + " (remove one of them to silence this warning)");
        }
        return YamlLoader.load(request.configFile(), displayName(request));
    }

    private static String displayName(PackageRequest request) {
        Path base = request.project().baseDir();
        Path file = request.configFile();
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }

    /** v3's name for a deployment folder made at {@code now}: epoch milliseconds, a dash, the UTC time. */
    public static String deploymentFolderName(Instant now) {
        return now.toEpochMilli() + "-" + isoMillis(now);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, the second half of v3's deployment folder name. Written by hand:
     * a DateTimeFormatter loads some sixty classes, a visible share of a cold package run.
     */
    static String isoMillis(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(24);
        pad(text, t.getYear(), 4).append('-');
        pad(text, t.getMonthValue(), 2).append('-');
        pad(text, t.getDayOfMonth(), 2).append('T');
        pad(text, t.getHour(), 2).append(':');
        pad(text, t.getMinute(), 2).append(':');
        pad(text, t.getSecond(), 2).append('.');
        return pad(text, instant.getNano() / 1_000_000, 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        return text.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
    }
}
