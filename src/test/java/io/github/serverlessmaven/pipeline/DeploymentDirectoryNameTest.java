package io.github.serverlessmaven.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class DeploymentDirectoryNameTest {

    @Test
    void formatsTheInstantAsV3sDeploymentFolderSuffix() {
        assertThat(ServicePipeline.isoMillis(Instant.parse("2026-11-03T07:05:09.042Z")))
                .isEqualTo("2026-11-03T07:05:09.042Z");
        assertThat(ServicePipeline.isoMillis(Instant.parse("1999-12-31T23:59:59.999999Z")))
                .isEqualTo("1999-12-31T23:59:59.999Z");
        assertThat(ServicePipeline.deploymentFolderName(Instant.parse("2026-11-03T07:05:09Z")))
                .isEqualTo("1793689509000-2026-11-03T07:05:09.000Z");
    }

    @Test
    void agreesWithDateTimeFormatterAcrossManyInstants() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
        for (long millis = 0; millis < 4_102_444_800_000L; millis += 7_919_999_993L) {
            Instant instant = Instant.ofEpochMilli(millis);
            assertThat(ServicePipeline.isoMillis(instant)).isEqualTo(reference.format(instant));
        }
    }
}
