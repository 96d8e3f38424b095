package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.compile.StackSplitter;
import io.github.serverlessmaven.deploy.DeployedState.StoredArtifact;
import io.github.serverlessmaven.model.DeploymentBucketSpec;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.packaging.Digests;
import io.github.serverlessmaven.project.Console;
import io.github.serverlessmaven.project.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * v3's deploy, content-addressed: make sure the stack and its bucket exist, upload only artifacts whose digest
 * changed since the last successful deploy, skip everything when nothing changed, update the stack through a
 * change set (or directly), prune old deployment folders and report what is deployed.
 */
public final class Deployer {

    public static final String TEMPLATE_FILE = "compiled-cloudformation-template.json";
    public static final String REPORT_FILE = "deploy-report.json";
    /** Parallel artifact uploads, as v3's SLS_MAX_CONCURRENT_ARTIFACTS_UPLOADS default. */
    static final int UPLOAD_THREADS = 3;
    /** A multipart upload this old belongs to a build that was stopped, not to one still running. */
    static final java.time.Duration STALE_UPLOAD = java.time.Duration.ofDays(1);

    private final AwsClients aws;
    private final Log log;
    private final DeployOptions options;
    private String step = "start the deploy";

    private Console console = Console.SILENT;

    /** Where uploads and stack events show as a live footer on a terminal (plain log lines otherwise). */
    public Deployer console(Console console) {
        this.console = console;
        return this;
    }

    public Deployer(AwsClients aws, Log log, DeployOptions options) {
        this.aws = aws;
        this.log = log;
        this.options = options;
    }

    public DeployReport deploy(DeployInput input) {
        long started = System.nanoTime();
        Service service = input.service();
        try {
            DeployReport report = run(input, started);
            writeReport(input, report);
            return report;
        } catch (StackFailedException e) {
            log.warn("Stack " + service.stackName() + " failed to deploy (" + seconds(started) + "); the previous "
                    + "deployment's artifacts are kept");
            throw e;
        } catch (SdkException e) {
            throw AwsErrors.translate(e, step, aws.settings());
        } finally {
            console.clearStatus();
        }
    }

    /**
     * Updates the existing stack to the template already stored at {@code templateKey} in {@code bucketName}, with
     * the service's stack settings, as deploy's own update does (change set, or UpdateStack for the direct method).
     * Rollback uses it to go back to an earlier deployment folder; {@code beforeChange} runs just before the stack
     * starts changing.
     */
    public Stack updateStack(Service service, String bucketName, String templateKey, String template,
            Runnable beforeChange) {
        String stackName = service.stackName();
        Stacks stacks = new Stacks(aws.cloudFormation(), log, options.timeout(), options.pollInterval());
        try {
            step = "read stack " + stackName;
            Stack current = stacks.awaitIdle(stackName).orElseThrow(() -> new DeployException("Stack " + stackName
                    + " does not exist in " + service.region() + "; perhaps you should run 'mvn serverless:deploy' "
                    + "first."));
            checkDeployable(current, stackName);
            StackRequest full = StackSettings.of(service)
                    .withTemplateUrl(DeploymentBucket.objectUrl(bucketName, service.region(), templateKey));
            return update(stacks, full, "direct".equals(service.provider().deploymentMethod()), current, template,
                    beforeChange);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, step, aws.settings());
        }
    }

    private DeployReport run(DeployInput input, long started) {
        Service service = input.service();
        String stackName = service.stackName();
        StackRequest base = StackSettings.of(service);
        boolean direct = "direct".equals(service.provider().deploymentMethod());
        Stacks stacks = new Stacks(aws.cloudFormation(), console.statusLog(log), options.timeout(),
                options.pollInterval());
        log.info("Deploying " + service.name() + " to stage " + service.stage() + " (" + service.region() + ")");

        step = "read stack " + stackName;
        Optional<Stack> stack = stacks.awaitIdle(stackName);
        stack.ifPresent(s -> checkDeployable(s, stackName));

        DeploymentBucketSpec bucketSpec = service.provider().deploymentBucket();
        String bucketName;
        if (bucketSpec.name() != null) {
            bucketName = bucketSpec.name();
            step = "find the deployment bucket " + bucketName;
            try {
                aws.s3().headBucket(r -> r.bucket(bucketName));
            } catch (NoSuchBucketException e) {
                throw new DeployException("The deployment bucket " + bucketName + " (provider.deploymentBucket.name) "
                        + "does not exist; perhaps you should create it in " + service.region()
                        + " or drop the setting to let the stack create one.");
            }
        } else {
            if (stack.isEmpty()) {
                step = "create stack " + stackName;
                log.info("Creating stack " + stackName + " with its deployment bucket");
                StackRequest core = base.withTemplateBody(input.createStackTemplate());
                if (direct) {
                    stacks.createDirect(core);
                } else {
                    Stacks.ChangeSet cs = stacks.createChangeSet(core, ChangeSetType.CREATE);
                    stacks.execute(cs, core, "CREATE");
                }
                stack = stacks.describe(stackName);
            }
            step = "read the deployment bucket of stack " + stackName;
            // The stack's output names the bucket without another request; emulators may lack outputs.
            Optional<String> fromOutputs = stack.flatMap(s -> s.outputs().stream()
                    .filter(o -> Naming.deploymentBucketOutputKey().equals(o.outputKey()))
                    .map(software.amazon.awssdk.services.cloudformation.model.Output::outputValue)
                    .filter(v -> v != null && !v.isBlank()).findFirst());
            bucketName = fromOutputs.isPresent() ? fromOutputs.get()
                    : stacks.physicalId(stackName, Naming.deploymentBucketLogicalId())
                    .orElseThrow(() -> new DeployException("Stack " + stackName + " has no "
                            + Naming.deploymentBucketLogicalId() + " resource; perhaps you should set "
                            + "provider.deploymentBucket.name, or remove the stack and deploy again."));
        }
        DeploymentBucket bucket = new DeploymentBucket(aws.s3(), bucketName, bucketSpec.serverSideEncryption(),
                bucketSpec.sseKmsKeyId());

        String servicePrefix = service.provider().deploymentPrefix() + "/" + service.name() + "/" + service.stage();
        Map<String, String> nestedTemplates = nestedTemplates(input.outputDir(), service);
        // Notifications on existing buckets live outside the template; a change to them must not look like "no change".
        Path notifications = input.outputDir().resolve(ExistingS3Notifications.FILE);
        String outsideTemplate = Files.isRegularFile(notifications) ? DeployInputs.read(notifications) : "";
        Optional<String> latestText = Optional.empty();
        boolean interrupted = false;
        if (stack.isPresent() && !options.force()) {
            step = "read the last deployment from s3://" + bucketName;
            latestText = bucket.readLatest(servicePrefix);
            Optional<LatestDeployment> latest = latestText.map(LatestDeployment::parse);
            interrupted = latest.map(l -> l.pending() != null).orElse(false);
            if (interrupted) {
                // The stack may run that build's version, which no recorded deployment describes: never skip.
                log.info("The deploy of " + latest.get().pending() + " was stopped before it finished (the build was "
                        + "killed or lost its connection); deploying again so that the stack runs this version");
            } else if (latest.isPresent() && unchangedSince(input, nestedTemplates, outsideTemplate,
                    latest.get().state(), servicePrefix)) {
                log.info("No changes to deploy (template and artifacts match the last deployment; "
                        + "-Dserverless.force=true deploys anyway)");
                if (latest.get().report() != null) {
                    DeployReport report = latest.get().report().withStackStatus(stack.get().stackStatusAsString())
                            .withResult("unchanged", (System.nanoTime() - started) / 1_000_000);
                    report.lines(true).forEach(log::info);
                    return report;
                }
                return summary(service, stack.get(), "unchanged", started);
            }
        }

        step = "list earlier deployments in s3://" + bucketName;
        List<DeploymentDirectory> directories = bucket.directories(servicePrefix);
        Optional<DeploymentDirectory> lastSuccessful = bucket.lastSuccessful(directories);
        Optional<DeployedState> previous = lastSuccessful.flatMap(bucket::readState);
        Set<String> existingKeys = new HashSet<>();
        directories.forEach(d -> existingKeys.addAll(d.keys()));

        String newDir = input.artifactDirectoryName();
        String template = input.updateStackTemplate();
        Map<String, StoredArtifact> deployed = new LinkedHashMap<>();
        List<LocalArtifact> uploads = new ArrayList<>();
        for (LocalArtifact artifact : input.artifacts()) {
            StoredArtifact stored = previous.map(p -> p.artifacts().get(artifact.name())).orElse(null);
            if (stored != null && stored.sha256().equals(artifact.sha256()) && existingKeys.contains(stored.key())) {
                // Same bytes already in the bucket: point the template at them instead of uploading again.
                template = pointAtStored(template, newDir, artifact, stored);
                nestedTemplates.replaceAll((file, text) -> pointAtStored(text, newDir, artifact, stored));
                deployed.put(artifact.name(), stored);
            } else {
                uploads.add(artifact);
                deployed.put(artifact.name(), new StoredArtifact(newDir + "/" + artifact.name(), artifact.sha256()));
            }
        }
        String templateSha = templateDigest(template + String.join("", nestedTemplates.values()) + outsideTemplate,
                servicePrefix);
        boolean unchanged = stack.isPresent() && uploads.isEmpty() && previous.isPresent()
                && templateSha.equals(previous.get().templateSha256());
        if (unchanged && !options.force() && !interrupted) {
            log.info("No changes to deploy (template and artifacts match the last deployment; "
                    + "-Dserverless.force=true deploys anyway)");
            return summary(service, stacks.describe(stackName).orElseThrow(), "unchanged", started);
        }

        if (uploads.stream().anyMatch(u -> bucket.uploadsInParts(u.file()))) {
            step = "abort stale multipart uploads in s3://" + bucketName + "/" + servicePrefix;
            int aborted = bucket.abortStaleUploads(servicePrefix, java.time.Instant.now().minus(STALE_UPLOAD));
            if (aborted > 0) {
                log.info("Aborted " + aborted + " multipart upload(s) left by earlier builds that were stopped");
            }
        }
        step = "upload the artifacts to s3://" + bucketName + "/" + newDir;
        uploadAll(bucket, newDir, uploads);
        for (Map.Entry<String, String> nested : nestedTemplates.entrySet()) {
            // The root template's nested stacks name these keys (StackSplitter): beside the main template.
            step = "upload the nested template " + nested.getKey();
            bucket.upload(newDir + "/" + nested.getKey(), nested.getValue(), templateDigest(nested.getValue(),
                    servicePrefix), "application/json");
        }
        String templateKey = newDir + "/" + TEMPLATE_FILE;
        step = "upload the template to s3://" + bucketName + "/" + templateKey;
        bucket.upload(templateKey, template, templateSha, "application/json");
        StackRequest full = base.withTemplateUrl(DeploymentBucket.objectUrl(bucketName, service.region(), templateKey));

        // From the moment the stack starts changing until the deployment is recorded below, the pointer says a
        // deployment is under way: a build killed in between may leave the stack running a version that no record
        // describes, and the next deploy must then not skip as unchanged.
        String pointerKey = servicePrefix + "/" + DeploymentBucket.LATEST_FILE;
        Runnable markUnderWay = () -> {
            step = "mark the deployment as under way in s3://" + bucketName;
            bucket.upload(pointerKey, LatestDeployment.pendingJson(newDir), templateSha, "application/json");
        };
        Stack result;
        try {
            result = stack.isEmpty() ? create(stacks, full, direct, markUnderWay)
                    : update(stacks, full, direct, stack.get(), template, markUnderWay);
        } catch (StackFailedException e) {
            // CloudFormation rolled the stack back to the recorded deployment: the old pointer is true again.
            if (e.stackAsBefore() && latestText.isPresent()) {
                restorePointer(bucket, pointerKey, latestText.get(), templateSha);
            }
            throw e;
        }
        if (full.stackPolicyBody() != null) {
            step = "set the stack policy of " + stackName;
            aws.cloudFormation().setStackPolicy(r -> r.stackName(stackName).stackPolicyBody(full.stackPolicyBody()));
        }
        step = "set the notifications of existing S3 buckets";
        new ExistingS3Notifications(aws.s3(), log).apply(input.outputDir(), stackName, stacks.physicalIds(result),
                Stacks.functionArnPrefix(result, service.region()));

        step = "record the deployment in s3://" + bucketName;
        String stateJson = new DeployedState(templateSha, deployed).toJson(service.name(), service.stage());
        bucket.upload(newDir + "/" + DeployedState.FILE, stateJson, templateSha, "application/json");
        prune(bucket, servicePrefix, directories, lastSuccessful, newDir, deployed,
                bucketSpec.maxPreviousDeploymentArtifacts(), stackName);
        log.info("Service deployed to stack " + stackName + " (" + seconds(started) + ")");
        DeployReport report = summary(service, result, "deployed", started);
        step = "record the deployment in s3://" + bucketName;
        bucket.upload(servicePrefix + "/" + DeploymentBucket.LATEST_FILE, LatestDeployment.json(stateJson, report),
                templateSha, "application/json");
        return report;
    }

    /** True when the template (with the recorded artifact keys put in) and every artifact digest are unchanged. */
    private static boolean unchangedSince(DeployInput input, Map<String, String> nestedTemplates,
            String outsideTemplate, DeployedState previous, String servicePrefix) {
        if (previous == null) {
            return false;
        }
        String newDir = input.artifactDirectoryName();
        String template = input.updateStackTemplate();
        Map<String, String> nested = new TreeMap<>(nestedTemplates);
        for (LocalArtifact artifact : input.artifacts()) {
            StoredArtifact stored = previous.artifacts().get(artifact.name());
            if (stored == null || !stored.sha256().equals(artifact.sha256())) {
                return false;
            }
            template = pointAtStored(template, newDir, artifact, stored);
            nested.replaceAll((file, text) -> pointAtStored(text, newDir, artifact, stored));
        }
        return templateDigest(template + String.join("", nested.values()) + outsideTemplate, servicePrefix)
                .equals(previous.templateSha256());
    }

    /** Puts the pointer back as it was; a failure here must not hide the deploy's own failure. */
    private void restorePointer(DeploymentBucket bucket, String pointerKey, String text, String sha256) {
        try {
            bucket.upload(pointerKey, text, sha256, "application/json");
        } catch (SdkException e) {
            log.warn("Could not restore " + pointerKey + " (" + e.getMessage() + "); the next deploy will not skip "
                    + "even if nothing changed");
        }
    }

    /** A template that names the artifact's key in this deployment's folder, made to name the stored key instead. */
    private static String pointAtStored(String template, String newDir, LocalArtifact artifact, StoredArtifact stored) {
        return template.replace("\"" + newDir + "/" + artifact.name() + "\"", "\"" + stored.key() + "\"");
    }

    /** The pointer content while a stack update to {@code directory}'s deployment is under way (a rollback). */
    public static String underWayJson(String directory) {
        return LatestDeployment.pendingJson(directory);
    }

    /** The pointer content for a deployment recorded without a summary (a rollback). */
    public static String latestJson(String stateJson) {
        return LatestDeployment.json(stateJson, null);
    }

    /**
     * The pointer object: the last recorded deployment and its summary, or, while a deployment is under way (or
     * after a build was killed during one), only the folder of that deployment ({@code pending}).
     */
    record LatestDeployment(DeployedState state, DeployReport report, String pending) {

        static String json(String stateJson, DeployReport report) {
            return "{\"state\": " + stateJson + ", \"report\": " + (report == null ? "null" : report.toJson()) + "}";
        }

        static String pendingJson(String directory) {
            return "{\"state\": null, \"report\": null, \"pending\": \"" + directory + "\"}";
        }

        static LatestDeployment parse(String text) {
            var root = software.amazon.awssdk.protocols.jsoncore.JsonNode.parser().parse(text).asObject();
            var state = root.get("state");
            var pending = root.get("pending");
            return new LatestDeployment(state == null || state.isNull() ? null : DeployedState.parse(state),
                    DeployReport.parse(root.get("report")),
                    pending == null || pending.isNull() ? null : pending.asString());
        }
    }

    /** Nested-stack templates the package step wrote (services past one stack's limits), by file name. */
    private static Map<String, String> nestedTemplates(Path outputDir, Service service) {
        Map<String, String> out = new TreeMap<>();
        if (outputDir == null || !Files.isDirectory(outputDir)) {
            return out;
        }
        try (var files = Files.list(outputDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString()
                    .startsWith(StackSplitter.NESTED_TEMPLATE_PREFIX)).toList()) {
                out.put(file.getFileName().toString(), DeployInputs.template(file, service));
            }
        } catch (IOException e) {
            throw new DeployException("Cannot read the nested templates in " + outputDir + ": " + e.getMessage());
        }
        return out;
    }

    /** Uploads a few artifacts at a time (the sync client is thread-safe); the first failure is rethrown as is. */
    private void uploadAll(DeploymentBucket bucket, String newDir, List<LocalArtifact> uploads) {
        if (uploads.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(UPLOAD_THREADS, uploads.size()));
        long totalBytes = 0;
        for (LocalArtifact artifact : uploads) {
            totalBytes += artifact.file().toFile().length();
        }
        try (Console.Progress progress = console.progress("Uploading "
                + uploads.size() + " artifact(s)", totalBytes)) {
            List<Future<?>> running = new ArrayList<>();
            for (LocalArtifact artifact : uploads) {
                String key = newDir + "/" + artifact.name();
                log.info("Uploading " + artifact.name() + " (" + size(artifact) + ") to s3://" + bucket.name() + "/"
                        + key);
                running.add(pool.submit(() -> bucket.upload(key, artifact.file(), artifact.sha256(),
                        artifact.name().endsWith(".zip") ? "application/zip" : "application/java-archive")));
            }
            for (int i = 0; i < running.size(); i++) {
                Await.result(running.get(i), "Upload failed", "Interrupted while uploading the artifacts.");
                progress.advance(uploads.get(i).file().toFile().length());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** @param beforeChange runs just before the stack starts changing */
    private Stack create(Stacks stacks, StackRequest request, boolean direct, Runnable beforeChange) {
        step = "create stack " + request.stackName();
        if (direct) {
            beforeChange.run();
            return stacks.createDirect(request);
        }
        Stacks.ChangeSet cs = stacks.createChangeSet(request, ChangeSetType.CREATE);
        printChanges(cs.changes());
        beforeChange.run();
        step = "execute the change set of stack " + request.stackName();
        return stacks.execute(cs, request, "CREATE");
    }

    /** @param beforeChange runs just before the stack starts changing (not at all when nothing changes) */
    private Stack update(Stacks stacks, StackRequest request, boolean direct, Stack current, String template,
            Runnable beforeChange) {
        step = "update stack " + request.stackName();
        log.info("Updating stack " + request.stackName());
        if (direct) {
            try {
                beforeChange.run();
                step = "update stack " + request.stackName();
                Optional<Stack> updated = stacks.updateDirect(request, current.stackId());
                if (updated.isEmpty()) {
                    log.info("CloudFormation found nothing to change in stack " + request.stackName());
                }
                return updated.orElse(current);
            } catch (AwsServiceException e) {
                throw Rejections.describe(request.stackName(), "update", e, List.of(), template);
            }
        }
        Stacks.ChangeSet cs = stacks.createChangeSet(request, ChangeSetType.UPDATE);
        if (cs.empty()) {
            stacks.deleteChangeSet(cs.arn());
            log.info("CloudFormation found nothing to change in stack " + request.stackName());
            return current;
        }
        printChanges(cs.changes());
        beforeChange.run();
        step = "execute the change set of stack " + request.stackName();
        try {
            return stacks.execute(cs, request, "UPDATE");
        } catch (AwsServiceException e) {
            // Real CloudFormation reports failures through stack events; emulators may answer with an API error.
            try {
                stacks.deleteChangeSet(cs.arn());
            } catch (SdkException ignored) {
                // the change set may be gone already
            }
            throw Rejections.describe(request.stackName(), "update", e, cs.changes(), template);
        }
    }

    private void printChanges(List<PlannedChange> changes) {
        log.info("Changes (" + changes.size() + "):");
        changes.forEach(c -> log.info("  " + c.describe()));
    }

    /**
     * Deletes deployment folders beyond the newest {@code keep}, never the new one, the last successful one, one
     * holding an artifact the deployed template still points at, or one the stack's live template references.
     */
    private void prune(DeploymentBucket bucket, String servicePrefix, List<DeploymentDirectory> before,
            Optional<DeploymentDirectory> lastSuccessful, String newDir, Map<String, StoredArtifact> deployed,
            int keep, String stackName) {
        step = "read the template of stack " + stackName;
        // Another build may have updated the stack since ours: the code its template points at must stay.
        String liveTemplate = aws.cloudFormation().getTemplate(r -> r.stackName(stackName)).templateBody();
        step = "remove old deployments from s3://" + bucket.name();
        List<DeploymentDirectory> all = new ArrayList<>(before);
        all.removeIf(d -> d.path().equals(newDir));
        int surplus = all.size() + 1 - Math.max(1, keep);
        Set<String> protectedDirs = new HashSet<>();
        protectedDirs.add(newDir);
        lastSuccessful.ifPresent(d -> protectedDirs.add(d.path()));
        deployed.values().forEach(a -> protectedDirs.add(a.key().substring(0, a.key().lastIndexOf('/'))));
        List<String> keys = new ArrayList<>();
        int removed = 0;
        for (DeploymentDirectory dir : all) {
            if (removed >= surplus) {
                break;
            }
            if (!protectedDirs.contains(dir.path()) && !liveTemplate.contains(dir.path() + "/")) {
                keys.addAll(dir.keys());
                removed++;
            }
        }
        if (!keys.isEmpty()) {
            bucket.delete(keys);
            log.info("Removed " + removed + " old deployment(s) from s3://" + bucket.name() + "/" + servicePrefix);
        }
    }

    private DeployReport summary(Service service, Stack stack, String result, long started) {
        step = "read the deployed stack " + stack.stackName();
        DeployReport report = new InfoReporter(aws.cloudFormation()).report(service, stack)
                .withResult(result, (System.nanoTime() - started) / 1_000_000);
        report.lines(true).forEach(log::info);
        return report;
    }

    private void writeReport(DeployInput input, DeployReport report) {
        try {
            Files.createDirectories(input.outputDir());
            Files.writeString(input.outputDir().resolve(REPORT_FILE), report.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not write " + input.outputDir().resolve(REPORT_FILE) + ": " + e.getMessage());
        }
    }

    /** The template's digest with deployment folder names blanked, so only real changes count. */
    static String templateDigest(String template, String servicePrefix) {
        String normalized = template.replaceAll(Pattern.quote(servicePrefix + "/") + "\\d+-\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z",
                servicePrefix + "/-");
        return Digests.sha256Base64(normalized.getBytes(StandardCharsets.UTF_8));
    }

    private static void checkDeployable(Stack stack, String stackName) {
        String status = stack.stackStatusAsString();
        if (status.equals("ROLLBACK_COMPLETE") || status.equals("ROLLBACK_FAILED") || status.equals("DELETE_FAILED")
                || status.equals("REVIEW_IN_PROGRESS")) {
            throw new DeployException("Stack " + stackName + " is " + status + " (left by a failed first deploy or "
                    + "removal) and cannot be updated; perhaps you should run 'mvn serverless:remove' and deploy "
                    + "again.");
        }
    }

    private static String size(LocalArtifact artifact) {
        try {
            long bytes = Files.size(artifact.file());
            return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                    : String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        } catch (IOException e) {
            return "?";
        }
    }

    private static String seconds(long started) {
        return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - started) / 1e9);
    }
}
