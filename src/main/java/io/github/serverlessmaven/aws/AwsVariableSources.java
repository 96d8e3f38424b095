package io.github.serverlessmaven.aws;

import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.config.YamlLoader;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.variables.VariableSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The deploy-time variable sources that read AWS: {@code ${aws:accountId}}, {@code ${aws:region}},
 * {@code ${ssm:/path}} and {@code ${ssm(region):/path}} (SecureStrings decrypted and marked secret),
 * {@code ${cf:stack.output}} and {@code ${cf(region):stack.output}}, {@code ${s3:bucket/key}}. A missing parameter,
 * output or object resolves to null so that a fallback ({@code , 'default'}) applies. Clients per region are
 * created on first use; close this to release them.
 */
public final class AwsVariableSources implements AutoCloseable {

    private final AwsSettings settings;
    private final Map<String, AwsClients> clients = new ConcurrentHashMap<>();
    private final Map<String, Parameter> ssmCache = new ConcurrentHashMap<>();

    /** @param settings the region in it is the default for sources without a {@code (region)} parameter */
    public AwsVariableSources(AwsSettings settings) {
        this.settings = settings;
    }

    public Map<String, VariableSource> sources() {
        Map<String, VariableSource> out = new LinkedHashMap<>();
        out.put("aws", (params, address) -> switch (address) {
            case "accountId" -> call("read the account id (STS GetCallerIdentity)",
                    () -> clients(null).sts().getCallerIdentity().account());
            case "region" -> settings.region();
            default -> throw new DeployException("Unknown variable ${aws:" + address + "}; perhaps you should "
                    + "write ${aws:accountId} or ${aws:region}.");
        });
        out.put("ssm", new VariableSource() {
            @Override
            public Object resolve(List<String> params, String address) {
                Parameter p = ssm(params, address);
                if (p == null) {
                    return null;
                }
                return p.type() == ParameterType.STRING_LIST ? Arrays.asList(p.value().split(",")) : p.value();
            }

            @Override
            public boolean secret(List<String> params, String address) {
                Parameter p = ssm(params, address);
                return p != null && p.type() == ParameterType.SECURE_STRING;
            }
        });
        out.put("cf", (params, address) -> {
            int dot = address.indexOf('.');
            if (dot <= 0 || dot == address.length() - 1) {
                throw new DeployException("The variable ${cf:" + address + "} needs the form stackName.outputKey; "
                        + "perhaps you should write ${cf:my-service-dev.ServiceEndpoint}.");
            }
            String stack = address.substring(0, dot);
            String output = address.substring(dot + 1);
            return call("read the outputs of stack " + stack, () -> {
                try {
                    Stack s = clients(region(params)).cloudFormation().describeStacks(r -> r.stackName(stack))
                            .stacks().get(0);
                    return s.outputs().stream().filter(o -> o.outputKey().equals(output)).map(Output::outputValue)
                            .findFirst().orElse(null);
                } catch (CloudFormationException e) {
                    if (AwsErrors.awsMessage(e).contains("does not exist")) {
                        return null;
                    }
                    throw e;
                }
            });
        });
        out.put("s3", (params, address) -> {
            int slash = address.indexOf('/');
            if (slash <= 0 || slash == address.length() - 1) {
                throw new DeployException("The variable ${s3:" + address + "} needs the form bucket/key; perhaps "
                        + "you should write ${s3:my-bucket/path/to/value.txt}.");
            }
            String bucket = address.substring(0, slash);
            String key = address.substring(slash + 1);
            return call("read s3://" + bucket + "/" + key, () -> {
                try {
                    return clients(region(params)).s3().getObjectAsBytes(r -> r.bucket(bucket).key(key))
                            .asString(StandardCharsets.UTF_8);
                } catch (NoSuchKeyException | NoSuchBucketException e) {
                    return null;
                }
            });
        });
        return out;
    }

    private Parameter ssm(List<String> params, String address) {
        String region = region(params);
        String cacheKey = (region == null ? "" : region) + "|" + address;
        Parameter cached = ssmCache.get(cacheKey);
        if (cached != null || ssmCache.containsKey(cacheKey)) {
            return cached;
        }
        Parameter p = call("read SSM parameter " + address, () -> {
            try {
                return clients(region).ssm().getParameter(r -> r.name(address).withDecryption(true)).parameter();
            } catch (ParameterNotFoundException e) {
                return null;
            }
        });
        if (p != null) {
            ssmCache.put(cacheKey, p);
        }
        return p;
    }

    /** The {@code (region)} parameter; {@code raw} and {@code noDecrypt} style flags are not regions. */
    private static String region(List<String> params) {
        for (String p : params) {
            if (p != null && p.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                return p;
            }
        }
        return null;
    }

    private AwsClients clients(String region) {
        String r = region == null ? settings.region() : region;
        return clients.computeIfAbsent(r, x -> new AwsClients(settings.withRegion(x)));
    }

    private <T> T call(String action, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, action, settings);
        }
    }

    /**
     * The region to use while variables are resolved: {@code serverless.region}, else a literal
     * {@code provider.region} in the file, else us-east-1 (v3's default).
     */
    public static String initialRegion(String requested, Path configFile) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        try {
            if (Files.isRegularFile(configFile) && YamlLoader.load(configFile) instanceof MapNode root
                    && root.get("provider") instanceof MapNode provider
                    && provider.get("region") instanceof ScalarNode s && s.value() instanceof String region
                    && !region.contains("${")) {
                return region;
            }
        } catch (RuntimeException ignored) {
            // the real load reports configuration errors with positions
        }
        return "us-east-1";
    }

    @Override
    public void close() {
        clients.values().forEach(AwsClients::close);
        clients.clear();
    }
}
