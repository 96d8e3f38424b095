package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.ListNode;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level {@code layers:}: an {@code AWS::Lambda::LayerVersion} per layer with its permissions and
 * outputs, as v3's {@code layers.js}. The layer hash is v3's: SHA-1 over the resource JSON (without S3Key)
 * and the zip bytes; {@code retain: true} appends it to the logical IDs so each version is kept.
 */
final class LayerCompiler {

    private static final Set<String> LAYER_KEYS = Set.of("name", "path", "package", "description", "licenseInfo",
            "compatibleRuntimes", "compatibleArchitectures", "allowedAccounts", "retain");

    void compile(CompileContext context) {
        Node layersNode = context.service().root().get("layers");
        if (layersNode instanceof MapNode) {
            ConfigReader layers = ConfigReader.of(layersNode, "layers");
            for (String key : layers.keys()) {
                compileLayer(context, key, ConfigReader.of(layers.node().get(key), layers.childPath(key)));
            }
        }
        checkFunctionReferences(context);
    }

    private void compileLayer(CompileContext context, String key, ConfigReader layer) {
        layer.checkKnownKeys(LAYER_KEYS, context.diagnostics());
        Artifact artifact = context.layerArtifact(key);
        if (artifact == null) {
            throw new ConfigException(layer.position(), layer.path(), "no artifact was prepared for layer '"
                    + key + "'", "set package.artifact of the layer");
        }
        String bucketName = context.service().provider().deploymentBucket().name();
        Map<String, Object> content = Cfn.map("S3Bucket", bucketName != null ? bucketName
                : Cfn.ref(Naming.deploymentBucketLogicalId()));
        Map<String, Object> properties = Cfn.map("Content", content,
                "LayerName", layer.optString("name").orElse(key),
                "Description", layer.optString("description").orElse(null),
                "LicenseInfo", layer.optString("licenseInfo").orElse(null),
                "CompatibleRuntimes", layer.has("compatibleRuntimes") ? layer.stringList("compatibleRuntimes") : null,
                "CompatibleArchitectures", layer.has("compatibleArchitectures")
                        ? layer.stringList("compatibleArchitectures") : null);
        Map<String, Object> resource = Cfn.resource("AWS::Lambda::LayerVersion", properties);
        String sha = layerHash(Json.compact(resource), artifact);
        String s3Key = context.artifactDirectoryName() + "/" + artifact.keyName();
        content.put("S3Key", s3Key);

        boolean retain = layer.bool("retain", false);
        String suffix = retain ? sha : "";
        String logicalId = Naming.layerLogicalId(key) + suffix;
        if (retain) {
            resource.put("DeletionPolicy", "Retain");
        }
        context.template().addResource(logicalId, resource);
        for (String account : layer.stringList("allowedAccounts")) {
            Map<String, Object> permission = Cfn.resource("AWS::Lambda::LayerVersionPermission", Cfn.map(
                    "Action", "lambda:GetLayerVersion", "LayerVersionArn", Cfn.ref(logicalId), "Principal", account));
            if (retain) {
                permission.put("DeletionPolicy", "Retain");
            }
            context.template().addResource(Naming.layerPermissionLogicalId(key, account) + suffix, permission);
        }
        context.template().addOutput(Naming.layerQualifiedArnOutputKey(key), Cfn.map(
                "Description", "Current Lambda layer version", "Value", Cfn.ref(logicalId)));
        context.template().addOutput(Naming.layerHashOutputKey(key), Cfn.map(
                "Description", "Current Lambda layer hash", "Value", sha));
        context.template().addOutput(Naming.layerS3KeyOutputKey(key), Cfn.map(
                "Description", "Current Lambda layer S3Key", "Value", s3Key));
    }

    /** A {@code Ref} in a function's layers must name a layer of this service or a resource/parameter of the stack. */
    private static void checkFunctionReferences(CompileContext context) {
        Set<String> layerIds = new HashSet<>();
        Set<String> retained = new HashSet<>();
        if (context.service().root().get("layers") instanceof MapNode layers) {
            layers.entries().forEach((key, value) -> {
                layerIds.add(Naming.layerLogicalId(key));
                if (value instanceof MapNode m && m.get("retain") != null
                        && Boolean.TRUE.equals(m.get("retain").toPlain())) {
                    retained.add(Naming.layerLogicalId(key));
                }
            });
        }
        Set<String> declared = new HashSet<>();
        for (String section : List.of("Resources", "Parameters")) {
            if (context.service().resources().get(section) instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> declared.add(String.valueOf(k)));
            }
        }
        for (FunctionDef f : context.service().functions().values()) {
            if (f.layers() == null) {
                continue;
            }
            for (int i = 0; i < f.layers().size(); i++) {
                if (!(f.layers().get(i) instanceof Map<?, ?> m) || !(m.get("Ref") instanceof String ref)
                        || ref.startsWith("AWS::") || declared.contains(ref)) {
                    continue;
                }
                if (retained.contains(ref)) {
                    throw referenceError(context, f, i, "layer '" + ref + "' has 'retain: true', so its logical "
                            + "ID ends with a content hash and {Ref: " + ref + "} would not resolve", "reference its ARN (for "
                            + "example from the stack output " + ref + "QualifiedArn) or drop 'retain'");
                }
                if (!layerIds.contains(ref)) {
                    String suggestion = ConfigReader.closest(ref, layerIds);
                    throw referenceError(context, f, i, "the layer reference '" + ref + "' matches no layer "
                            + "under 'layers:' and no resource of the stack", suggestion != null ? "write '" + suggestion + "'"
                                    : layerIds.isEmpty() ? "define the layer under the top-level 'layers:' key "
                                            + "(a layer 'commons' is referenced as CommonsLambdaLayer)"
                                            : "use one of " + layerIds);
                }
            }
        }
    }

    /** Points at the offending list item, in the function's layers or (inherited) in provider.layers. */
    private static ConfigException referenceError(CompileContext context, FunctionDef f, int index, String message,
            String fix) {
        boolean own = f.raw().get("layers") != null;
        Node layersNode = own ? f.raw().get("layers") : context.service().provider().raw().get("layers");
        String path = (own ? f.path() : "provider") + ".layers";
        Node at = layersNode;
        if (layersNode instanceof ListNode list && index < list.items().size()) {
            at = list.items().get(index);
            path += "[" + index + "]";
        }
        return new ConfigException(at != null ? at.position() : f.position(), path, message, fix);
    }

    private static String layerHash(String resourceJson, Artifact artifact) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(resourceJson.getBytes(StandardCharsets.UTF_8));
            sha1.update(Files.readAllBytes(artifact.file()));
            return HexFormat.of().formatHex(sha1.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
