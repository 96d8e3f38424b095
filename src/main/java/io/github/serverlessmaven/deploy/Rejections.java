package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.aws.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Explains a stack operation that CloudFormation refused with an API error instead of failed stack events (as
 * emulators do): names the changed resource whose settings the error mentions, with AWS's reason.
 */
final class Rejections {

    private Rejections() {}

    static StackFailedException describe(String stackName, String action, AwsServiceException e,
            List<PlannedChange> changes, String template) {
        String code = AwsErrors.errorCode(e);
        String reason = (code != null ? code + ": " : "") + AwsErrors.awsMessage(e);
        String raw = e.awsErrorDetails() != null && e.awsErrorDetails().rawResponse() != null
                ? e.awsErrorDetails().rawResponse().asUtf8String() : String.valueOf(e.getMessage());
        List<String> culprits = new ArrayList<>();
        Map<String, JsonNode> resources = resources(template);
        for (PlannedChange change : changes) {
            JsonNode resource = resources.get(change.logicalId());
            if (!"Remove".equals(change.action()) && resource != null && mentions(raw, resource)) {
                culprits.add(change.logicalId() + " (" + change.resourceType() + "): " + reason);
            }
        }
        if (culprits.isEmpty() && changes.size() == 1) {
            culprits.add(changes.get(0).logicalId() + " (" + changes.get(0).resourceType() + "): " + reason);
        }
        StringBuilder message = new StringBuilder("Stack " + stackName + " failed to " + action + ":");
        if (culprits.isEmpty()) {
            message.append(" CloudFormation rejected the change: ").append(reason);
            if (!changes.isEmpty()) {
                message.append("\n  resources being changed: ")
                        .append(String.join(", ", changes.stream().map(PlannedChange::logicalId).toList()));
            }
        } else {
            culprits.forEach(c -> message.append("\n  - ").append(c));
        }
        return new StackFailedException(message.toString(), culprits, true);
    }

    private static Map<String, JsonNode> resources(String template) {
        try {
            JsonNode resources = JsonNode.parser().parse(template).asObject().get("Resources");
            return resources != null && resources.isObject() ? resources.asObject() : Map.of();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** True when one of the resource's literal property values (a name, typically) appears in the error. */
    private static boolean mentions(String error, JsonNode node) {
        if (node.isString()) {
            String value = node.asString();
            return value.length() >= 3 && error.contains(value);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.asObject().entrySet()) {
                if (!e.getKey().equals("Type") && mentions(error, e.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node.asArray()) {
                if (mentions(error, item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
