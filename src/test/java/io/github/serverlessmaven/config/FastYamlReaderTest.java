package io.github.serverlessmaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast reader either gives exactly snakeyaml's tree (values, Java types, key order, every position) or gives
 * up; and it must not give up on what serverless.yml files ordinarily contain, or it would be pointless.
 */
class FastYamlReaderTest {

    private static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Pattern ANCHORS_ALIASES_MERGES = Pattern.compile("(^|[\\s\\[{,])[&*][A-Za-z]|<<\\s*:");

    /** A rendering that, unlike the records' equals, sees key order, key positions and the Java type of values. */
    static String dump(Node node) {
        StringBuilder out = new StringBuilder();
        dump(node, out, "");
        return out.toString();
    }

    private static void dump(Node node, StringBuilder out, String indent) {
        Position p = node.position();
        String at = "@" + p.source() + ":" + p.line() + ":" + p.column();
        if (node instanceof MapNode map) {
            out.append("map ").append(at).append('\n');
            map.entries().forEach((key, value) -> {
                Position k = map.keyPositions().get(key);
                out.append(indent).append("  key ").append(quote(key)).append(" @").append(k.line()).append(':')
                        .append(k.column()).append(" = ");
                dump(value, out, indent + "    ");
            });
        } else if (node instanceof ListNode list) {
            out.append("list ").append(at).append('\n');
            for (Node item : list.items()) {
                out.append(indent).append("  - ");
                dump(item, out, indent + "    ");
            }
        } else {
            Object value = ((ScalarNode) node).value();
            out.append(value == null ? "null" : value.getClass().getSimpleName() + " " + quote(value.toString()))
                    .append(' ').append(at).append('\n');
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
    }

    /** Asserts the fast reader gives snakeyaml's tree or nothing; returns whether it gave a tree. */
    private static boolean sameAsSnakeyamlOrNull(String yaml, String display) {
        Node fast = FastYamlReader.read(yaml, display);
        if (fast == null) {
            return false;
        }
        Node slow;
        try {
            slow = YamlLoader.loadWithSnakeyaml(yaml, display);
        } catch (ConfigException e) {
            throw new AssertionError("the fast reader accepted what snakeyaml refuses (" + e.getMessage() + "):\n"
                    + yaml + "\nfast tree:\n" + dump(fast));
        }
        assertThat(dump(fast)).as("fast tree of %s:\n%s", display, yaml).isEqualTo(dump(slow));
        assertThat(fast).isEqualTo(slow);
        return true;
    }

    static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src/test/resources", "src/it", "examples")) {
            try (Stream<Path> walk = Files.walk(BASE.resolve(dir))) {
                walk.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                        .filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void corpusIsFound() throws IOException {
        assertThat(corpus()).hasSizeGreaterThan(80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileReadsAsSnakeyamlReadsItOrFallsBack(Path file) throws IOException {
        String yaml;
        try {
            yaml = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return; // the invalid UTF-8 case never reaches either reader
        }
        sameAsSnakeyamlOrNull(yaml, BASE.relativize(file).toString());
    }

    @Test
    void everyParityServiceWithoutAnchorsIsReadByTheFastReader() throws IOException {
        List<Path> services;
        try (Stream<Path> walk = Files.walk(BASE.resolve("src/test/resources/parity"))) {
            services = walk.filter(f -> f.getFileName().toString().equals("serverless.yml")).sorted().toList();
        }
        assertThat(services).hasSizeGreaterThan(15);
        for (Path file : services) {
            String yaml = Files.readString(file);
            if (ANCHORS_ALIASES_MERGES.matcher(yaml).find()) {
                continue;
            }
            assertThat(sameAsSnakeyamlOrNull(yaml, file.toString())).as("read by the fast reader: %s", file).isTrue();
        }
    }

    @Test
    void examplesAndBadInputsThatAreValidYamlAreReadByTheFastReader() throws IOException {
        List<String> fellBack = new ArrayList<>();
        for (Path file : corpus()) {
            String name = file.getFileName().toString();
            if (name.startsWith("yaml-") || name.equals("getatt-without-attribute.yml")) {
                continue; // the YAML error cases and the converter's !GetAtt error, which must fall back
            }
            if (!sameAsSnakeyamlOrNull(Files.readString(file), file.toString())) {
                fellBack.add(BASE.relativize(file).toString());
            }
        }
        assertThat(fellBack).as("files left to snakeyaml").isEmpty();
    }

    @Test
    void aGenerated300FunctionServiceIsReadByTheFastReader() throws IOException {
        String yaml = Files.readString(BASE.resolve("src/test/resources/config/fast-yaml/service-300.yml"));
        assertThat(yaml.lines().count()).isGreaterThan(1000);
        assertThat(sameAsSnakeyamlOrNull(yaml, "service-300.yml")).isTrue();
        MapNode root = (MapNode) FastYamlReader.read(yaml, "service-300.yml");
        assertThat(((MapNode) root.get("functions")).entries()).hasSize(300);
    }

    /** Snippets that must be read by the fast reader (and equal snakeyaml's reading). */
    static Stream<String> supported() {
        return Stream.of(
                "a: 1\n",
                "a: 1",
                "a:\n",
                "a:",
                "a: # nothing\nb: 2\n",
                "a:\n  # nothing here\nb: 2\n",
                "# only a comment\n",
                "",
                "---\nservice: x\n",
                "# head\n---\nservice: x\n",
                "a: b:c\n",
                "a: b#c\n",
                "a: b #c\n",
                "a: 'b #c'\n",
                "a: \"b: c\"\n",
                "a: 'it''s'\n",
                "a: \"tab\\tand\\nnew \\\"q\\\" \\\\ \\r\"\n",
                "a: value with trailing spaces   \nb: 1  \n",
                "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
                "url: http://example.com:8080/x\n",
                "s: ${self:custom.x}\nt: ${env:X, 'y'}\nu: ${opt:stage, self:provider.stage}\n",
                "arn: arn:aws:sqs:us-east-1:123456789012:queue\n",
                "numbers: [1, -1, +1, 0, -0, 1.5, -1.5, 1., 1e3, 1E-3, 1.5e+3]\n",
                "big: [2147483647, 2147483648, -2147483648, -2147483649, 123456789012345678]\n",
                "bools: [true, True, TRUE, false, False, FALSE, yes, no, on, off, Yes, ON, tRUE]\n",
                "nulls: [~, null, Null, NULL, nULL]\n",
                "strings: [1h, 1.2.3, 1 minute, rate(5 minutes), .serverless, -x1y, 1:30pm, v1.0]\n",
                "unicode: héllo wörld ✓\nkey ü: \"日本\"\n",
                "emoji: a😀b\nafter: [😀, x]\n",
                "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
                "list:\n  - a\n  - b\n",
                "list:\n- a\n- b\nnext: 1\n",
                "list:\n  - name: a\n    value: 1\n  - name: b\n    nested:\n      - x\n",
                "fn:\n  events:\n    - http:\n        path: x\n        method: get\n    - sqs: arn:x\n",
                "- a\n- b: 1\n  c: 2\n",
                "a:\n- b:\n  - x\n  c: 1\n",
                "-   spaced: 1\n    next: 2\n",
                "flow: [a, b, [c, d], {e: f, g: [h]}]\n",
                "flow: { Ref: X }\n",
                "flow: []\nmap: {}\n",
                "flow: ['', \"x\", 'a, b']\n",
                "json: {\"a\":1, \"b\": \"c\"}\n",
                "flow: [a b, c d]\n",
                "flow: [\n  a,\n  b\n]\nnext: 1\n",
                "flow: [a, # comment\n  b,#c\n  {c: d,\n e:\n   f}]\n",
                "Action: [\n  \"s3:GetObject\",\n  \"s3:PutObject\"\n]\n",
                "flow: [a\n  , b\n\n  ]\n",
                "a:\n  b: [\nx]\n",
                "{\n  \"a\": 1,\n  \"b\": [true, null, 1.5, \"x\"],\n  \"c\": {\"d\": {}}\n}\n",
                "- [a,\n  b]\n- c\n",
                "flow: [Fn::GetAtt: [B, Arn], 'k': v, \"q\":w, a:b, AWS::NoValue, http://x]\n",
                "a: !Ref Bucket\n",
                "b: !GetAtt Queue.Arn\n",
                "b: !GetAtt A.B.C\n",
                "b: !GetAtt 'A.B'\n",
                "c: !Sub 'arn:${AWS::Partition}:s3:::x'\n",
                "d: !Join [':', [a, !Ref B]]\n",
                "e: !If [Cond, !GetAtt A.Arn, !Ref AWS::NoValue]\n",
                "f: !ImportValue other-stack-Output\n",
                "g: !Join\n  - ''\n  - - 'arn:'\n    - !Ref AWS::Partition\n",
                "g: !Join\n- ''\n- - x\nnext: 1\n",
                "h: !Ref\nnext: 1\n",
                "i: !Ref 123\n",
                "j:\n  - !Ref A\n  - !GetAtt B.Arn\n",
                "k: !Sub |\n  line ${A}\n  two\n",
                "l: !Equals\n  a: 1\n",
                "m:\n  !Ref X\n",
                "lit: |\n  a\n   b\n\n  c\n",
                "lit: |-\n  a\n  b\n\nnext: 1\n",
                "lit: |+\n  a\n\n\nnext: 1\n",
                "fold: >\n  a\n  b\n\n  c\n    d\n  e\n",
                "fold: >-\n  a\n  b\n",
                "lit: |2\n    a\n  b\n",
                "lit: |\n\n  a\n",
                "lit: |\nnext: 1\n",
                "lit: | # comment\n  # not a comment\n  x\n# a comment\nnext: 1\n",
                "lit: |\n  a",
                "- |\n  a\n- >\n  b\n",
                "list:\n- |\n  a\n- b\n",
                "'quoted key': 1\n\"other\": 2\n",
                "key : 1\n",
                "a b c: d e f\n",
                "-x: 1\n?y: 2\n",
                "a: :x\n",
                "empty: ''\nempty2: \"\"\n",
                "{a: 1}\n",
                "[a, b]\n",
                "  a: 1\n  b: 2\n",
                "a: x # c\n# c\n\n\nb: y\n");
    }

    @ParameterizedTest
    @MethodSource("supported")
    void supportedSnippetsAreReadByTheFastReaderAsSnakeyamlReadsThem(String yaml) {
        assertThat(sameAsSnakeyamlOrNull(yaml, "s.yml")).as("read by the fast reader:\n%s", yaml).isTrue();
    }

    /** Snippets the fast reader may give up on; when it does not, it must agree with snakeyaml. */
    static Stream<String> tricky() {
        return Stream.of(
                "a: 0x1F\n", "a: 017\n", "a: 08\n", "a: 1_000\n", "a: 0o17\n", "a: 0b101\n", "a: 1:30\n",
                "a: .inf\n", "a: -.inf\n", "a: .NaN\n", "a: .5\n",
                "a: 2001-12-14\n", "a: 2001-12-14t21:59:43.10-05:00\n",
                "a: 12345678901234567890\n", "a: -foo\n", "a: +\n",
                "a: <<\n", "<<: {a: 1}\n", "a: &x 1\nb: *x\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n---\nb: 2\n",
                "a: 1\n...\n", "---\n", "--- a\n", "--- # c\na: 1\n", "? a\n: b\n",
                "a: b\n  c\n", "a: 'b\n  c'\n", "a: \"b\n  c\"\n", "a: \"\\u0041\"\n",
                "a: \"\\/\"\n", "a: \"\\x41\"\n", "a: \"b\\\n  c\"\n",
                "a:\tb\n", "a:\n\t- b\n", "a: [a\n  b]\n", "a: [b\n : c]\n", "a: {b\n : c}\n", "a: [b,\n", "a: [\n",
                "a: [b] \n  c\n", "a: [b\n] c\n", "!Ref X\n", "!Join\n- a\n",
                "a: {a:1}\n", "a: [a:b]\n", "a: [a: b]\n", "a: [a, ]\n",
                "a: {a: }\n", "a: {a}\n", "a: [?a]\n", "a: [-]\n", "a: [-1, -x]\n",
                "a: 1\na: 2\n", "a: {b: 1, b: 2}\n", "a: b: c\n", "a: - b\n", "- - a\n", "-\n  a\n", "- \n- a\n",
                "a: !GetAtt NoDot\n", "a: !!str 1\n", "a: !<tag:x> 1\n", "a: !Fn::Sub x\n", "a: ! x\n",
                "a: [!Ref]\n", "!Ref a: b\n", "a: !Ref [x]\n", "a: !Ref {b: c}\n",
                "a:\n  b: 1\n   c: 2\n", "a:\n  b: 1\n c: 2\n", "a:\n  - b\n  c: 1\n", "- a\nb: 1\n",
                "a: 1\n  b: 2\n", "a: [b] c\n", "a: \"b\" c\n", "a: \"b\"#c\n", "a: [b]#c\n",
                "lit: |0\n  a\n", "lit: |10\n  a\n", "lit: |x\n", "lit: |\n    a\n  b\n", "lit: |\n   \n  a\n",
                "lit: >\n  a\n\n  b\n\n\n", "lit: |\n  a\n b\n", "lit: |-2\n   a\n", "lit: |2-\n   a\n",
                "- >+\n  a\n\n- b\n", "| \n  root\n", "root scalar\n", "'root'\n",
                "a: \u0085\n", "a: \u2028\n", "\uFEFFa: 1\n", "a: 1\rb: 2\n", "a: \u0001\n",
                "a: @x\n", "a: `x`\n", "a: %x\n", "a: |\n  x\n---\n", "a: ,x\n", "a: ]\n", "a: }\n",
                "a: b\n#c\n  d\n", "  a: 1\nb: 2\n", "a:\n  b\nc: d\n",
                "'a': 1\n'a': 2\n", "\"a\":b\n", "a: 'x' # c\n", "[a]: b\n", "{a: b}: c\n",
                "a: x:\n", "a: x :y\n", "a: x : y\n", "a: true:\n", "a: 'b':\n",
                "a: 1e\n", "a: 1e+\n", "a: 1.5.2\n", "a: 1-2\n", "a: 0.\n", "a: +0.5e-3\n", "a: -0\n", "a: 00\n");
    }

    @ParameterizedTest
    @MethodSource("tricky")
    void trickySnippetsAreReadAsSnakeyamlReadsThemOrFallBack(String yaml) {
        sameAsSnakeyamlOrNull(yaml, "s.yml");
    }

    /** Mistakes must reach snakeyaml, so the user sees its message, not something the fast reader made up. */
    static Stream<String> invalid() {
        return Stream.of(
                "service: demo\nprovider:\n  name: aws\n   bad: indent\n",
                "a:\n  b: 1\n c: 2\n",
                "a: 'unclosed\n",
                "a: [b, c\n",
                "a:\n\tb: 1\n",
                "a: b: c\n",
                "a: 1\na: 2\n",
                "a: !GetAtt NoDot\n",
                "- a\nb: 1\n",
                "a: 1\n  b: 2\n");
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidYamlIsLeftToSnakeyamlAndItsMessage(String yaml) {
        assertThat(FastYamlReader.read(yaml, "s.yml")).isNull();
        assertThatThrownBy(() -> YamlLoader.load(yaml, "s.yml")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("s.yml:");
    }

    @Test
    void emptyDocumentIsAnEmptyMapAtTheStart() {
        assertThat(FastYamlReader.read("# nothing\n\n", "s.yml")).isEqualTo(MapNode.empty(new Position("s.yml", 1, 1)));
    }

    @Test
    void tooLargeTextIsLeftToSnakeyaml() {
        String yaml = "a: " + "x".repeat(YamlLoader.MAX_CODE_POINTS) + "\n";
        assertThat(FastYamlReader.read(yaml, "s.yml")).isNull();
    }

    @Test
    void longKeysAreReadAsSnakeyamlReadsThemOrFallBack() {
        for (int length : new int[] {900, 1023, 1024, 1025, 2000}) {
            String key = "k".repeat(length);
            sameAsSnakeyamlOrNull(key + ": 1\n", "s.yml");
            sameAsSnakeyamlOrNull("'" + key + "': 1\n", "s.yml");
            sameAsSnakeyamlOrNull("a: {" + key + ": 1}\n", "s.yml");
            sameAsSnakeyamlOrNull("a: [" + key + ": 1]\n", "s.yml");
        }
        assertThat(sameAsSnakeyamlOrNull("k".repeat(900) + ": 1\n", "s.yml")).isTrue();
    }

    @Test
    void deepNestingIsLeftToSnakeyaml() {
        String yaml = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(FastYamlReader.read(yaml, "s.yml")).isNull();
    }

    @Test
    void positionsAreSnakeyamlsOnes() {
        MapNode root = (MapNode) FastYamlReader.read("""
                a:
                  - !Ref B
                  - [x, {y: 1}]
                c: |
                  text
                d:
                e: "q"
                """, "s.yml");
        ListNode a = (ListNode) root.get("a");
        assertThat(a.position()).isEqualTo(new Position("s.yml", 2, 3));
        assertThat(a.items().get(0).position()).isEqualTo(new Position("s.yml", 2, 5));
        ListNode flow = (ListNode) a.items().get(1);
        assertThat(flow.position()).isEqualTo(new Position("s.yml", 3, 5));
        assertThat(((MapNode) flow.items().get(1)).keyPosition("y")).isEqualTo(new Position("s.yml", 3, 10));
        assertThat(root.get("c").position()).isEqualTo(new Position("s.yml", 4, 4));
        assertThat(root.get("d").position()).isEqualTo(new Position("s.yml", 6, 3));
        assertThat(root.get("e").position()).isEqualTo(new Position("s.yml", 7, 4));
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("a", List.of(Map.of("Ref", "B"), List.of("x", Map.of("y", 1))));
        expected.put("c", "text\n");
        expected.put("d", null);
        expected.put("e", "q");
        assertThat(root.toPlain()).isEqualTo(expected);
    }
}
