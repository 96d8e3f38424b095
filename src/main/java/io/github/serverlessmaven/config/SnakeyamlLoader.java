package io.github.serverlessmaven.config;

import java.io.StringReader;
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
 * YamlLoader's snakeyaml reading, in a class of its own so that loading YamlLoader loads no snakeyaml class
 * when {@link FastYamlReader} reads the file.
 */
final class SnakeyamlLoader {

    private SnakeyamlLoader() {}

    static Node load(String text, String display) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(YamlLoader.MAX_ALIASES);
        options.setCodePointLimit(YamlLoader.MAX_CODE_POINTS);
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
            if (++nodes > YamlLoader.MAX_NODES) {
                throw new ConfigException(pos(n), "", "the document expands to more than " + YamlLoader.MAX_NODES
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
            Node value;
            if (name.equals("GetAtt") && n instanceof org.yaml.snakeyaml.nodes.ScalarNode s) {
                value = ShortForms.getAttParts(s.getValue(), p);
                if (value == null) {
                    throw new ConfigException(p, "", "!GetAtt needs 'Resource.Attribute', found '" + s.getValue()
                            + "'", "write it as !GetAtt MyResource.Arn");
                }
            } else {
                value = plain(n);
            }
            return ShortForms.longForm(name, value, p);
        }
    }
}
