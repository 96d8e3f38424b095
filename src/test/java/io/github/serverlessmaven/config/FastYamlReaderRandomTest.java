package io.github.serverlessmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random documents, and random damage to them: whatever the fast reader accepts must be what snakeyaml reads,
 * positions included, and never something snakeyaml refuses. Seeds are fixed, so a failure repeats.
 */
class FastYamlReaderRandomTest {

    private static final List<String> KEYS = List.of("a", "b", "name", "key with space", "a:b", "${self:x}", "1",
            "true", "'quoted'", "\"dq\"", "Fn::Join", "-x", "?y", "x#y", "null", "é", "k ", "'it''s'");
    private static final List<String> SCALARS = List.of("1", "-1", "+1", "0", "-0", "1.5", "1.", "1e3", "1E-3",
            "0x1F", "017", "08", "1_000", "12345678901234567890", "2147483648", "true", "True", "TRUE", "tRUE",
            "yes", "off", "~", "null", "Null", "NULL", "''", "\"\"", "'q'", "'a''b'", "\"d\\n\\t\\\"\"", "\"\\/\"",
            "\"\\u0041\"", "a b", "a#b", "a #c", "http://x:80/y", "arn:aws:sqs:us-east-1:1:q", "${self:custom.x}",
            "${env:X, 'y'}", "2001-12-14", "2001-12-14 21:59:43.10 -5", ".inf", "-.inf", ".nan", ".5", "-x",
            "1.2.3", "200-299", "1:30", "héllo", "a😀b", "rate(1 minute)", "cron(0 6 * * ? *)", "a: b", "- a",
            "x: ", "<<", "=", "&a x", "*a", "!!str 1", "a,b", "[a]", "{a: 1}", "[]", "{}", "[a, [b, c], {d: e}]",
            "{ Ref: X }", "[Fn::GetAtt: [B, Arn], '/x']", "{a:1}", "[a:b]", "[a, ]", "'unclosed", "@x", "%x",
            "$.detail", "/path/{id}", "GET /items/{id}", "'{\"id\": <id>}'", "*", "-", "?", ":x", "a:", "|", ">");
    private static final List<String> BLOCK_LINES = List.of("# not a comment", "- item", "key: value", "---", "...");
    private static final List<String> TAGS = List.of("!Ref", "!GetAtt", "!Sub", "!Join", "!If", "!ImportValue",
            "!!str", "!Fn::X", "!");

    private final Random random = new Random();

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String indent(int n) {
        return " ".repeat(n);
    }

    private String comment() {
        int r = random.nextInt(10);
        return r == 0 ? " # note" : r == 1 ? "   " : "";
    }

    /** Appends a value that goes after "key:" or "-" (the text starts with what follows the indicator). */
    private void value(StringBuilder out, int indent, int depth, boolean mapValue) {
        int r = random.nextInt(depth > 3 ? 4 : 12);
        switch (r) {
            case 0, 1, 2 -> out.append(' ').append(pick(SCALARS)).append(comment()).append('\n');
            case 3 -> out.append(comment()).append('\n');
            case 4 -> {
                out.append(comment()).append('\n');
                int inner = mapValue && random.nextBoolean() ? indent : indent + 1 + random.nextInt(3);
                sequence(out, inner, depth + 1);
            }
            case 5, 6 -> {
                out.append(comment()).append('\n');
                mapping(out, indent + 1 + random.nextInt(3), depth + 1);
            }
            case 7 -> {
                out.append(' ').append(pick(TAGS));
                if (random.nextBoolean()) {
                    out.append(' ').append(pick(List.of("A.B", "X", "'a.b'", "[a, !Ref B]", "['', [a, b]]", "A")))
                            .append('\n');
                } else {
                    out.append('\n');
                    int r2 = random.nextInt(3);
                    if (r2 == 0) {
                        sequence(out, mapValue && random.nextBoolean() ? indent : indent + 2, depth + 1);
                    } else if (r2 == 1) {
                        mapping(out, indent + 1 + random.nextInt(2), depth + 1);
                    }
                }
            }
            case 8 -> blockScalar(out, indent);
            case 9 -> {
                out.append(" |").append('\n');
                out.append(indent(indent + 2)).append(pick(SCALARS)).append('\n');
            }
            default -> out.append(' ').append(flow(depth)).append(comment()).append('\n');
        }
    }

    private String flow(int depth) {
        if (depth > 4 || random.nextInt(3) == 0) {
            String s = pick(SCALARS);
            return random.nextInt(6) == 0 ? pick(TAGS) + " " + s : s;
        }
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(4);
        boolean map = random.nextBoolean();
        out.append(map ? "{" : "[").append(flowSpace());
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(random.nextInt(8) == 0 ? "," : ", ").append(flowSpace());
            }
            if (map) {
                out.append(pick(KEYS)).append(random.nextInt(10) == 0 ? ":" + flowSpace() : ": ");
            }
            out.append(flow(depth + 1));
        }
        out.append(flowSpace()).append(map ? "}" : "]");
        return out.toString();
    }

    /** Space between flow tokens: mostly none or one, sometimes a line break, a comment, a blank line. */
    private String flowSpace() {
        return switch (random.nextInt(12)) {
            case 0 -> "\n" + indent(random.nextInt(5));
            case 1 -> " # c\n" + indent(random.nextInt(5));
            case 2 -> "\n\n" + indent(random.nextInt(3));
            case 3, 4, 5 -> " ";
            default -> "";
        };
    }

    private void blockScalar(StringBuilder out, int indent) {
        out.append(' ').append(pick(List.of("|", ">", "|-", ">-", "|+", ">+", "|2", ">1-", "|-2")))
                .append(comment()).append('\n');
        int base = indent + 1 + random.nextInt(3);
        int lines = random.nextInt(5);
        for (int i = 0; i < lines; i++) {
            int r = random.nextInt(6);
            if (r == 0) {
                out.append(indent(random.nextInt(base + 2))).append('\n');
            } else {
                out.append(indent(base + (r == 1 ? 2 : 0)))
                        .append(r == 2 ? pick(BLOCK_LINES) : pick(SCALARS))
                        .append(random.nextInt(5) == 0 ? "  " : "").append('\n');
            }
        }
    }

    private void mapping(StringBuilder out, int indent, int depth) {
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(8) == 0) {
                out.append(indent(random.nextInt(6))).append("# comment\n");
            }
            if (random.nextInt(10) == 0) {
                out.append('\n');
            }
            out.append(indent(indent)).append(pick(KEYS)).append(':');
            value(out, indent, depth, true);
        }
    }

    private void sequence(StringBuilder out, int indent, int depth) {
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.append(indent(indent)).append('-');
            if (random.nextInt(3) == 0) {
                // a compact map: "- key: value" and its other keys under the first
                int column = indent + 2;
                out.append(' ').append(pick(KEYS)).append(':');
                value(out, column, depth + 1, true);
                if (random.nextBoolean()) {
                    out.append(indent(column)).append(pick(KEYS)).append(':');
                    value(out, column, depth + 1, true);
                }
            } else {
                value(out, indent, depth + 1, false);
            }
        }
    }

    private String document() {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(10) == 0) {
            out.append("---\n");
        }
        int rootIndent = random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
        if (random.nextInt(8) == 0) {
            sequence(out, rootIndent, 0);
        } else {
            mapping(out, rootIndent, 0);
        }
        String text = out.toString();
        return random.nextInt(10) == 0 ? text.replace("\n", "\r\n") : text;
    }

    private char pickChar(String from) {
        return from.charAt(random.nextInt(from.length()));
    }

    private String damage(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length() > 0; e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, pickChar(" :-#'\"[]{},!|>\n\t&*?%@`\\.0e"));
                default -> out.setCharAt(at, pickChar(" :-#'\"[]{},\n"));
            }
        }
        return out.toString();
    }

    /** @return whether the fast reader read it */
    private static boolean check(String yaml) {
        Node fast = FastYamlReader.read(yaml, "r.yml");
        if (fast == null) {
            return false;
        }
        Node slow;
        try {
            slow = YamlLoader.loadWithSnakeyaml(yaml, "r.yml");
        } catch (ConfigException e) {
            throw new AssertionError("the fast reader accepted what snakeyaml refuses (" + e.getMessage() + "):\n"
                    + yaml + "\nfast tree:\n" + FastYamlReaderTest.dump(fast));
        }
        assertThat(FastYamlReaderTest.dump(fast)).as("fast tree of:\n%s", yaml)
                .isEqualTo(FastYamlReaderTest.dump(slow));
        return true;
    }

    @Test
    void randomDocumentsReadAsSnakeyamlReadsThemOrFallBack() {
        int runs = Integer.getInteger("fastYaml.randomRuns", 4000);
        int fast = checkMany("random documents", 20261123L, runs, this::document);
        // The generator writes odd values on purpose; a reader that gave up on everything must not pass.
        assertThat(fast).as("documents read by the fast reader").isGreaterThan(runs / 10);
    }

    @Test
    void damagedDocumentsReadAsSnakeyamlReadsThemOrFallBack() {
        int runs = Integer.getInteger("fastYaml.randomRuns", 6000);
        int fast = checkMany("damaged documents", 42L, runs, () -> damage(document()));
        assertThat(fast).as("damaged documents read by the fast reader").isGreaterThan(runs / 20);
    }

    /**
     * Checks {@code runs} documents from the generator, seeded with {@code seed} unless -DfastYaml.seed is set;
     * returns how many the fast reader read.
     */
    private int checkMany(String what, long seed, int runs, Supplier<String> documents) {
        random.setSeed(Long.getLong("fastYaml.seed", seed));
        int fast = 0;
        for (int i = 0; i < runs; i++) {
            if (check(documents.get())) {
                fast++;
            }
        }
        System.out.println(what + " read by the fast reader: " + fast + " of " + runs);
        return fast;
    }
}
