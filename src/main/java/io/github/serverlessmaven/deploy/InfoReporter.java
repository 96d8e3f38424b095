package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsErrors;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.project.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/**
 * Reads what is deployed. Endpoints and function ARNs are derived from the stack's resources (their physical ids)
 * and the stack id, because outputs can lag behind (an emulator does not refresh them after a change set); an
 * output, when present, wins.
 */
public final class InfoReporter {

    private final CloudFormationClient cfn;

    public InfoReporter(CloudFormationClient cfn) {
        this.cfn = cfn;
    }

    public DeployReport report(Service service, Stack stack) {
        Map<String, String> physical = new LinkedHashMap<>();
        for (StackResourceSummary r : cfn.listStackResourcesPaginator(b -> b.stackName(stack.stackId()))
                .stackResourceSummaries()) {
            if (r.logicalResourceId() != null && r.physicalResourceId() != null) {
                physical.put(r.logicalResourceId(), r.physicalResourceId());
            }
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output o : stack.outputs()) {
            outputs.put(o.outputKey(), o.outputValue());
        }
        String region = service.region();
        String[] arn = stack.stackId().split(":");
        String partition = arn.length > 4 ? arn[1] : "aws";
        String account = arn.length > 4 ? arn[4] : "";
        String domain = "execute-api." + region + "." + (region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com");

        List<String> endpoints = new ArrayList<>();
        endpoint(outputs, "ServiceEndpoint", physical.get(Naming.restApiLogicalId()),
                id -> "https://" + id + "." + domain + "/" + service.stage()).ifPresent(endpoints::add);
        endpoint(outputs, "HttpApiUrl", physical.get("HttpApi"), id -> "https://" + id + "." + domain)
                .ifPresent(endpoints::add);
        endpoint(outputs, "ServiceEndpointWebsocket", physical.get("WebsocketsApi"),
                id -> "wss://" + id + "." + domain + "/" + service.stage()).ifPresent(endpoints::add);

        List<DeployReport.FunctionInfo> functions = new ArrayList<>();
        for (FunctionDef f : service.functions().values()) {
            String name = physical.getOrDefault(Naming.functionLogicalId(f.key()), f.name());
            functions.add(new DeployReport.FunctionInfo(f.key(), name,
                    "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + name,
                    Naming.logGroupName(name)));
            String url = outputs.get(Naming.functionLogicalId(f.key()) + "Url");
            if (url != null && !url.isBlank() && !url.contains("None")) {
                endpoints.add(f.key() + ": " + url);
            }
        }
        return new DeployReport(service.name(), service.stage(), region, stack.stackName(),
                stack.stackStatusAsString(), "info", endpoints, functions, outputs, -1);
    }

    /** The report of the deployed stack, or empty when there is no stack. */
    public static Optional<DeployReport> read(AwsClients aws, Service service) {
        try {
            Optional<Stack> stack = new Stacks(aws.cloudFormation(), Log.NONE,
                    java.time.Duration.ofMinutes(1), java.time.Duration.ofSeconds(5)).describe(service.stackName());
            return stack.map(s -> new InfoReporter(aws.cloudFormation()).report(service, s));
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsErrors.translate(e, "read stack " + service.stackName(),
                    aws.settings());
        }
    }

    private static Optional<String> endpoint(Map<String, String> outputs, String outputKey, String physicalId,
            Function<String, String> derive) {
        String fromOutput = outputs.get(outputKey);
        if (fromOutput != null && !fromOutput.isBlank() && !fromOutput.contains("None")) {
            return Optional.of(fromOutput);
        }
        return physicalId == null || physicalId.isBlank() || physicalId.equals("None") ? Optional.empty()
                : Optional.of(derive.apply(physicalId));
    }
}
