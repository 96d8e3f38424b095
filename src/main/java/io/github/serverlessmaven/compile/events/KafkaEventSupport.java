package io.github.serverlessmaven.compile.events;

import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.template.Cfn;
import java.util.List;
import java.util.Map;

/**
 * What the {@code msk} and {@code kafka} compilers share: v3 defines both events with the same starting
 * position, consumer group and filter settings, and both grant the same network-interface actions.
 */
final class KafkaEventSupport {

    static final List<String> STARTING_POSITIONS = List.of("LATEST", "TRIM_HORIZON", "AT_TIMESTAMP");

    private KafkaEventSupport() {}

    /**
     * The EC2 actions Lambda needs to reach a cluster or broker inside a VPC; v3 adds this statement to the
     * execution role for every function with an msk, activemq or rabbitmq event, and for every function whose
     * kafka events name a subnet or group.
     */
    static Map<String, Object> ec2Statement() {
        return Cfn.map("Effect", "Allow",
                "Action", Cfn.list("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
                        "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"),
                "Resource", "*");
    }

    /** A required string setting, such as the topic; the error names what it is for. */
    static String required(ConfigReader r, String key, String what, String fix) {
        if (!r.has(key)) {
            throw r.error(key, "missing required property '" + key + "' (" + what + ")", fix);
        }
        return r.optString(key).orElseThrow();
    }

    /** {@code startingPosition}, TRIM_HORIZON when absent, as v3 defaults it. */
    static String startingPosition(ConfigReader r) {
        return r.optEnum("startingPosition", STARTING_POSITIONS).orElse("TRIM_HORIZON");
    }

    /**
     * {@code startingPositionTimestamp} (a number, kept as written), or null. v3 refuses AT_TIMESTAMP without one
     * at package time; the error points at the starting position, as the stream event's does.
     */
    static Object startingPositionTimestamp(ConfigReader r, String startingPosition) {
        Node raw = r.raw("startingPositionTimestamp");
        if (raw == null) {
            if (startingPosition.equals("AT_TIMESTAMP")) {
                throw r.error("startingPosition", "startingPosition AT_TIMESTAMP needs startingPositionTimestamp",
                        "add startingPositionTimestamp: <unix seconds>");
            }
            return null;
        }
        if (raw instanceof ScalarNode s && s.value() instanceof Number n) {
            return n;
        }
        if (raw instanceof ScalarNode s && s.value() instanceof String text && text.matches("-?\\d{1,15}")) {
            return Long.parseLong(text);
        }
        throw ConfigReader.typeError(raw, r.childPath("startingPositionTimestamp"), "a number (Unix time in seconds)");
    }

    /** {@code maximumBatchingWindow}: v3 writes it only when truthy, so 0 leaves the property out. */
    static Integer maximumBatchingWindow(ConfigReader r) {
        return r.optInt("maximumBatchingWindow", 0, 300).filter(v -> v != 0).orElse(null);
    }

    /** {@code consumerGroupId} (at most 200 characters), or null when absent or empty (v3 tests truthiness). */
    static Map<String, Object> consumerGroup(ConfigReader r) {
        String id = r.optString("consumerGroupId").orElse("");
        if (id.length() > 200) {
            throw r.error("consumerGroupId", "consumerGroupId is " + id.length() + " characters long, the limit is "
                    + "200", "use a shorter consumer group ID");
        }
        return id.isEmpty() ? null : Cfn.map("ConsumerGroupId", id);
    }

    /** {@code filterPatterns}: one to ten pattern maps, as v3's schema allows. */
    static Map<String, Object> filterCriteria(ConfigReader r) {
        int count = r.list("filterPatterns").size();
        if (count > 10) {
            throw r.error("filterPatterns", "expected at most 10 filter patterns, found " + count,
                    "merge patterns or drop some (Lambda accepts 10 per event source mapping)");
        }
        return EventSupport.filterCriteria(r, "filterPatterns");
    }
}
