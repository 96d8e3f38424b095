package io.github.serverlessmaven.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RemoteInvokerTest {

    @Test
    void logResultIsDecodedFromBase64AsUtf8() {
        String log = "START RequestId: 1\nHallo Grüße\nEND RequestId: 1\n";
        String encoded = Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8));

        assertThat(RemoteInvoker.decodeLog(encoded)).isEqualTo(log);
        assertThat(RemoteInvoker.decodeLog(null)).isNull();
        assertThat(RemoteInvoker.decodeLog("")).isNull();
    }

    @Test
    void metricsPeriodSpansTheWholeRangeInWholeMinutes() {
        java.time.Instant end = java.time.Instant.parse("2024-05-02T00:00:00Z");
        assertThat(MetricsReader.period(end.minusSeconds(86_400), end)).isEqualTo(86_400);
        assertThat(MetricsReader.period(end.minusSeconds(90), end)).isEqualTo(120);
        assertThat(MetricsReader.period(end.minusSeconds(5), end)).isEqualTo(60);
    }
}
