package io.github.serverlessmaven.packaging;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.Position;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.project.Console;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.project.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Chooses (see {@link ArtifactSelector}) or builds the file each function deploys, digests it once, and logs
 * one line per artifact saying which file and why.
 */
public final class ArtifactPackager {

    /** Zips with less input than this are quick: no progress is shown for them. */
    static final long PROGRESS_THRESHOLD_BYTES = 20L * 1024 * 1024;

    private final Console console;

    public ArtifactPackager() {
        this(Console.SILENT);
    }

    /** @param console shows progress while large zips (at least 20 MB of input) are written */
    public ArtifactPackager(Console console) {
        this.console = console;
    }

    public Map<String, Artifact> prepare(Service service, ProjectLayout project, Log log) {
        ArtifactSelector selector = new ArtifactSelector(service, project);
        Map<Path, ArtifactChoice> choices = new LinkedHashMap<>();
        Map<Path, List<String>> functionsByFile = new LinkedHashMap<>();
        Map<String, Path> fileByFunction = new LinkedHashMap<>();
        boolean warnedIgnoredPatterns = false;
        for (FunctionDef function : service.functions().values()) {
            if (function.isImage()) {
                continue;
            }
            ArtifactChoice choice = selector.choose(function);
            choices.putIfAbsent(choice.file(), choice);
            List<String> sharing = functionsByFile.get(choice.file());
            if (sharing == null) {
                sharing = new ArrayList<>();
                functionsByFile.put(choice.file(), sharing);
            }
            sharing.add(function.key());
            fileByFunction.put(function.key(), choice.file());
            if (!warnedIgnoredPatterns && choice.built() && !function.packageSpec().patterns().isEmpty()
                    && !function.packageSpec().individually() && !service.packageSpec().individually()) {
                warnedIgnoredPatterns = true;
                log.warn(function.position() + ": at 'functions." + function.key() + ".package.patterns': "
                        + "function-level patterns apply only with package.individually: true; the service-wide "
                        + "patterns are used");
            }
        }

        ZipPlan zips = new ZipPlan(service, project, console);
        DigestCache digests = DigestCache.in(project.buildDir());
        Map<Path, Artifact> artifacts = new LinkedHashMap<>();
        for (Map.Entry<Path, ArtifactChoice> entry : choices.entrySet()) {
            ArtifactChoice choice = entry.getValue();
            String reason = choice.reason();
            String digest;
            if (choice.built()) {
                ZipBuilder.Result built = zips.build(choice);
                digest = built.sha256Base64();
                if (built.unchanged()) {
                    reason += "; unchanged since the last build, not rewritten";
                }
            } else {
                digest = digests.sha256Base64(choice.file());
            }
            artifacts.put(entry.getKey(), new Artifact(choice.file(), digest));
            log.info("Artifact " + selector.display(choice.file()) + " for " + String.join(", ",
                    functionsByFile.get(entry.getKey())) + ": " + reason);
        }
        digests.save();
        Map<String, Artifact> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> function : fileByFunction.entrySet()) {
            out.put(function.getKey(), artifacts.get(function.getValue()));
        }
        return out;
    }

    private static long totalSize(Iterable<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException unreadable) {
                // The zip writer reports it with the file's name; progress is only an estimate.
            }
        }
        return total;
    }

    /** Builds the plugin's zips from one scan of the classes and jars. */
    private static final class ZipPlan {
        private final Service service;
        private final ProjectLayout project;
        private final Console console;
        private final ZipBuilder builder = new ZipBuilder();
        private ZipContent content;
        private Instant timestamp;

        ZipPlan(Service service, ProjectLayout project, Console console) {
            this.service = service;
            this.project = project;
            this.console = console;
        }

        ZipBuilder.Result build(ArtifactChoice choice) {
            if (content == null) {
                content = ZipContent.of(project.classesDir(), project.runtimeJars());
                timestamp = OutputTimestamp.parse(project.outputTimestamp());
            }
            Position where = service.packageSpec().position();
            if (content.isEmpty()) {
                throw new ConfigException(where, "package.artifact", "there is nothing to deploy: package.artifact "
                        + "is not set and the build has no compiled classes (" + project.classesDir()
                        + " is missing or empty) and no runtime dependencies (a project with packaging 'pom' "
                        + "builds none)", "set package.artifact to the file your build produces, or run `mvn "
                        + "package` first");
            }
            PathRules rules = new PathRules()
                    .addAll(SlsIgnore.read(project.baseDir()))
                    .addPatterns(service.packageSpec().patterns(), "package.patterns")
                    .addPatterns(choice.zipPatterns(), "function package.patterns");
            SortedMap<String, Path> entries = content.select(rules);
            if (entries.isEmpty()) {
                throw new ConfigException(where, "package.patterns", "no file matches the package patterns and "
                        + SlsIgnore.FILE_NAME + " (out of " + content.entries().size() + " candidates in "
                        + project.classesDir().getFileName() + "/ and lib/)", "loosen package.patterns or "
                        + SlsIgnore.FILE_NAME + " so that the classes are kept");
            }
            long total = totalSize(entries.values());
            Console reporter = total >= PROGRESS_THRESHOLD_BYTES ? console : Console.SILENT;
            try (Console.Progress progress = reporter.progress("Zipping " + choice.file().getFileName(), total)) {
                return builder.build(entries, timestamp, choice.file(), progress::advance);
            } catch (IOException e) {
                throw new ConfigException(Position.of(choice.file().toString()), "", "cannot write the zip: "
                        + e.getMessage(), "check that the build directory is writable");
            }
        }
    }
}
