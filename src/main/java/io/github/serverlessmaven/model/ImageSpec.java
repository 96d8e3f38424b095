package io.github.serverlessmaven.model;

import java.util.List;

/**
 * A container image function's image: an ECR URI, pinned to its digest or naming a tag that is looked up in ECR
 * before compiling, and the optional overrides of the image's own CMD, ENTRYPOINT and WORKDIR (v3's
 * {@code image: {uri, command, entryPoint, workingDirectory}}).
 *
 * @param uri the image URI, {@code <account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:<hex>} as Lambda takes
 *     it, or {@code ...<repo>:<tag>} until the tag is looked up
 * @param sha256 the digest's hex part (Lambda reports it as the function's CodeSha256), null while only a tag is
 *     known
 */
public record ImageSpec(String uri, String sha256, List<String> command, List<String> entryPoint,
        String workingDirectory) {

    /** Whether the URI names a tag, whose digest has to be looked up in ECR before compiling. */
    public boolean isTagged() {
        return sha256 == null;
    }

    /** The URI without its tag or digest: {@code <account>.dkr.ecr.<region>.amazonaws.com/<repo>}. */
    public String repositoryUri() {
        return uri.substring(0, isTagged() ? uri.lastIndexOf(':') : uri.indexOf('@'));
    }

    /** The ECR registry: the AWS account that owns the repository. */
    public String account() {
        return uri.substring(0, uri.indexOf('.'));
    }

    /** The repository's name, e.g. {@code team/orders}. */
    public String repository() {
        String repositoryUri = repositoryUri();
        return repositoryUri.substring(repositoryUri.indexOf('/') + 1);
    }

    /** The tag the URI names, or null when it is pinned to a digest. */
    public String tag() {
        return isTagged() ? uri.substring(uri.lastIndexOf(':') + 1) : null;
    }

    /** The same image pinned to the digest its tag pointed at. */
    public ImageSpec pinnedTo(String hexDigest) {
        return new ImageSpec(repositoryUri() + "@sha256:" + hexDigest, hexDigest, command, entryPoint,
                workingDirectory);
    }
}
