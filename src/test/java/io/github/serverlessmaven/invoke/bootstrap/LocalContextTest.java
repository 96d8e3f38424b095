package io.github.serverlessmaven.invoke.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocalContextTest {

    @Test
    void reportsTheFactsAndLogsToTheGivenStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + 600_000_000_000L;
        Context context = (Context) LocalContext.create(Context.class, new LocalContext.Facts("req-1", "demo-dev-hello",
                "$LATEST", "arn:aws:lambda:us-east-1:000000000000:function:demo-dev-hello", "/aws/lambda/demo-dev-hello",
                "stream", 256, deadline), log);

        assertThat(context.getAwsRequestId()).isEqualTo("req-1");
        assertThat(context.getFunctionName()).isEqualTo("demo-dev-hello");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(256);
        // The deadline is 10 minutes away: a minute of stall on a busy machine still passes.
        assertThat(context.getRemainingTimeInMillis()).isBetween(540_000, 600_000);
        Context expired = (Context) LocalContext.create(Context.class, new LocalContext.Facts("req-2", "f", "$LATEST",
                "arn", "group", "stream", 128, System.nanoTime() - 1), log);
        assertThat(expired.getRemainingTimeInMillis()).isZero();
        assertThat(context.getIdentity()).isNull();
        assertThat(context.toString()).isEqualTo("LocalContext[req-1]");
        context.getLogger().log("plain");
        context.getLogger().log("bytes\n".getBytes(StandardCharsets.UTF_8));
        context.getLogger().log("leveled", LogLevel.WARN);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("plain\nbytes\n[WARN] leveled\n");
    }
}
