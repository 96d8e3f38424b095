package io.github.serverlessmaven.pipeline;

import java.util.Optional;

/**
 * Finds the digest an ECR image tag points at, as v3 does while packaging a function whose {@code image} names a
 * tag: the template needs the digest (Lambda pins an image version to it, and the version's logical ID hashes it).
 * The plugin's implementation asks ECR ({@code aws.EcrImageDigests}); the core asks only when a tag is used.
 */
@FunctionalInterface
public interface ImageDigestLookup {

    /**
     * One tag to look up.
     *
     * @param account the registry: the AWS account that owns the repository
     * @param region the service's region (an image must be in it)
     * @param providerProfile {@code provider.profile}, or null: the AWS profile to use unless the build names one
     */
    record ImageTag(String account, String region, String repository, String tag, String providerProfile) {}

    /**
     * @return the digest's hex part (without {@code sha256:}), or empty when the repository or the tag does not
     *     exist
     */
    Optional<String> digest(ImageTag image);
}
