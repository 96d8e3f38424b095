package io.github.serverlessmaven.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads generated templates back for assertions, and digs into them by logical ID. */
public final class Templates {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Templates() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> resources(Map<String, Object> template) {
        return (Map<String, Object>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> resource(Map<String, Object> template, String logicalId) {
        return (Map<String, Object>) resources(template).get(logicalId);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> template, String logicalId) {
        Map<String, Object> resource = resource(template, logicalId);
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId + " in " + resources(template).keySet());
        }
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> outputs(Map<String, Object> template) {
        return (Map<String, Object>) template.get("Outputs");
    }

    /** The statement Lambda needs to reach a VPC, as v3 adds it for msk, activemq, rabbitmq and kafka in a VPC. */
    public static final Map<String, Object> EC2_NETWORK_STATEMENT = Map.of("Effect", "Allow", "Action", List.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
            "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"), "Resource", "*");

    /** The statements of a role's first (inline) policy. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> roleStatements(Map<String, Object> template, String role) {
        Map<String, Object> policy = (Map<String, Object>) ((List<Object>) properties(template, role)
                .get("Policies")).get(0);
        return (List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
    }

    /**
     * The shared execution role's statements after the two log statements every service has (which it checks
     * are there): what the events added.
     */
    public static List<Map<String, Object>> eventStatements(Map<String, Object> template) {
        List<Map<String, Object>> statements = roleStatements(template, "IamRoleLambdaExecution");
        if (!String.valueOf(statements.get(0).get("Action")).contains("logs:CreateLogStream")
                || !List.of("logs:PutLogEvents").equals(statements.get(1).get("Action"))) {
            throw new AssertionError("the role does not start with the two log statements: " + statements);
        }
        return statements.subList(2, statements.size());
    }
}
