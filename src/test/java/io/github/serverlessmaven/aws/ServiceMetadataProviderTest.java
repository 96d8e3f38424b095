package io.github.serverlessmaven.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.annotations.SdkPublicApi;
import software.amazon.awssdk.core.client.config.ClientOption;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.GeneratedServiceMetadataProvider;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.utils.ImmutableMap;

/**
 * The plugin's own GeneratedServiceMetadataProvider (src/main/java/software/amazon/awssdk/regions) must answer
 * exactly as the AWS SDK's class of that name does, only lazily. The SDK's class is read from the regions jar in
 * a class loader of its own, since ours shadows it on this classpath.
 */
class ServiceMetadataProviderTest {

    @Test
    void oursIsTheOneOnTheClasspath() {
        URL ours = GeneratedServiceMetadataProvider.class.getProtectionDomain().getCodeSource().getLocation();
        URL sdk = ServiceMetadata.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(ours).isNotEqualTo(sdk);
    }

    @Test
    void answersEveryEndpointPrefixWithTheSdksMetadataClass() throws Exception {
        Map<String, Object> sdk = sdkMetadata();
        assertThat(sdk).hasSizeGreaterThan(300).containsKeys("s3", "cloudformation", "lambda", "logs", "sts");
        GeneratedServiceMetadataProvider ours = new GeneratedServiceMetadataProvider();
        for (Map.Entry<String, Object> entry : sdk.entrySet()) {
            ServiceMetadata metadata = ours.serviceMetadata(entry.getKey());
            assertThat(metadata).as(entry.getKey()).isNotNull();
            assertThat(metadata.getClass().getName()).as(entry.getKey())
                    .isEqualTo(entry.getValue().getClass().getName());
        }
    }

    @Test
    void makesEachMetadataOnceAndKnowsNothingTheSdkDoesNot() {
        GeneratedServiceMetadataProvider ours = new GeneratedServiceMetadataProvider();
        assertThat(ours.serviceMetadata("cloudformation")).isSameAs(ours.serviceMetadata("cloudformation"));
        assertThat(ours.serviceMetadata("no-such-service")).isNull();
        assertThat(ours.serviceMetadata(null)).isNull();
        assertThat(ServiceMetadata.of("cloudformation").endpointFor(software.amazon.awssdk.regions.Region.US_EAST_1)
                .toString()).isEqualTo("cloudformation.us-east-1.amazonaws.com");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sdkMetadata() throws Exception {
        URL[] jars = {location(ServiceMetadata.class), location(ImmutableMap.class), location(SdkPublicApi.class),
            location(ProfileFile.class), location(ClientOption.class), location(org.slf4j.Logger.class)};
        try (URLClassLoader loader = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader())) {
            Class<?> original = loader.loadClass(GeneratedServiceMetadataProvider.class.getName());
            assertThat(original.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(jars[0]);
            Field field = original.getDeclaredField("SERVICE_METADATA");
            field.setAccessible(true);
            return (Map<String, Object>) field.get(null);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
