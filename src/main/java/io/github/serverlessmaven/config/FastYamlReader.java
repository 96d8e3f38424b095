package io.github.serverlessmaven.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the YAML people write in serverless.yml (block maps and lists, one-line plain, quoted and flow values,
 * block scalars, CloudFormation short-form tags, comments) into the same {@link Node} tree, positions included,
 * that the snakeyaml path of {@link YamlLoader} builds, without loading snakeyaml: on a cold JVM that saves most
 * of the time loading a service file takes.
 *
 * <p>It never guesses: anything outside that subset, and anything invalid, makes {@link #read} return null, and
 * the caller then runs snakeyaml, which gives the result or the error message. So a document this reader
 * accepts must mean exactly what snakeyaml makes of it; when in doubt, it gives up.
 */
final class FastYamlReader {

    private static final int MAX_DEPTH = 50;
    private static final int MAX_NODES = 100_000;
    /** snakeyaml refuses a key whose colon is more than 1024 characters from its start. */
    private static final int MAX_KEY_LENGTH = 1000;

    /** Thrown (preallocated, no stack trace) when the document leaves the subset; {@link #read} returns null. */
    private static final class Unsupported extends RuntimeException {
        private static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    private final String text;
    /** The text as an array: indexing it is much cheaper than charAt while the JVM still interprets this class. */
    private final char[] chars;
    private final String display;
    private final int length;
    private int[] lineStart = new int[256];
    /** Where each line's content ends: before its line break ({@code \n} or {@code \r\n}). */
    private int[] lineEnd = new int[256];
    private int[] lineIndent = new int[256];
    private int lines;
    private boolean surrogates;
    private boolean documentStart;
    private boolean sawContent;

    /** The next line not consumed yet: always a content line (not blank, not a comment), or {@link #lines}. */
    private int line;
    private int depth;
    private int nodes;

    private FastYamlReader(String text, String display) {
        this.text = text;
        this.chars = text.toCharArray();
        this.display = display;
        this.length = text.length();
    }

    /** @return the tree snakeyaml would build, or null when the text is outside the subset this reader knows */
    static Node read(String text, String display) {
        if (text.length() > YamlLoader.MAX_CODE_POINTS) {
            return null;
        }
        try {
            return new FastYamlReader(text, display).document();
        } catch (RuntimeException | StackOverflowError e) {
            // Unsupported, or a slip of this reader: either way snakeyaml decides.
            return null;
        }
    }

    private static Unsupported unsupported() {
        return Unsupported.INSTANCE;
    }

    // ---------------------------------------------------------------- lines

    /** Splits into lines, refusing what changes snakeyaml's columns or errors: tabs, BOMs, odd breaks, controls. */
    private void splitLines() {
        int start = 0;
        int indent = 0;
        boolean inIndent = true;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c == '\n' || c == '\r') {
                int end = i;
                if (c == '\r') {
                    if (i + 1 >= length || chars[i + 1] != '\n') {
                        throw unsupported();
                    }
                    i++;
                }
                addLine(start, end, inIndent ? end - start : indent);
                start = i + 1;
                indent = 0;
                inIndent = true;
                continue;
            }
            if (c == ' ') {
                if (inIndent) {
                    indent++;
                }
                continue;
            }
            inIndent = false;
            if (c >= 0x21 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
                    || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                surrogates = true;
                i++;
                continue;
            }
            throw unsupported();
        }
        if (start < length) {
            addLine(start, length, inIndent ? length - start : indent);
        }
    }

    private void addLine(int start, int end, int indent) {
        if (lines == lineStart.length) {
            int size = lines * 2;
            lineStart = Arrays.copyOf(lineStart, size);
            lineEnd = Arrays.copyOf(lineEnd, size);
            lineIndent = Arrays.copyOf(lineIndent, size);
        }
        // Directives, document ends and a second document start open features this reader leaves to snakeyaml;
        // document() checks that the one '---' allowed is alone on the first line that is not a comment.
        if (startsMarker(start, end, "...") || start < end && chars[start] == '%') {
            throw unsupported();
        }
        if (startsMarker(start, end, "---")) {
            if (documentStart || sawContent) {
                throw unsupported();
            }
            documentStart = true;
        } else if (indent < end - start && chars[start + indent] != '#') {
            sawContent = true;
        }
        lineStart[lines] = start;
        lineEnd[lines] = end;
        lineIndent[lines] = indent;
        lines++;
    }

    private boolean startsMarker(int start, int end, String marker) {
        return start < end && chars[start] == marker.charAt(0) && text.startsWith(marker, start) && (start + 3 == end || chars[start + 3] == ' ');
    }

    private boolean isContent(int l) {
        int i = lineStart[l] + lineIndent[l];
        return i < lineEnd[l] && chars[i] != '#';
    }

    private int nextContent(int from) {
        int l = from;
        while (l < lines && !isContent(l)) {
            l++;
        }
        return l;
    }

    private char at(int l, int i) {
        return i < lineEnd[l] ? chars[i] : '\n';
    }

    private int skipSpaces(int l, int i) {
        while (i < lineEnd[l] && chars[i] == ' ') {
            i++;
        }
        return i;
    }

    /** True at the end of the line, or at a comment that whitespace separates from what came before. */
    private boolean endOrComment(int l, int i, int contentEnd) {
        return i >= lineEnd[l] || chars[i] == '#' && i > contentEnd;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\n';
    }

    private Position pos(int l, int i) {
        int column = surrogates ? text.codePointCount(lineStart[l], i) : i - lineStart[l];
        return new Position(display, l + 1, column + 1);
    }

    // ---------------------------------------------------------------- document

    private Node document() {
        splitLines();
        int first = nextContent(0);
        if (first == lines) {
            return MapNode.empty(new Position(display, 1, 1));
        }
        if (lineIndent[first] == 0 && text.startsWith("---", lineStart[first])) {
            if (text.substring(lineStart[first], lineEnd[first]).strip().equals("---")) {
                first = nextContent(first + 1);
            } else {
                throw unsupported();
            }
            if (first == lines) {
                throw unsupported();
            }
        }
        Node root = blockNode(first, lineStart[first] + lineIndent[first], -1, Context.BLOCK, null);
        if (line != lines || root instanceof ScalarNode) {
            throw unsupported();
        }
        return root;
    }

    /** Where a block node starts, which decides what it may be. */
    private enum Context {
        /** First on its line, or after {@code - }: any node, compact maps and lists ({@code - a: 1}) included. */
        BLOCK,
        /** After {@code key: } or a tag on the same line: a scalar or a flow collection. */
        INLINE
    }

    /**
     * Parses the node starting at index {@code i} of line {@code l}. {@code owner} is the column of the block
     * collection the node belongs to (-1 at the root); {@code tagged} is the tag's position when a tag came first.
     * Leaves {@link #line} at the next unconsumed content line.
     */
    private Node blockNode(int l, int i, int owner, Context context, Position tagged) {
        if (++depth > MAX_DEPTH || ++nodes > MAX_NODES) {
            throw unsupported();
        }
        try {
            char c = at(l, i);
            int column = i - lineStart[l];
            if (c == '-' && blank(at(l, i + 1))) {
                if (context == Context.INLINE) {
                    throw unsupported();
                }
                return blockSequence(l, i, false, tagged);
            }
            switch (c) {
                case '!' -> {
                    if (tagged != null) {
                        throw unsupported();
                    }
                    return tag(l, i, owner, context);
                }
                case '[', '{' -> {
                    flowLine = l;
                    Node node = flowNode(i, tagged);
                    finishInline(flowLine, flowEnd, owner);
                    return node;
                }
                case '|', '>' -> {
                    if (owner < 0) {
                        throw unsupported();
                    }
                    return blockScalar(l, i, owner, tagged);
                }
                default -> {
                    ScalarScan scan = scalar(l, i, false);
                    int after = skipSpaces(l, scan.end);
                    if (at(l, after) == ':' && blank(at(l, after + 1))) {
                        if (context == Context.INLINE || column <= owner) {
                            throw unsupported();
                        }
                        return blockMapping(l, i, tagged);
                    }
                    finishInline(l, scan.end, owner);
                    Position p = tagged != null ? tagged : pos(l, i);
                    return new ScalarNode(tagged != null || scan.quoted ? scan.value : plainValue(scan.value), p);
                }
            }
        } finally {
            depth--;
        }
    }

    /** After a one-line value: only a comment may follow, and the next line must not continue it. */
    private void finishInline(int l, int end, int owner) {
        int i = skipSpaces(l, end);
        if (!endOrComment(l, i, end)) {
            throw unsupported();
        }
        line = nextContent(l + 1);
        if (line < lines && lineIndent[line] > owner) {
            throw unsupported();
        }
    }

    private MapNode blockMapping(int l, int i, Position tagged) {
        int column = i - lineStart[l];
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Position> keyPositions = new LinkedHashMap<>();
        Position position = tagged != null ? tagged : pos(l, i);
        while (true) {
            ScalarScan key = scalar(l, i, false);
            if (!key.quoted && key.value.equals("<<")) {
                throw unsupported();
            }
            int colon = skipSpaces(l, key.end);
            if (at(l, colon) != ':' || !blank(at(l, colon + 1)) || entries.containsKey(key.value)
                    || colon - i > MAX_KEY_LENGTH) {
                throw unsupported();
            }
            keyPositions.put(key.value, pos(l, i));
            entries.put(key.value, mappingValue(l, colon, column));
            if (line == lines || lineIndent[line] < column) {
                return new MapNode(entries, keyPositions, position);
            }
            if (lineIndent[line] > column) {
                throw unsupported();
            }
            l = line;
            i = lineStart[l] + column;
            char c = at(l, i);
            if (c == '-' && blank(at(l, i + 1))) {
                throw unsupported();
            }
        }
    }

    private Node mappingValue(int l, int colon, int column) {
        int i = skipSpaces(l, colon + 1);
        if (!endOrComment(l, i, colon + 1)) {
            return blockNode(l, i, column, Context.INLINE, null);
        }
        int next = nextContent(l + 1);
        if (next < lines) {
            int indent = lineIndent[next];
            int start = lineStart[next] + indent;
            if (indent > column) {
                return blockNode(next, start, column, Context.BLOCK, null);
            }
            if (indent == column && at(next, start) == '-' && blank(at(next, start + 1))) {
                return blockSequence(next, start, true, null);
            }
        }
        line = next;
        // snakeyaml places an empty value just after the colon.
        return new ScalarNode(null, pos(l, colon + 1));
    }

    /** @param indentless a list at the same column as the key it is the value of: it ends at the next key */
    private ListNode blockSequence(int l, int i, boolean indentless, Position tagged) {
        int column = i - lineStart[l];
        List<Node> items = new ArrayList<>();
        Position position = tagged != null ? tagged : pos(l, i);
        while (true) {
            int start = skipSpaces(l, i + 1);
            if (endOrComment(l, start, i + 1)) {
                int next = nextContent(l + 1);
                if (next == lines || lineIndent[next] <= column) {
                    throw unsupported();
                }
                items.add(blockNode(next, lineStart[next] + lineIndent[next], column, Context.BLOCK, null));
            } else {
                items.add(blockNode(l, start, column, Context.BLOCK, null));
            }
            if (line == lines || lineIndent[line] < column) {
                return new ListNode(items, position);
            }
            if (lineIndent[line] > column) {
                throw unsupported();
            }
            l = line;
            i = lineStart[l] + column;
            if (!(at(l, i) == '-' && blank(at(l, i + 1)))) {
                if (indentless) {
                    return new ListNode(items, position);
                }
                throw unsupported();
            }
        }
    }

    /** A CloudFormation short form ({@code !Ref X}) before a value on this line or a collection on the next. */
    private Node tag(int l, int i, int owner, Context context) {
        Position tagPosition = pos(l, i);
        String name = tagName(l, i);
        int after = i + 1 + name.length();
        int start = skipSpaces(l, after);
        Node value;
        if (!endOrComment(l, start, after)) {
            value = blockNode(l, start, owner, Context.INLINE, tagPosition);
        } else {
            int next = nextContent(l + 1);
            int indent = next < lines ? lineIndent[next] : -1;
            int nextStart = next < lines ? lineStart[next] + indent : -1;
            if (next < lines && indent > owner) {
                value = blockNode(next, nextStart, owner, Context.BLOCK, tagPosition);
            } else if (next < lines && indent == owner && context == Context.INLINE && at(next, nextStart) == '-'
                    && blank(at(next, nextStart + 1))) {
                value = blockSequence(next, nextStart, true, tagPosition);
            } else {
                line = next;
                value = new ScalarNode("", tagPosition);
            }
        }
        return intrinsic(name, value, tagPosition);
    }

    private String tagName(int l, int i) {
        int j = i + 1;
        while (j < lineEnd[l] && isAsciiLetterOrDigit(chars[j])) {
            j++;
        }
        if (j == i + 1 || !blank(at(l, j))) {
            throw unsupported();
        }
        return text.substring(i + 1, j);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** The long form YamlLoader's converter makes of a short-form tag. */
    private static Node intrinsic(String name, Node value, Position p) {
        if (name.equals("GetAtt") && value instanceof ScalarNode scalar) {
            value = ShortForms.getAttParts((String) scalar.value(), p);
            if (value == null) {
                throw unsupported();
            }
        }
        return ShortForms.longForm(name, value, p);
    }

    // ---------------------------------------------------------------- scalars

    private record ScalarScan(String value, boolean quoted, int end) {}

    /** A plain or quoted scalar on one line starting at {@code i}; {@code end} is just after it. */
    private ScalarScan scalar(int l, int i, boolean flow) {
        char c = at(l, i);
        if (c == '\'') {
            return singleQuoted(l, i);
        }
        if (c == '"') {
            return doubleQuoted(l, i);
        }
        int end = plainEnd(l, i, flow);
        return new ScalarScan(text.substring(i, end), false, end);
    }

    /**
     * snakeyaml's rule for where a plain scalar may start: not at an indicator, except '-' (and '?' or ':' outside
     * flow collections) before a non-space; '-' before a flow indicator is left to snakeyaml too.
     */
    private static boolean plainMayStart(char first, char second, boolean flow) {
        if (blank(first)) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) < 0) {
            return true;
        }
        if (blank(second)) {
            return false;
        }
        return first == '-' && ",[]{}".indexOf(second) < 0 || !flow && (first == '?' || first == ':');
    }

    /** Where a one-line plain scalar ends (trailing spaces excluded), with snakeyaml's scanner rules. */
    private int plainEnd(int l, int i, boolean flow) {
        if (!plainMayStart(at(l, i), at(l, i + 1), flow)) {
            throw unsupported();
        }
        int end = lineEnd[l];
        int j = i;
        int scalarEnd = i;
        while (true) {
            int k = j;
            while (k < end) {
                char ch = chars[k];
                if (ch == ' ') {
                    break;
                }
                if (ch == ':') {
                    char nextChar = at(l, k + 1);
                    if (blank(nextChar) || flow && ",[]{}".indexOf(nextChar) >= 0) {
                        break;
                    }
                }
                if (flow && ",?[]{}".indexOf(ch) >= 0) {
                    if (ch == '?') {
                        throw unsupported();
                    }
                    break;
                }
                k++;
            }
            if (k == j) {
                break;
            }
            scalarEnd = k;
            j = skipSpaces(l, k);
            if (j == k || j >= end || chars[j] == '#') {
                break;
            }
        }
        return scalarEnd;
    }

    private ScalarScan singleQuoted(int l, int i) {
        int end = lineEnd[l];
        StringBuilder value = null;
        int from = i + 1;
        for (int j = from; j < end; j++) {
            if (chars[j] != '\'') {
                continue;
            }
            if (j + 1 < end && chars[j + 1] == '\'') {
                // '' is a quote: copy what came before it, and the quote
                value = (value == null ? new StringBuilder() : value).append(chars, from, j + 1 - from);
                from = ++j + 1;
                continue;
            }
            String s = value == null ? text.substring(from, j) : value.append(chars, from, j - from).toString();
            return new ScalarScan(s, true, j + 1);
        }
        throw unsupported();
    }

    private ScalarScan doubleQuoted(int l, int i) {
        StringBuilder value = new StringBuilder();
        int end = lineEnd[l];
        int j = i + 1;
        while (j < end) {
            char c = chars[j];
            if (c == '"') {
                return new ScalarScan(value.toString(), true, j + 1);
            }
            if (c == '\\') {
                char escaped = at(l, j + 1);
                value.append(switch (escaped) {
                    case '\\', '"' -> escaped;
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> throw unsupported();
                });
                j += 2;
                continue;
            }
            value.append(c);
            j++;
        }
        throw unsupported();
    }

    /**
     * Types a plain scalar as YamlLoader's converter does with snakeyaml's resolver, for the shapes that are
     * certain; anything that might be a timestamp, an octal, hex or sexagesimal number, infinity or NaN gives up.
     */
    static Object plainValue(String v) {
        switch (v) {
            case "", "~", "null", "Null", "NULL" -> {
                return null;
            }
            case "true", "True", "TRUE" -> {
                return Boolean.TRUE;
            }
            case "false", "False", "FALSE" -> {
                return Boolean.FALSE;
            }
            default -> {
                // handled below
            }
        }
        char first = v.charAt(0);
        if (!(first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.')) {
            return v;
        }
        int n = v.length();
        int i = first == '-' || first == '+' ? 1 : 0;
        int digitsStart = i;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
        }
        int digits = i - digitsStart;
        boolean fraction = false;
        boolean exponent = false;
        if (digits > 0 && i < n && v.charAt(i) == '.') {
            fraction = true;
            i++;
            while (i < n && isDigit(v.charAt(i))) {
                i++;
            }
        }
        if (digits > 0 && i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (v.charAt(e) == '-' || v.charAt(e) == '+')) {
                e++;
            }
            int expDigits = e;
            while (e < n && isDigit(v.charAt(e))) {
                e++;
            }
            if (e > expDigits) {
                exponent = true;
                i = e;
            }
        }
        if (i == n && digits > 0) {
            if (fraction || exponent) {
                return Double.parseDouble(v);
            }
            if (digits > 18 || digits > 1 && v.charAt(digitsStart) == '0') {
                throw unsupported();
            }
            long l = Long.parseLong(v);
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
        }
        // Number-like text that is not one of the plain shapes above (1_000, 0x1F, 017, 1:30, .inf, 2001-12-14):
        // a string only if none of snakeyaml's number and timestamp patterns takes it.
        if (ResolverPatterns.INT.matcher(v).matches() || ResolverPatterns.FLOAT.matcher(v).matches()
                || ResolverPatterns.TIMESTAMP.matcher(v).matches()) {
            throw unsupported();
        }
        return v;
    }

    /** snakeyaml 2.5's Resolver patterns (compiled only when a scalar needs them). */
    private static final class ResolverPatterns {
        static final Pattern INT = Pattern.compile("^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*"
                + "|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
        static final Pattern FLOAT = Pattern.compile("^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
        static final Pattern TIMESTAMP = Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
                + "(?:\\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ---------------------------------------------------------------- flow

    /*
     * Flow collections may span lines: snakeyaml ignores indentation inside them. The cursor is (flowLine, index);
     * flowNode leaves flowEnd just after the node, on flowLine.
     */
    private int flowLine;
    private int flowEnd;

    /** Skips spaces, comments and line breaks between flow tokens; a comment starts at any '#' here. */
    /**
     * Where the next entry of a flow collection closed by {@code close} starts, after the entry that ended at
     * {@code flowEnd} and its comma; or the position of {@code close} itself when the collection ends there. A
     * trailing comma, or anything else, is left to snakeyaml.
     */
    private int afterFlowEntry(char close) {
        int j = skipFlowSpace(flowEnd);
        if (chars[j] == ',') {
            j = skipFlowSpace(j + 1);
            if (chars[j] == close) {
                throw unsupported();
            }
            return j;
        }
        if (chars[j] != close) {
            throw unsupported();
        }
        return j;
    }

    private int skipFlowSpace(int i) {
        while (true) {
            i = skipSpaces(flowLine, i);
            if (i < lineEnd[flowLine] && chars[i] != '#') {
                return i;
            }
            if (++flowLine >= lines) {
                throw unsupported();
            }
            i = lineStart[flowLine];
        }
    }

    /** A plain scalar that ends its line is complete only if the next token ends it (else it goes on: "a\n b"). */
    private void plainMayEndHere(int end) {
        int l = flowLine;
        int i = skipSpaces(l, end);
        if (i < lineEnd[l]) {
            return; // a flow indicator or a comment on the same line
        }
        int next = skipFlowSpace(i);
        if (",]}".indexOf(chars[next]) < 0) {
            throw unsupported();
        }
        flowLine = l;
    }

    /** A node inside a flow collection, starting at index {@code i} of {@link #flowLine}. */
    private Node flowNode(int i, Position tagged) {
        if (++depth > MAX_DEPTH || ++nodes > MAX_NODES) {
            throw unsupported();
        }
        try {
            int l = flowLine;
            char c = at(l, i);
            Position position = tagged != null ? tagged : pos(l, i);
            if (c == '[') {
                List<Node> items = new ArrayList<>();
                int j = skipFlowSpace(i + 1);
                if (chars[j] != ']') {
                    while (true) {
                        items.add(flowSequenceItem(j));
                        j = afterFlowEntry(']');
                        if (chars[j] == ']') {
                            break;
                        }
                    }
                }
                flowEnd = j + 1;
                return new ListNode(items, position);
            }
            if (c == '{') {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Position> keyPositions = new LinkedHashMap<>();
                int j = skipFlowSpace(i + 1);
                if (chars[j] != '}') {
                    while (true) {
                        int keyLine = flowLine;
                        ScalarScan key = scalar(keyLine, j, true);
                        if (!key.quoted && key.value.equals("<<") || entries.containsKey(key.value)) {
                            throw unsupported();
                        }
                        // The colon must follow on the key's line: snakeyaml forgets a key the line ends after.
                        int colon = skipSpaces(keyLine, key.end);
                        if (at(keyLine, colon) != ':' || !key.quoted && !blank(at(keyLine, colon + 1))
                                || colon - j > MAX_KEY_LENGTH) {
                            throw unsupported();
                        }
                        keyPositions.put(key.value, pos(keyLine, j));
                        entries.put(key.value, flowValue(colon + 1));
                        j = afterFlowEntry('}');
                        if (chars[j] == '}') {
                            break;
                        }
                    }
                }
                flowEnd = j + 1;
                return new MapNode(entries, keyPositions, position);
            }
            if (c == '!') {
                if (tagged != null) {
                    throw unsupported();
                }
                String name = tagName(l, i);
                int start = skipSpaces(l, i + 1 + name.length());
                if (",]}#\n".indexOf(at(l, start)) >= 0) {
                    throw unsupported();
                }
                return intrinsic(name, flowNode(start, position), position);
            }
            ScalarScan scan = scalar(l, i, true);
            if (!scan.quoted) {
                plainMayEndHere(scan.end);
            }
            flowEnd = scan.end;
            return new ScalarNode(tagged != null || scan.quoted ? scan.value : plainValue(scan.value), position);
        } finally {
            depth--;
        }
    }

    /** The value after a colon in a flow collection: on the same line or a later one, never empty. */
    private Node flowValue(int afterColon) {
        int start = skipFlowSpace(afterColon);
        if (",}]".indexOf(chars[start]) >= 0) {
            throw unsupported();
        }
        return flowNode(start, null);
    }

    /** An item of a flow list: a node, or a map of one entry written {@code [key: value]}. */
    private Node flowSequenceItem(int i) {
        int l = flowLine;
        char c = at(l, i);
        if (c == '[' || c == '{' || c == '!') {
            return flowNode(i, null);
        }
        if (++nodes > MAX_NODES) {
            throw unsupported();
        }
        ScalarScan scan = scalar(l, i, true);
        int colon = skipSpaces(l, scan.end);
        if (at(l, colon) != ':') {
            if (!scan.quoted) {
                plainMayEndHere(scan.end);
            } else if (chars[skipFlowSpace(colon)] == ':') {
                throw unsupported();
            }
            flowLine = l;
            flowEnd = scan.end;
            return new ScalarNode(scan.quoted ? scan.value : plainValue(scan.value), pos(l, i));
        }
        // As in Fn::Join: ['', [Fn::GetAtt: [Bucket, Arn], '/*']]
        if (!scan.quoted && (!blank(at(l, colon + 1)) || scan.value.equals("<<")) || colon - i > MAX_KEY_LENGTH) {
            throw unsupported();
        }
        Position position = pos(l, i);
        Node value = flowValue(colon + 1);
        return new MapNode(Map.of(scan.value, value), Map.of(scan.value, position), position);
    }

    // ---------------------------------------------------------------- block scalars

    /** A literal ({@code |}) or folded ({@code >}) scalar, as snakeyaml's scanner reads it. */
    private Node blockScalar(int l, int i, int owner, Position tagged) {
        boolean folded = at(l, i) == '>';
        int j = i + 1;
        char chomping = ' ';
        int increment = -1;
        char c = at(l, j);
        if (c == '+' || c == '-') {
            chomping = c;
            c = at(l, ++j);
            if (c >= '1' && c <= '9') {
                increment = c - '0';
                j++;
            }
        } else if (c >= '1' && c <= '9') {
            increment = c - '0';
            c = at(l, ++j);
            if (c == '+' || c == '-') {
                chomping = c;
                j++;
            }
        }
        int headerEnd = j;
        j = skipSpaces(l, j);
        if (!endOrComment(l, j, headerEnd)) {
            throw unsupported();
        }
        Position position = tagged != null ? tagged : pos(l, i);
        int minIndent = Math.max(owner + 1, 1);

        BlockScanner s = new BlockScanner(l + 1);
        String breaks;
        int indent;
        if (increment < 0) {
            StringBuilder leading = new StringBuilder();
            int maxIndent = 0;
            while (s.p < length && (chars[s.p] == ' ' || chars[s.p] == '\n' || chars[s.p] == '\r')) {
                if (chars[s.p] != ' ') {
                    leading.append('\n');
                    s.lineBreak();
                } else {
                    s.p++;
                    s.column++;
                    maxIndent = Math.max(maxIndent, s.column);
                }
            }
            breaks = leading.toString();
            indent = Math.max(minIndent, maxIndent);
        } else {
            indent = minIndent + increment - 1;
            breaks = s.breaks(indent);
        }
        StringBuilder chunks = new StringBuilder();
        String lineBreak = "";
        while (s.column == indent && s.p < length) {
            chunks.append(breaks);
            boolean leadingNonSpace = chars[s.p] != ' ';
            int e = s.p;
            while (e < length && chars[e] != '\n' && chars[e] != '\r') {
                e++;
            }
            chunks.append(text, s.p, e);
            s.p = e;
            lineBreak = s.p < length ? "\n" : "";
            if (s.p < length) {
                s.lineBreak();
            }
            breaks = s.breaks(indent);
            if (s.column == indent && s.p < length) {
                if (folded && lineBreak.equals("\n") && leadingNonSpace && chars[s.p] != ' ') {
                    if (breaks.isEmpty()) {
                        chunks.append(' ');
                    }
                } else {
                    chunks.append(lineBreak);
                }
            } else {
                break;
            }
        }
        if (chomping != '-') {
            chunks.append(lineBreak);
        }
        if (chomping == '+') {
            chunks.append(breaks);
        }
        // The scanner stops at the first character of a less indented line, or at the end.
        if (s.p < length && s.p != lineStart[s.line] + lineIndent[s.line]) {
            throw unsupported();
        }
        line = nextContent(s.p < length ? s.line : lines);
        if (line < lines && lineIndent[line] > owner) {
            throw unsupported();
        }
        return new ScalarNode(chunks.toString(), position);
    }

    /** A cursor over the raw text for block scalars: index, line and column as snakeyaml's reader keeps them. */
    private final class BlockScanner {
        int p;
        int line;
        int column;

        BlockScanner(int line) {
            this.line = line;
            this.p = line < lines ? lineStart[line] : length;
        }

        void lineBreak() {
            p += chars[p] == '\r' ? 2 : 1;
            line++;
            column = 0;
        }

        String breaks(int indent) {
            StringBuilder breaks = new StringBuilder();
            skipIndent(indent);
            while (p < length && (chars[p] == '\n' || chars[p] == '\r')) {
                breaks.append('\n');
                lineBreak();
                skipIndent(indent);
            }
            return breaks.toString();
        }

        private void skipIndent(int indent) {
            while (column < indent && p < length && chars[p] == ' ') {
                p++;
                column++;
            }
        }
    }
}
