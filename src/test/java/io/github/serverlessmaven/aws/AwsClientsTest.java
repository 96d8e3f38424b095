package io.github.serverlessmaven.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AwsClientsTest {

    @Test
    void onlyAnHttpEndpointOverrideGoesWithoutTheSdksTlsSetUp() {
        assertThat(AwsClients.plainHttp(URI.create("http://127.0.0.1:5000"))).isTrue();
        assertThat(AwsClients.plainHttp(URI.create("HTTP://localhost:4566"))).isTrue();
        assertThat(AwsClients.plainHttp(URI.create("https://localhost.localstack.cloud:4566"))).isFalse();
        assertThat(AwsClients.plainHttp(null)).isFalse();
    }
}
