package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.compile.Artifact;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.packaging.Digests;
import io.github.serverlessmaven.pipeline.PackageResult;
import io.github.serverlessmaven.pipeline.PackageState;
import io.github.serverlessmaven.pipeline.TemplateSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Builds a {@link DeployInput} from a fresh package run or from a directory an earlier package run wrote. */
public final class DeployInputs {

    private DeployInputs() {}

    public static DeployInput fromPackage(PackageResult result) {
        List<LocalArtifact> artifacts = new ArrayList<>();
        for (Artifact a : new LinkedHashSet<>(result.artifacts().values())) {
            artifacts.add(new LocalArtifact(a.keyName(), a.file(), a.sha256Base64()));
        }
        return new DeployInput(result.service(), template(result.createStackTemplate(), result.service()),
                template(result.updateStackTemplate(), result.service()), result.artifactDirectoryName(), artifacts,
                result.outputDir());
    }

    /**
     * Reads {@code serverless-state.json} and the templates from {@code dir} (as written by the package goal).
     * The files must belong to {@code service} (same name, stage and region), and the artifacts must still have
     * the digests recorded when they were packaged.
     */
    public static DeployInput fromDirectory(Path dir, Service service) {
        Path stateFile = dir.resolve(PackageState.FILE);
        if (!Files.isRegularFile(stateFile)) {
            throw new DeployException("The package directory " + dir + " has no " + PackageState.FILE
                    + "; perhaps you should run 'mvn serverless:package' first or point serverless.package at "
                    + "the directory it wrote (target/serverless).");
        }
        Map<String, JsonNode> state = JsonNode.parser().parse(read(stateFile)).asObject();
        String packagedFor = text(state, "service") + "/" + text(state, "stage") + "/" + text(state, "region");
        String wanted = service.name() + "/" + service.stage() + "/" + service.region();
        if (!packagedFor.equals(wanted)) {
            throw new DeployException("The package in " + dir + " was made for " + packagedFor + ", not " + wanted
                    + "; perhaps you should package again with the same stage and region.");
        }
        List<LocalArtifact> artifacts = new ArrayList<>();
        state.get("artifacts").asObject().forEach((name, entry) -> {
            Map<String, JsonNode> fields = entry.asObject();
            Path file = dir.resolve(text(fields, "path")).normalize();
            String sha = text(fields, "sha256");
            if (!Files.isRegularFile(file) || !Digests.sha256Base64(file).equals(sha)) {
                throw new DeployException("The artifact " + file + " is missing or changed since it was packaged; "
                        + "perhaps you should run 'mvn serverless:package' again.");
            }
            artifacts.add(new LocalArtifact(name, file, sha));
        });
        Path create = dir.resolve("cloudformation-template-create-stack.json");
        return new DeployInput(service, Files.isRegularFile(create) ? template(create, service) : null,
                template(dir.resolve("cloudformation-template-update-stack.json"), service),
                text(state, "artifactDirectoryName"), artifacts, dir);
    }

    private static String text(Map<String, JsonNode> object, String key) {
        JsonNode node = object.get(key);
        return node == null || node.isNull() ? null : node.asString();
    }

    /** The template as written by package, with the secret values it left out put back (never written). */
    static String template(Path file, Service service) {
        String template = new TemplateSecrets(service).restore(read(file));
        String missing = TemplateSecrets.unresolved(template);
        if (missing != null) {
            throw new DeployException("The template " + file + " needs the secret value of " + missing
                    + ", which the configuration no longer provides; perhaps you should run "
                    + "'mvn serverless:package' again.");
        }
        return template;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployException("Cannot read " + file + ": " + e.getMessage()
                    + "; perhaps you should run 'mvn serverless:package' again.");
        }
    }
}
