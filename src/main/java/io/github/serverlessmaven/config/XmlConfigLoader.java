package io.github.serverlessmaven.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the POM form of the model ({@code <serverless>} in the plugin's configuration) into the same
 * {@link Node} tree serverless.yml gives, so both forms share variables, validation and compilers.
 *
 * <p>Rules: an element with children is a map, unless all its children share one name and either there are
 * several of them, the name is {@code item}, or it is the singular of the parent's name
 * ({@code <patterns><pattern>}, {@code <events><event>}): then it is a list. A key that is no valid XML name
 * (such as {@code Fn::GetAtt}) is written as {@code <entry key="Fn::GetAtt">}. A leaf's text is a boolean
 * for true/false, a number when it looks like one, else a string; {@code type="string"} keeps it a string.
 * An empty list is {@code <x type="list"/>}, an empty map {@code <x type="map"/>}.
 */
public final class XmlConfigLoader {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)\\.\\d+");

    private final String source;

    /** @param source how positions name the POM, e.g. {@code pom.xml} */
    public XmlConfigLoader(String source) {
        this.source = source;
    }

    public Node load(XmlElement root) {
        return convert(root, "<" + root.name() + ">");
    }

    private Node convert(XmlElement element, String path) {
        Position at = new Position(source + " " + path, 0, 0);
        String type = element.attributes().get("type");
        if (element.children().isEmpty()) {
            if ("list".equals(type)) {
                return new ListNode(List.of(), at);
            }
            if ("map".equals(type)) {
                return MapNode.empty(at);
            }
            return new ScalarNode(scalar(element.text(), "string".equals(type)), at);
        }
        if (isList(element)) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < element.children().size(); i++) {
                XmlElement child = element.children().get(i);
                items.add(convert(child, path + "<" + child.name() + ">[" + i + "]"));
            }
            return new ListNode(items, at);
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        for (XmlElement child : element.children()) {
            String key = child.attributes().getOrDefault("key", child.name());
            String childPath = path + "<" + child.name() + (child.attributes().containsKey("key")
                    ? " key=\"" + key + "\"" : "") + ">";
            if (entries.containsKey(key)) {
                throw new ConfigException(new Position(source + " " + childPath, 0, 0), "", "duplicate element '"
                        + key + "'", "remove one of them, or wrap repeated elements in a list element");
            }
            Node value = convert(child, childPath);
            entries.put(key, value);
            keys.put(key, value.position());
        }
        return new MapNode(entries, keys, at);
    }

    private static boolean isList(XmlElement element) {
        if ("list".equals(element.attributes().get("type"))) {
            return true;
        }
        if ("map".equals(element.attributes().get("type"))) {
            return false;
        }
        String first = element.children().get(0).name();
        for (XmlElement child : element.children()) {
            if (!child.name().equals(first) || child.attributes().containsKey("key")) {
                return false;
            }
        }
        return element.children().size() > 1 || first.equals("item") || isSingularOf(first, element.name());
    }

    private static boolean isSingularOf(String child, String parent) {
        return parent.equals(child + "s") || parent.equals(child + "es")
                || (child.endsWith("y") && parent.equals(child.substring(0, child.length() - 1) + "ies"));
    }

    private static Object scalar(String text, boolean forceString) {
        String t = text == null ? "" : text.trim();
        if (forceString) {
            return t;
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        if (INTEGER.matcher(t).matches()) {
            long l = Long.parseLong(t);
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (t.equals("null")) {
            return null;
        }
        return t;
    }
}
