package io.github.serverlessmaven.config;

import java.util.List;
import java.util.Map;

/**
 * CloudFormation's short-form tags as the long forms v3 writes ({@code !Ref X} to {@code {Ref: X}},
 * {@code !Sub ...} to {@code {Fn::Sub: ...}}, {@code !GetAtt A.B} to {@code {Fn::GetAtt: [A, B]}}), for both YAML
 * readers, which must build the same tree.
 */
final class ShortForms {

    private ShortForms() {}

    /** The long form of the tag {@code !name} over {@code value}, placed at the tag. */
    static MapNode longForm(String name, Node value, Position tag) {
        String key = switch (name) {
            case "Ref", "Condition" -> name;
            default -> "Fn::" + name;
        };
        return new MapNode(Map.of(key, value), Map.of(key, tag), tag);
    }

    /** {@code A.B} of a scalar {@code !GetAtt} as the list {@code [A, B]}, or null when it has no dot. */
    static ListNode getAttParts(String text, Position tag) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return null;
        }
        return new ListNode(List.of(new ScalarNode(text.substring(0, dot), tag),
                new ScalarNode(text.substring(dot + 1), tag)), tag);
    }
}
