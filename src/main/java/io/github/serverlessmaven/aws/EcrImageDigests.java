package io.github.serverlessmaven.aws;

import io.github.serverlessmaven.pipeline.ImageDigestLookup;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** Looks up image tags with ECR's DescribeImages, as v3 does while packaging an image function with a tag. */
public final class EcrImageDigests implements ImageDigestLookup {

    private final AwsSettings settings;

    /** @param settings profile, endpoint and credentials; the region is that of each tag */
    public EcrImageDigests(AwsSettings settings) {
        this.settings = settings;
    }

    @Override
    public Optional<String> digest(ImageTag image) {
        AwsSettings inRegion = settings.withRegion(image.region());
        try (AwsClients aws = new AwsClients(inRegion)) {
            DescribeImagesResponse response = aws.ecr().describeImages(b -> b.registryId(image.account())
                    .repositoryName(image.repository())
                    .imageIds(ImageIdentifier.builder().imageTag(image.tag()).build()));
            if (response.imageDetails().isEmpty()) {
                return Optional.empty();
            }
            String digest = response.imageDetails().get(0).imageDigest();
            return Optional.of(digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest);
        } catch (RepositoryNotFoundException | ImageNotFoundException notThere) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "look up the tag '" + image.tag() + "' of ECR repository '"
                    + image.repository() + "'", inRegion);
        }
    }
}
