package io.github.serverlessmaven.model;

import java.util.List;

/**
 * The shared execution role's shape ({@code provider.iam} and the legacy top-level aliases).
 *
 * @param existingRole a role name, ARN or intrinsic to use instead of generating one; null to generate
 */
public record IamSpec(
        Object existingRole,
        String roleName,
        String rolePath,
        List<Object> statements,
        List<Object> managedPolicies,
        Object permissionsBoundary,
        Object roleTags,
        String deploymentRole) {}
