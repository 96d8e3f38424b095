package io.github.serverlessmaven.compile.events.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An event's {@code authorizer} after v3's normalisation (validate.js getAuthorizer).
 *
 * @param type as written (token, request, cognito_user_pools, ...), {@code AWS_IAM}, or null
 * @param arn the Lambda or Cognito pool ARN (string or intrinsic); for a function of this service its GetAtt
 * @param authorizerId an existing authorizer's id (then no authorizer resource is created)
 * @param aliasLogicalId the authorizer function's alias, when it has one
 * @param resultTtlInSeconds null for the string shorthand, else the value or 300
 */
public record AuthorizerConfig(String type, String name, Object arn, boolean managedExternally, Object authorizerId,
        String aliasLogicalId, Integer resultTtlInSeconds, String identitySource,
        String identityValidationExpression, List<String> claims, List<Object> scopes) {

    static final Pattern COGNITO_ARN = Pattern.compile("^arn:[a-zA-Z-]*:cognito-idp");

    boolean isAwsIam() {
        return "AWS_IAM".equals(type);
    }

    boolean isExisting() {
        return type != null && authorizerId != null;
    }

    boolean isCognito() {
        return (type != null && type.toUpperCase(Locale.ROOT).equals("COGNITO_USER_POOLS"))
                || (arn instanceof String s && COGNITO_ARN.matcher(s).find());
    }
}
