package io.github.serverlessmaven.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsSettings;
import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.deploy.DeployReport;
import io.github.serverlessmaven.testing.FaultProxy;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.MotoProject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys through {@link FaultProxy}: with resets, 5xx answers, throttling and latency on 10% of the requests, a
 * deploy either succeeds (the SDK's retries absorb the faults) or fails with one plain sentence, and the next
 * deploy without faults always brings the function to the expected code.
 */
class FaultyNetworkDeployMotoTest {

    private static final Pattern STACK_TRACE_LIKE = Pattern.compile(
            "\\tat |\\n\\s+at |(java|javax|software|sun|io\\.github)\\.[a-z0-9_.]+\\.[A-Z]\\w*(Exception|Error)"
                    + "|Request ID|SDK Attempt Count|NullPointer");

    @TempDir
    Path dir;

    Moto moto;
    FaultProxy proxy;
    AwsClients direct;
    AwsClients throughProxy;
    MotoProject project;

    @BeforeEach
    void setUp() throws IOException {
        moto = Moto.fromSystemProperty();
        moto.reset();
        direct = moto.clients();
        proxy = FaultProxy.start(moto.endpoint(), 20261123L).maxLatency(Duration.ofMillis(100));
        AwsSettings viaProxy = new AwsSettings(Moto.REGION, null, proxy.endpoint(),
                AwsSettings.DEFAULT_MAX_ATTEMPTS, moto.settings().credentials());
        throughProxy = new AwsClients(viaProxy);
        project = new MotoProject(dir);
    }

    @AfterEach
    void tearDown() {
        throughProxy.close();
        direct.close();
        proxy.close();
    }

    @Test
    void twentyDeploysUnderTenPercentFaultsSucceedOrFailPlainlyAndTheNextCleanDeployAlwaysWorks()
            throws IOException {
        project.write("v0");
        project.deploy(throughProxy);
        List<String> failures = new ArrayList<>();
        int succeeded = 0;

        for (int i = 1; i <= 20; i++) {
            boolean changed = i % 2 == 1;
            if (changed) {
                project.writeJar("v" + i);
            }
            proxy.faultRate(0.10);
            try {
                DeployReport report = project.deploy(throughProxy);
                assertThat(report.result()).isIn("deployed", "unchanged");
                succeeded++;
            } catch (DeployException | ConfigException e) {
                assertPlainSentence(e.getMessage());
                failures.add(e.getMessage());
                proxy.faultRate(0);
                assertThat(project.deploy(throughProxy).result()).isIn("deployed", "unchanged");
            } catch (RuntimeException e) {
                fail("deploy " + i + " failed with an unexpected " + e.getClass().getName() + ": " + e.getMessage(),
                        e);
            }
            proxy.faultRate(0);
            assertThat(project.codeSha256(direct)).as("code after deploy %d", i).isEqualTo(project.jarSha256());
        }

        System.out.println("fault proxy: " + proxy.faultCounts() + ", " + succeeded + " of 20 deploys succeeded; "
                + "failures: " + failures);
        System.out.println("requests by API: " + proxy.requestCounts());
        Map<FaultProxy.Fault, Integer> faults = proxy.faultCounts();
        assertThat(proxy.totalFaults()).as("faults injected").isGreaterThan(10);
        assertThat(faults.keySet()).contains(FaultProxy.Fault.RESET, FaultProxy.Fault.THROTTLING,
                FaultProxy.Fault.SLOW_DOWN);
        assertThat(proxy.requestCounts()).containsKeys("cloudformation:CreateChangeSet",
                "cloudformation:ExecuteChangeSet", "s3:PUT object");
        // Five attempts per request make a whole deploy failing under 10% faults rare.
        assertThat(succeeded).isGreaterThanOrEqualTo(17);
    }

    @Test
    void whenEveryRequestFailsTheDeployStopsWithOneSentenceNamingTheStep() throws IOException {
        project.write("v1");
        project.deploy(throughProxy);
        project.writeJar("v2");
        proxy.faultRate(1.0).only(FaultProxy.Fault.HTTP_503);

        try {
            project.deploy(throughProxy);
            fail("a deploy with every request failing succeeded");
        } catch (DeployException e) {
            assertPlainSentence(e.getMessage());
            assertThat(e.getMessage()).startsWith("Could not read stack demo-dev");
        }
        proxy.faultRate(0);
        assertThat(project.deploy(throughProxy).result()).isEqualTo("deployed");
        assertThat(project.codeSha256(direct)).isEqualTo(project.jarSha256());
    }

    private static void assertPlainSentence(String message) {
        assertThat(message).as("failure message").isNotBlank().doesNotContain("\n")
                .doesNotContainPattern(STACK_TRACE_LIKE);
    }
}
