package io.github.serverlessmaven.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for CloudFormation intrinsic functions and ordered maps, as plain Java values. */
public final class Cfn {

    private Cfn() {}

    public static Map<String, Object> ref(String logicalId) {
        return map("Ref", logicalId);
    }

    public static Map<String, Object> getAtt(String logicalId, String attribute) {
        return map("Fn::GetAtt", list(logicalId, attribute));
    }

    public static Map<String, Object> join(String delimiter, Object... parts) {
        return map("Fn::Join", list(delimiter, list(parts)));
    }

    public static Map<String, Object> sub(String text) {
        return map("Fn::Sub", text);
    }

    /** {@code arn:${AWS::Partition}:...} built with Fn::Join as v3 writes it: "arn:", partition, rest... */
    public static Map<String, Object> arnJoin(Object... rest) {
        List<Object> parts = new ArrayList<>();
        parts.add("arn:");
        parts.add(ref("AWS::Partition"));
        parts.addAll(Arrays.asList(rest));
        return map("Fn::Join", list("", parts));
    }

    /** An insertion-ordered map from alternating keys and values; null values are kept out. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                m.put((String) keysAndValues[i], value);
            }
        }
        return m;
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public static Map<String, Object> resource(String type, Map<String, Object> properties) {
        return map("Type", type, "Properties", properties);
    }

    /** True when the value is an intrinsic function map such as {Ref: X} or {Fn::GetAtt: ...}. */
    public static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1
                && isIntrinsicKey(String.valueOf(m.keySet().iterator().next()));
    }

    /** The key that makes a one-entry map an intrinsic function: {@code Ref}, {@code Fn::...}, {@code Condition}. */
    public static boolean isIntrinsicKey(String key) {
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }
}
