package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.naming.Sha256;
import io.github.serverlessmaven.template.Cfn;
import io.github.serverlessmaven.template.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code AWS::Lambda::Function}, its hash-named {@code AWS::Lambda::Version} and the QualifiedArn output,
 * in v3's property order.
 */
public final class FunctionCompiler {

    public void compile(CompileContext context) {
        for (FunctionDef function : context.service().functions().values()) {
            compile(context, function);
        }
    }

    private void compile(CompileContext context, FunctionDef f) {
        Artifact artifact = f.isImage() ? null : context.artifact(f.key());
        Map<String, Object> p = new LinkedHashMap<>();
        if (f.isImage()) {
            p.put("Code", Cfn.map("ImageUri", f.image().uri()));
            Map<String, Object> imageConfig = new LinkedHashMap<>();
            if (!f.image().command().isEmpty()) {
                imageConfig.put("Command", f.image().command());
            }
            if (!f.image().entryPoint().isEmpty()) {
                imageConfig.put("EntryPoint", f.image().entryPoint());
            }
            if (f.image().workingDirectory() != null) {
                imageConfig.put("WorkingDirectory", f.image().workingDirectory());
            }
            if (!imageConfig.isEmpty()) {
                p.put("ImageConfig", imageConfig);
            }
            p.put("PackageType", "Image");
        } else {
            Object bucket = context.service().provider().deploymentBucket().name() != null
                    ? context.service().provider().deploymentBucket().name()
                    : Cfn.ref(Naming.deploymentBucketLogicalId());
            p.put("Code", Cfn.map("S3Bucket", bucket, "S3Key", context.artifactDirectoryName() + "/"
                    + artifact.keyName()));
            p.put("Handler", f.handler());
            p.put("Runtime", f.runtime());
        }
        p.put("FunctionName", f.name());
        p.put("MemorySize", f.memorySize());
        p.put("Timeout", f.timeout());
        if (f.architecture() != null) {
            p.put("Architectures", List.of(f.architecture()));
        }
        if (f.description() != null) {
            p.put("Description", f.description());
        }
        if (!f.tags().isEmpty()) {
            p.put("Tags", TagLists.of(f.tags()));
        }
        if (f.raw().has("ephemeralStorageSize")) {
            p.put("EphemeralStorage", Cfn.map("Size", f.raw().get("ephemeralStorageSize").toPlain()));
        }
        Object onError = plain(f, "onError");
        if (onError != null) {
            p.put("DeadLetterConfig", Cfn.map("TargetArn", onError));
            if (onError instanceof String) {
                context.addRoleStatement(f, Cfn.map("Effect", "Allow", "Action", Cfn.list("sns:Publish"),
                        "Resource", Cfn.list(onError)));
            }
        }
        Object kms = plain(f, "kmsKeyArn") != null ? plain(f, "kmsKeyArn")
                : context.service().provider().raw().has("kmsKeyArn")
                        ? context.service().provider().raw().get("kmsKeyArn").toPlain() : null;
        if (kms != null) {
            p.put("KmsKeyArn", kms);
        }
        if (f.tracing() != null && !Boolean.FALSE.equals(f.tracing())) {
            p.put("TracingConfig", Cfn.map("Mode", f.tracing() instanceof Boolean ? "Active" : f.tracing()));
            context.addRoleStatement(f, Cfn.map("Effect", "Allow", "Action", Cfn.list("xray:PutTraceSegments",
                    "xray:PutTelemetryRecords"), "Resource", Cfn.list("*")));
        }
        if (!f.environment().isEmpty()) {
            p.put("Environment", Cfn.map("Variables", f.environment()));
        }
        List<String> dependsOn = new ArrayList<>();
        p.put("Role", role(f, dependsOn));
        if (f.vpc() instanceof Map<?, ?> vpc && vpc.get("securityGroupIds") != null && vpc.get("subnetIds") != null) {
            p.put("VpcConfig", Cfn.map("SecurityGroupIds", vpc.get("securityGroupIds"), "SubnetIds",
                    vpc.get("subnetIds")));
        }
        if (f.reservedConcurrency() != null) {
            p.put("ReservedConcurrentExecutions", f.reservedConcurrency());
        }
        if (f.layers() != null) {
            p.put("Layers", f.layers());
        }
        if (f.snapStart()) {
            if (f.provisionedConcurrency() != null) {
                throw new ConfigException(f.position(), f.path(), "SnapStart does not support provisioned "
                        + "concurrency", "remove either snapStart or provisionedConcurrency");
            }
            p.put("SnapStart", Cfn.map("ApplyOn", "PublishedVersions"));
        }
        Map<String, Object> resource = Cfn.resource("AWS::Lambda::Function", p);
        if (!f.disableLogs()) {
            dependsOn.add(0, Naming.logGroupLogicalId(f.key()));
        }
        if (f.raw().has("dependsOn")) {
            Object extra = f.raw().get("dependsOn").toPlain();
            if (extra instanceof List<?> l) {
                for (Object d : l) {
                    dependsOn.add(String.valueOf(d));
                }
            } else if (extra != null) {
                dependsOn.add(String.valueOf(extra));
            }
        }
        if (!dependsOn.isEmpty()) {
            resource.put("DependsOn", dependsOn);
        }
        if (f.raw().has("condition")) {
            resource.put("Condition", f.raw().get("condition").toPlain());
        }
        String functionId = Naming.functionLogicalId(f.key());
        context.template().addResource(functionId, resource);

        if (f.versionFunction() || f.provisionedConcurrency() != null || f.snapStart()) {
            String hash = f.isImage() ? imageVersionHash(p) : versionHash(artifact, p);
            String versionId = Naming.versionLogicalId(f.key(), hash);
            Map<String, Object> version = new LinkedHashMap<>();
            version.put("Type", "AWS::Lambda::Version");
            if (f.versionFunction()) {
                version.put("DeletionPolicy", "Retain");
            }
            version.put("Properties", Cfn.map("FunctionName", Cfn.ref(functionId), "CodeSha256",
                    f.isImage() ? f.image().sha256() : artifact.sha256Base64(), "Description", f.description()));
            context.template().addResource(versionId, version);
            if (f.versionFunction()) {
                context.template().addOutput(Naming.qualifiedArnOutputKey(f.key()), Cfn.map(
                        "Description", "Current Lambda function version", "Value", Cfn.ref(versionId)));
            }
            if (f.provisionedConcurrency() != null || f.snapStart()) {
                boolean provisioned = f.provisionedConcurrency() != null;
                Map<String, Object> aliasProps = Cfn.map("FunctionName", Cfn.ref(functionId),
                        "FunctionVersion", Cfn.getAtt(versionId, "Version"),
                        "Name", provisioned ? "provisioned" : "snapstart");
                if (provisioned) {
                    aliasProps.put("ProvisionedConcurrencyConfig", Cfn.map("ProvisionedConcurrentExecutions",
                            f.provisionedConcurrency()));
                }
                Map<String, Object> alias = Cfn.resource("AWS::Lambda::Alias", aliasProps);
                alias.put("DependsOn", functionId);
                context.template().addResource(context.aliasLogicalId(f), alias);
            }
        }
        new FunctionUrlCompiler().compile(context, f);
        new EventInvokeConfigCompiler().compile(context, f);
    }

    private static Object role(FunctionDef f, List<String> dependsOn) {
        Object role = f.role() != null ? f.role() : null;
        if (role == null) {
            return Cfn.getAtt(FunctionRoleCompiler.hasOwnRole(f) ? Naming.functionRoleLogicalId(f.key())
                    : Naming.roleLogicalId(), "Arn");
        }
        if (role instanceof String s) {
            if (s.startsWith("arn:")) {
                return s;
            }
            dependsOn.add(s);
            return Cfn.getAtt(s, "Arn");
        }
        if (role instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> l && !l.isEmpty()) {
            dependsOn.add(String.valueOf(l.get(0)));
        }
        return role;
    }

    /** Any stable digest of code and configuration: artifact hash plus deep-sorted properties minus Code and Tags. */
    static String versionHash(Artifact artifact, Map<String, Object> properties) {
        Map<String, Object> relevant = new TreeMap<>(properties);
        relevant.remove("Code");
        relevant.remove("Tags");
        relevant.remove("ReservedConcurrentExecutions");
        String hashed = artifact.sha256Base64() + Json.compact(sorted(relevant));
        return Naming.alphanumeric(Base64.getEncoder().encodeToString(Sha256.of(hashed)));
    }

    /**
     * As v3 computes it for images, so a stack it deployed keeps its version: the function properties as they
     * are when v3 hashes them (Code included, as its ImageUri holds the digest; no SnapStart or LoggingConfig yet;
     * no Tags or ReservedConcurrentExecutions), plus v3's empty {@code layerConfigurations} (images take no
     * layers), and no artifact hash.
     */
    static String imageVersionHash(Map<String, Object> properties) {
        Map<String, Object> relevant = new TreeMap<>(properties);
        relevant.remove("Tags");
        relevant.remove("ReservedConcurrentExecutions");
        relevant.remove("SnapStart");
        relevant.remove("LoggingConfig");
        relevant.put("layerConfigurations", List.of());
        return Naming.alphanumeric(Base64.getEncoder().encodeToString(Sha256.of(Json.compact(sorted(relevant)))));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), sorted(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object v : l) {
                out.add(sorted(v));
            }
            return out;
        }
        return value;
    }

    private static Object plain(FunctionDef f, String key) {
        return f.raw().has(key) ? f.raw().get(key).toPlain() : null;
    }
}
