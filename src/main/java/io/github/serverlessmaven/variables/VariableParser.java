package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.variables.VariableSyntax.Call;
import io.github.serverlessmaven.variables.VariableSyntax.Expr;
import io.github.serverlessmaven.variables.VariableSyntax.Literal;
import io.github.serverlessmaven.variables.VariableSyntax.Nested;
import io.github.serverlessmaven.variables.VariableSyntax.Part;
import io.github.serverlessmaven.variables.VariableSyntax.Source;
import io.github.serverlessmaven.variables.VariableSyntax.Text;
import io.github.serverlessmaven.variables.VariableSyntax.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written scanner for v3's variable syntax ({@code lib/configuration/variables/parse.js}), one pass, no
 * regular expressions. Like v3 it leaves alone what is not a variable, such as CloudFormation's
 * {@code ${AWS::Region}} or {@code ${MyParameter}} in {@code Fn::Sub} strings: a variable starts with a
 * lower-case source type followed by {@code :} or {@code (}.
 */
final class VariableParser {

    private final String s;
    private final int n;
    private int i;
    private int nesting;

    private VariableParser(String s) {
        this.s = s;
        this.n = s.length();
    }

    /** Variables inside variables ({@code ${a:${b:${c:...}}}}) in one string; keeps the scanner's stack small. */
    static final int MAX_NESTING = 20;

    /** Thrown for malformed variables; the resolver adds position and path. */
    static final int MAX_ECHO = 200;

    static final class SyntaxError extends Exception {
        private final String detail;
        private final String hint;

        SyntaxError(String detail, String text, String hint) {
            super(detail + " in \"" + shortened(text) + "\"" + (hint == null ? "" : " (" + hint + ")"), null, false,
                    false);
            this.detail = detail;
            this.hint = hint;
        }

        /** A long value is cut in the message: the position already says where it is. */
        private static String shortened(String text) {
            return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "... (" + text.length()
                    + " characters)";
        }

        /** The message without the text, for values that may be secret. */
        String withoutText() {
            return detail + (hint == null ? "" : " (" + hint + ")");
        }
    }

    private SyntaxError error(String detail, String hint) {
        return new SyntaxError(detail, s, hint);
    }

    /** Signals that {@code ${...}} at the top level is not a variable (CloudFormation Sub syntax and the like). */
    private static final class Foreign extends Exception {
        Foreign() {
            super(null, null, false, false);
        }
    }

    private static final Foreign FOREIGN = new Foreign();

    /** Parses {@code text}; the result has no variables when the text holds none. */
    static Expr parse(String text) throws SyntaxError {
        if (text.indexOf('$') < 0) {
            return new Expr(List.of(new Text(text)), false);
        }
        VariableParser p = new VariableParser(text);
        return p.topLevel();
    }

    private Expr topLevel() throws SyntaxError {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                int run = 0;
                while (i + run < n && s.charAt(i + run) == '\\') {
                    run++;
                }
                if (!startsVariable(i + run)) {
                    text.append(s, i, i + run);
                    i += run;
                    continue;
                }
                // An odd run escapes the "${" (kept literally); in both cases pairs of backslashes halve, as in v3.
                text.append("\\".repeat(run / 2));
                i += run;
                if (run % 2 == 1) {
                    text.append("${");
                    i += 2;
                }
                continue;
            }
            if (startsVariable(i)) {
                int start = i;
                Variable v = variable(false);
                if (v == null) {
                    i = start + 2;
                    text.append("${");
                    continue;
                }
                flush(text, parts);
                parts.add(v);
                continue;
            }
            text.append(c);
            i++;
        }
        flush(text, parts);
        return new Expr(parts, false);
    }

    private boolean startsVariable(int at) {
        return at + 1 < n && s.charAt(at) == '$' && s.charAt(at + 1) == '{';
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    /** At "${"; returns null (position restored by the caller) when it is not a variable at the top level. */
    private Variable variable(boolean nested) throws SyntaxError {
        int start = i;
        i += 2;
        if (++nesting > MAX_NESTING) {
            throw error("variables nest more than " + MAX_NESTING + " levels", null);
        }
        try {
            List<Source> sources = new ArrayList<>();
            String type = typeName();
            if (type == null || i >= n || (s.charAt(i) != ':' && s.charAt(i) != '(')) {
                throw FOREIGN;
            }
            sources.add(call(type, true, nested));
            while (true) {
                skipSpaces();
                if (i >= n) {
                    throw error("missing closing '}'", null);
                }
                char c = s.charAt(i);
                if (c == '}') {
                    i++;
                    nesting--;
                    return new Variable(s.substring(start, i), List.copyOf(sources));
                }
                if (c != ',') {
                    throw error("unexpected '" + c + "' at index " + i, null);
                }
                i++;
                skipSpaces();
                Source next = fallback();
                sources.add(next);
                if (next instanceof Literal) {
                    skipSpaces();
                    if (i >= n || s.charAt(i) != '}') {
                        throw error("a literal fallback must come last, before '}'", null);
                    }
                }
            }
        } catch (Foreign f) {
            nesting--;
            if (nested) {
                throw error("invalid variable at index " + start,
                        "a source type such as self, env or opt must follow '${'");
            }
            i = start;
            return null;
        }
    }

    private String typeName() {
        if (i >= n || !isLower(s.charAt(i))) {
            return null;
        }
        int start = i;
        while (i < n && isAlnum(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    private Source fallback() throws SyntaxError {
        if (i >= n) {
            throw error("missing closing '}'", null);
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return new Literal(quoted());
        }
        if (startsVariable(i)) {
            return new Nested(variable(true));
        }
        if (!isAlnumOrPunct(c)) {
            throw error("invalid fallback at index " + i, null);
        }
        int start = i;
        while (i < n && isAlnumOrPunct(s.charAt(i))) {
            i++;
        }
        String token = s.substring(start, i);
        skipSpaces();
        if (i < n && (s.charAt(i) == ':' || s.charAt(i) == '(')) {
            if (!isType(token)) {
                throw error("invalid source type '" + token + "'", null);
            }
            try {
                return call(token, false, true);
            } catch (Foreign f) {
                throw error("invalid address at index " + i, null);
            }
        }
        Object literal = literal(token, false);
        if (literal == NOT_A_LITERAL) {
            throw error("invalid fallback '" + token + "'",
                    "quote text: '" + token + "'; numbers, true, false and null may stay bare");
        }
        return new Literal(literal);
    }

    /** At ':' or '(' after the type. */
    private Call call(String type, boolean first, boolean nested) throws SyntaxError, Foreign {
        if (!isType(type)) {
            throw error("invalid source type '" + type + "'", null);
        }
        List<Expr> params = null;
        if (s.charAt(i) == '(') {
            i++;
            params = params();
            skipSpaces();
            if (i >= n) {
                throw error("missing closing '}'", null);
            }
            char c = s.charAt(i);
            if (c == '}' || c == ',') {
                return new Call(type, params, null);
            }
            if (c != ':') {
                throw error("unexpected '" + c + "' after " + type + "(...)", null);
            }
        }
        i++; // ':'
        skipSpaces();
        if (i >= n) {
            throw error("missing closing '}'", null);
        }
        char c = s.charAt(i);
        if (c == '}' || c == ',') {
            return new Call(type, params, null);
        }
        if (c == ':') {
            if (first && params == null && !nested) {
                throw FOREIGN;
            }
            throw error("invalid address at index " + i, null);
        }
        if (c == '"' || c == '\'') {
            return new Call(type, params, Expr.quoted(quoted()));
        }
        return new Call(type, params, nestedExpr(",}", false));
    }

    private List<Expr> params() throws SyntaxError {
        List<Expr> params = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (i >= n) {
                throw error("missing ')'", null);
            }
            char c = s.charAt(i);
            if (c == ')') {
                i++;
                return params;
            }
            if (c == ',') {
                params.add(null);
                i++;
                continue;
            }
            if (c == '}') {
                throw error("missing ')' before '}'", null);
            }
            Expr param;
            if (c == '"' || c == '\'') {
                param = Expr.quoted(quoted());
                skipSpaces();
            } else {
                param = nestedExpr(",)", true);
            }
            if (i >= n) {
                throw error("missing ')'", null);
            }
            if (s.charAt(i) != ',' && s.charAt(i) != ')') {
                throw error("unexpected '" + s.charAt(i) + "' in parameters", null);
            }
            params.add(param);
            if (s.charAt(i) == ',') {
                i++;
            }
        }
    }

    /** An address or param up to one of {@code terminators}, which may itself contain variables. Trimmed. */
    private Expr nestedExpr(String terminators, boolean param) throws SyntaxError {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (i >= n) {
                throw error("missing closing '}'", null);
            }
            char c = s.charAt(i);
            if (terminators.indexOf(c) >= 0) {
                break;
            }
            if (param && c == '}') {
                throw error("missing ')' before '}'", null);
            }
            if (startsVariable(i)) {
                flush(text, parts);
                parts.add(variable(true));
                continue;
            }
            text.append(c);
            i++;
        }
        flush(text, parts);
        trim(parts);
        return new Expr(List.copyOf(parts), false);
    }

    private static void trim(List<Part> parts) {
        if (!parts.isEmpty() && parts.get(0) instanceof Text t) {
            String stripped = t.text().stripLeading();
            if (stripped.isEmpty()) {
                parts.remove(0);
            } else {
                parts.set(0, new Text(stripped));
            }
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text t) {
            String stripped = t.text().stripTrailing();
            if (stripped.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.set(parts.size() - 1, new Text(stripped));
            }
        }
    }

    /** A single-quoted string (no escapes) or a double-quoted JSON string; leaves {@code i} after it. */
    private String quoted() throws SyntaxError {
        char quote = s.charAt(i);
        int start = i;
        i++;
        StringBuilder sb = new StringBuilder();
        while (i < n) {
            char c = s.charAt(i++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\' && quote == '"') {
                if (i >= n) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > n) {
                            throw error("invalid \\u escape in string at index " + start, null);
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("invalid \\u escape in string at index " + start, null);
                        }
                        i += 4;
                    }
                    default -> throw error("invalid escape '\\" + e + "' in string at index " + start, null);
                }
                continue;
            }
            sb.append(c);
        }
        throw error("unterminated string at index " + start, null);
    }

    private void skipSpaces() {
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
    }

    static final Object NOT_A_LITERAL = new Object();

    /**
     * v3's literal sources: true, false, null and numbers; otherwise the text itself when {@code orText} (a
     * param such as {@code ./file.yml}), else {@link #NOT_A_LITERAL}.
     */
    static Object literal(String token, boolean orText) {
        switch (token) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                Number number = number(token);
                if (number != null) {
                    return number;
                }
                return orText ? token : NOT_A_LITERAL;
        }
    }

    /** A decimal number as JavaScript's Number() reads it (no hex or exotic forms), else null. */
    static Number number(String token) {
        int len = token.length();
        int k = 0;
        if (k < len && (token.charAt(k) == '-' || token.charAt(k) == '+')) {
            k++;
        }
        int digits = 0;
        boolean fraction = false;
        while (k < len && Character.isDigit(token.charAt(k))) {
            k++;
            digits++;
        }
        if (k < len && token.charAt(k) == '.') {
            fraction = true;
            k++;
            while (k < len && Character.isDigit(token.charAt(k))) {
                k++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (k < len && (token.charAt(k) == 'e' || token.charAt(k) == 'E')) {
            fraction = true;
            k++;
            if (k < len && (token.charAt(k) == '-' || token.charAt(k) == '+')) {
                k++;
            }
            int exp = 0;
            while (k < len && Character.isDigit(token.charAt(k))) {
                k++;
                exp++;
            }
            if (exp == 0) {
                return null;
            }
        }
        if (k != len) {
            return null;
        }
        if (!fraction && digits <= 18) {
            long l = Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Number) (int) l : (Number) l;
        }
        return Double.parseDouble(token);
    }

    static boolean isType(String t) {
        if (t.isEmpty() || !isLower(t.charAt(0))) {
            return false;
        }
        for (int k = 1; k < t.length(); k++) {
            char c = t.charAt(k);
            if (!(isLower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** v3's "alphaNumericChars": letters, digits, '.' and '-'. */
    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean isAlnumOrPunct(char c) {
        return isAlnum(c) || c == '+';
    }
}
