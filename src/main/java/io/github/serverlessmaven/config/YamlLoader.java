package io.github.serverlessmaven.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads YAML (and JSON, which is YAML) into a {@link Node} tree that keeps positions. CloudFormation short
 * forms ({@code !Ref}, {@code !GetAtt}, {@code !Sub} ...) become their long map forms, as v3 does.
 */
public final class YamlLoader {

    /** Bounds that keep a hostile document from exhausting memory: aliases, size and expanded node count. */
    static final int MAX_ALIASES = 100;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    static final int MAX_NODES = 500_000;

    private YamlLoader() {}

    public static Node load(Path file) {
        return load(file, file.toString());
    }

    /** @param display how error messages name the file, e.g. relative to the project */
    public static Node load(Path file, String display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Position.of(display), "", "the file does not exist",
                    "create it or point serverless.config at the right file");
        } catch (IOException e) {
            throw new ConfigException(Position.of(display), "", "the file cannot be read (" + e.getMessage() + ")",
                    "check its permissions");
        }
        return load(decodeUtf8(bytes, display), display);
    }

    public static Node load(String text, String display) {
        // Most service files are plain enough for the small reader; it returns null for anything else, and
        // snakeyaml then gives the same tree or the error message, and is not even loaded when it is not needed.
        Node fast = FastYamlReader.read(text, display);
        return fast != null ? fast : loadWithSnakeyaml(text, display);
    }

    static Node loadWithSnakeyaml(String text, String display) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(100);
        org.yaml.snakeyaml.nodes.Node root;
        try {
            // What Yaml.compose does, without building the Yaml facade: its constructor and representer would load
            // some sixty classes that composing never uses.
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(),
                    options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? Position.of(display)
                    : new Position(display, mark.getLine() + 1, mark.getColumn() + 1);
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                Mark start = e.getContextMark();
                String where = start != null && mark != null && start.getLine() != mark.getLine()
                        ? " (started at line " + (start.getLine() + 1) + ", column " + (start.getColumn() + 1) + ")"
                        : "";
                what = e.getContext() + where + ": " + what;
            }
            throw new ConfigException(at, "", "invalid YAML: " + what.replace('\n', ' ').trim(),
                    "fix the YAML syntax at this line (check indentation, quotes and colons)");
        } catch (YAMLException e) {
            throw new ConfigException(Position.of(display), "", "the YAML document cannot be read: " + e.getMessage(),
                    "make the document smaller or remove repeated aliases");
        }
        if (root == null) {
            return MapNode.empty(new Position(display, 1, 1));
        }
        return new Converter(display).convert(root);
    }

    private static String decodeUtf8(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new ConfigException(new Position(display, line, column), "",
                    "the file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[offset] & 0xFF)
                            + " at offset " + offset + ")",
                    "save the file as UTF-8");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lo = 0;
        int hi = bytes.length;
        // The shortest prefix that fails to decode ends in the bad byte (give or take a multi-byte sequence).
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid + 1));
                lo = mid + 1;
            } catch (CharacterCodingException e) {
                hi = mid;
            }
        }
        int offset = Math.min(lo, bytes.length - 1);
        while (offset > 0 && (bytes[offset] & 0xC0) == 0x80 && offset > lo - 3) {
            offset--;
        }
        return offset;
    }

    private static final class Converter {
        private final String display;
        private int nodes;

        Converter(String display) {
            this.display = display;
        }

        Position pos(org.yaml.snakeyaml.nodes.Node n) {
            Mark m = n.getStartMark();
            return m == null ? Position.of(display) : new Position(display, m.getLine() + 1, m.getColumn() + 1);
        }

        Node convert(org.yaml.snakeyaml.nodes.Node n) {
            if (++nodes > MAX_NODES) {
                throw new ConfigException(pos(n), "", "the document expands to more than " + MAX_NODES
                        + " values (an alias bomb?)", "remove the repeated aliases");
            }
            String tag = n.getTag().getValue();
            if (tag.startsWith("!") && !tag.startsWith("!!")) {
                return intrinsic(tag.substring(1), n);
            }
            return plain(n);
        }

        Node plain(org.yaml.snakeyaml.nodes.Node n) {
            Position p = pos(n);
            if (n instanceof MappingNode m) {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Position> keyPositions = new LinkedHashMap<>();
                java.util.Set<String> explicit = new java.util.HashSet<>();
                for (NodeTuple t : m.getValue()) {
                    org.yaml.snakeyaml.nodes.Node k = t.getKeyNode();
                    if (k instanceof org.yaml.snakeyaml.nodes.ScalarNode ks && Tag.MERGE.equals(ks.getTag())) {
                        merge(convert(t.getValueNode()), entries, keyPositions);
                        continue;
                    }
                    if (!(k instanceof org.yaml.snakeyaml.nodes.ScalarNode ks)) {
                        throw new ConfigException(pos(k), "", "a map key must be a plain value, not a map or list",
                                "write the key as a string");
                    }
                    String key = ks.getValue();
                    if (!explicit.add(key)) {
                        throw new ConfigException(pos(k), "", "duplicate key '" + key + "' (first at line "
                                + keyPositions.get(key).line() + ")", "remove one of the two");
                    }
                    entries.put(key, convert(t.getValueNode()));
                    keyPositions.put(key, pos(k));
                }
                return new MapNode(entries, keyPositions, p);
            }
            if (n instanceof SequenceNode s) {
                List<Node> items = new ArrayList<>();
                for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) {
                    items.add(convert(item));
                }
                return new ListNode(items, p);
            }
            org.yaml.snakeyaml.nodes.ScalarNode s = (org.yaml.snakeyaml.nodes.ScalarNode) n;
            return new ScalarNode(scalarValue(s), p);
        }

        private void merge(Node source, Map<String, Node> entries, Map<String, Position> keyPositions) {
            if (source instanceof ListNode list) {
                for (Node item : list.items()) {
                    merge(item, entries, keyPositions);
                }
                return;
            }
            if (!(source instanceof MapNode map)) {
                throw new ConfigException(source.position(), "", "a merge key '<<' needs a map or a list of maps",
                        "point the alias at a map");
            }
            map.entries().forEach((k, v) -> {
                if (!entries.containsKey(k)) {
                    entries.put(k, v);
                    keyPositions.put(k, map.keyPosition(k));
                }
            });
        }

        private Object scalarValue(org.yaml.snakeyaml.nodes.ScalarNode s) {
            String v = s.getValue();
            Tag tag = s.getTag();
            if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
                return v;
            }
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                // YAML 1.2 (what v3's js-yaml reads): only true/false are booleans; yes/no/on/off stay strings.
                String lower = v.toLowerCase();
                if (lower.equals("true")) {
                    return Boolean.TRUE;
                }
                if (lower.equals("false")) {
                    return Boolean.FALSE;
                }
                return v;
            }
            if (Tag.INT.equals(tag)) {
                String clean = v.replace("_", "");
                try {
                    long l;
                    if (clean.startsWith("0x") || clean.startsWith("0X")) {
                        l = Long.parseLong(clean.substring(2), 16);
                    } else if (clean.startsWith("0o")) {
                        l = Long.parseLong(clean.substring(2), 8);
                    } else {
                        l = Long.parseLong(clean);
                    }
                    if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                        return (int) l;
                    }
                    return l;
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return Double.parseDouble(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            return v;
        }

        private Node intrinsic(String name, org.yaml.snakeyaml.nodes.Node n) {
            Position p = pos(n);
            String key = switch (name) {
                case "Ref", "Condition" -> name;
                default -> "Fn::" + name;
            };
            Node value;
            if (name.equals("GetAtt") && n instanceof org.yaml.snakeyaml.nodes.ScalarNode s) {
                String text = s.getValue();
                int dot = text.indexOf('.');
                if (dot < 0) {
                    throw new ConfigException(p, "", "!GetAtt needs 'Resource.Attribute', found '" + text + "'",
                            "write it as !GetAtt MyResource.Arn");
                }
                value = new ListNode(List.of(new ScalarNode(text.substring(0, dot), p),
                        new ScalarNode(text.substring(dot + 1), p)), p);
            } else {
                value = plain(n);
            }
            return new MapNode(Map.of(key, value), Map.of(key, p), p);
        }
    }
}
