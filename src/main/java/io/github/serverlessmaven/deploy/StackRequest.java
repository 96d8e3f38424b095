package io.github.serverlessmaven.deploy;

import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.RollbackConfiguration;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * The settings every stack action shares (v3's get-shared-stack-action-params) plus the template.
 *
 * @param templateBody inline template (the small create-stack template), or null
 * @param templateUrl template in the deployment bucket, or null
 * @param stackPolicyBody {@code provider.stackPolicy} as a policy document, or null
 */
public record StackRequest(
        String stackName,
        String templateBody,
        String templateUrl,
        List<Capability> capabilities,
        List<Tag> tags,
        List<Parameter> parameters,
        String roleArn,
        List<String> notificationArns,
        RollbackConfiguration rollbackConfiguration,
        boolean disableRollback,
        String stackPolicyBody) {

    public StackRequest withTemplateBody(String body) {
        return new StackRequest(stackName, body, null, capabilities, tags, parameters, roleArn, notificationArns,
                rollbackConfiguration, disableRollback, stackPolicyBody);
    }

    public StackRequest withTemplateUrl(String url) {
        return new StackRequest(stackName, null, url, capabilities, tags, parameters, roleArn, notificationArns,
                rollbackConfiguration, disableRollback, stackPolicyBody);
    }
}
