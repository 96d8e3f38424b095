package io.github.serverlessmaven.model;

import java.util.List;

/**
 * A container image function's image: an ECR URI pinned to its digest, and the optional overrides of the
 * image's own CMD, ENTRYPOINT and WORKDIR (v3's {@code image: {uri, command, entryPoint, workingDirectory}}).
 *
 * @param uri the image URI as Lambda takes it, {@code <account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:<hex>}
 * @param sha256 the digest's hex part: Lambda reports it as the function's CodeSha256
 */
public record ImageSpec(String uri, String sha256, List<String> command, List<String> entryPoint,
        String workingDirectory) {}
