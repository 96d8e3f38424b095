package io.github.serverlessmaven.aws;

import io.github.serverlessmaven.deploy.DeployException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS clients one goal needs, created on first use: synchronous, on the small url-connection HTTP client,
 * with the SDK's standard retry strategy, the settings' region and credentials, and the endpoint override (with
 * path-style S3 addressing, which emulators need) when one is set. Close it to release the connections.
 */
public final class AwsClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final AwsSettings settings;
    private final Region region;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private SdkHttpClient http;
    private AwsCredentialsProvider credentials;
    private S3Client s3;
    private CloudFormationClient cloudFormation;
    private StsClient sts;
    private SsmClient ssm;
    private LambdaClient lambda;
    private EcrClient ecr;
    private CloudWatchLogsClient logs;
    private CloudWatchClient cloudWatch;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
        this.region = checkedRegion(settings);
    }

    public AwsSettings settings() {
        return settings;
    }

    public String region() {
        return region.id();
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = build(S3Client.builder().forcePathStyle(settings.endpoint() != null));
        }
        return s3;
    }

    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            cloudFormation = build(CloudFormationClient.builder());
        }
        return cloudFormation;
    }

    public synchronized StsClient sts() {
        if (sts == null) {
            sts = build(StsClient.builder());
        }
        return sts;
    }

    public synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = build(SsmClient.builder());
        }
        return ssm;
    }

    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = build(LambdaClient.builder());
        }
        return lambda;
    }

    public synchronized EcrClient ecr() {
        if (ecr == null) {
            ecr = build(EcrClient.builder());
        }
        return ecr;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = build(CloudWatchLogsClient.builder());
        }
        return logs;
    }

    public synchronized CloudWatchClient cloudWatch() {
        if (cloudWatch == null) {
            cloudWatch = build(CloudWatchClient.builder());
        }
        return cloudWatch;
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C build(B builder) {
        builder.region(region)
                .credentialsProvider(credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(Math.max(1, settings.maxAttempts())).build())
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http());
        }
        C client = builder.build();
        opened.add(client);
        return client;
    }

    private SdkHttpClient http() {
        if (http == null) {
            http = plainHttp(settings.endpoint())
                    ? UrlConnectionHttpClient.create(AwsClients::plainHttpConnection)
                    : UrlConnectionHttpClient.builder()
                            .connectionTimeout(CONNECT_TIMEOUT)
                            .socketTimeout(READ_TIMEOUT)
                            .build();
        }
        return http;
    }

    /**
     * An endpoint override over plain HTTP: an emulator such as moto or LocalStack. The SDK's own connection
     * factory would first build an SSLContext, loading the JDK's trust store (about 0.25 s on a cold JVM), for TLS
     * such an endpoint never uses; against AWS (https) the JDK loads it for the first handshake anyway, so there
     * the SDK's factory stays.
     */
    static boolean plainHttp(URI endpoint) {
        return endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
    }

    /** What the SDK's factory does for an http:// URL: a JDK connection with the same timeouts. */
    private static HttpURLConnection plainHttpConnection(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a connection to " + uri + ": " + e.getMessage(), e);
        }
    }

    private AwsCredentialsProvider credentials() {
        if (credentials == null) {
            if (settings.credentials() != null) {
                credentials = settings.credentials();
            } else if (settings.profile() != null) {
                credentials = ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
            } else {
                credentials = DefaultCredentialsProvider.builder().build();
            }
        }
        return credentials;
    }

    private static Region checkedRegion(AwsSettings settings) {
        Region region = Region.of(settings.region());
        // An emulator accepts any name; against AWS an unknown region would only fail later as an unknown host.
        if (settings.endpoint() == null && region.metadata() == null) {
            throw new DeployException("The region '" + settings.region() + "' is not an AWS region known to this "
                    + "plugin; perhaps you should check provider.region or -Dserverless.region (e.g. us-east-1).");
        }
        return region;
    }

    @Override
    public void close() {
        for (AutoCloseable client : opened) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        opened.clear();
        if (http != null) {
            http.close();
        }
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
