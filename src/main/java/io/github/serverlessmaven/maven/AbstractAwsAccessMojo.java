package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.aws.AwsSettings;
import io.github.serverlessmaven.aws.EcrImageDigests;
import io.github.serverlessmaven.pipeline.ImageDigestLookup;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * How a goal reaches AWS: the profile and the endpoint. {@code package} needs them only to look up an image tag;
 * the goals that always talk to AWS extend {@link AbstractAwsMojo}.
 */
public abstract class AbstractAwsAccessMojo extends AbstractServerlessMojo {

    /** Named AWS profile; wins over provider.profile and the SDK's default chain (AWS_PROFILE, env keys, SSO...). */
    @Parameter(property = "serverless.profile")
    protected String profile;

    /** Endpoint override for every AWS service (an emulator such as moto); default: AWS_ENDPOINT_URL, else AWS. */
    @Parameter(property = "serverless.endpoint")
    protected String endpoint;

    /**
     * ECR, asked only when a function's image names a tag; the SDK is not touched (nor its classes loaded) for a
     * service without one.
     */
    @Override
    protected ImageDigestLookup imageDigests() {
        return new LazyEcrLookup(blankToNull(profile), endpoint);
    }

    /** {@code serverless.profile} wins over {@code provider.profile}; neither leaves it to the SDK's chain. */
    static String chosenProfile(String buildProfile, String providerProfile) {
        return buildProfile != null ? buildProfile : providerProfile;
    }

    protected String endpoint() {
        return AwsSettings.endpointFrom(endpoint, System.getenv());
    }

    /** Defers loading {@link EcrImageDigests} and the AWS settings to the first tag. */
    private record LazyEcrLookup(String buildProfile, String endpointParameter) implements ImageDigestLookup {
        @Override
        public Optional<String> digest(ImageTag image) {
            String endpoint = AwsSettings.endpointFrom(endpointParameter, System.getenv());
            return new EcrImageDigests(AwsSettings.of(image.region(), chosenProfile(buildProfile,
                    image.providerProfile()), endpoint)).digest(image);
        }
    }
}
