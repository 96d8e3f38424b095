package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.naming.Naming;
import io.github.serverlessmaven.project.Log;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The environment variables of a local invocation: what the Lambda service sets (as v3's invoke local sets
 * them), then the function's configured environment, then {@code -Dserverless.env.*} overrides.
 */
final class LambdaEnvironment {

    private LambdaEnvironment() {}

    static Map<String, String> of(Service service, FunctionDef fn, Path taskRoot, Map<String, String> overrides,
            Log log) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", fn.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(fn.memorySize()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", Naming.logGroupName(fn.name()));
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter
                .ofPattern("yyyy/MM/dd")) + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", ""));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", service.region());
        env.put("AWS_DEFAULT_REGION", service.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + fn.runtime());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toAbsolutePath().toString());
        env.put("TZ", "UTC");
        env.put("IS_LOCAL", "true");
        String profile = service.provider().profile();
        if (profile != null) {
            env.put("AWS_PROFILE", profile);
        }
        fn.environment().forEach((name, value) -> {
            if (value == null || overrides.containsKey(name)) {
                return;
            }
            if (value instanceof Map || value instanceof List) {
                log.warn("environment variable " + name + " of function " + fn.key() + " is a CloudFormation "
                        + "expression that only AWS can resolve, so it is not set locally; perhaps you should pass "
                        + "-Dserverless.env." + name + "=value");
                return;
            }
            env.put(name, plainText(value));
        });
        env.putAll(overrides);
        return env;
    }

    private static String plainText(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
