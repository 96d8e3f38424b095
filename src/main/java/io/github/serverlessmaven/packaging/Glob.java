package io.github.serverlessmaven.packaging;

import java.util.regex.Pattern;

/**
 * A glob over '/'-separated relative paths with the micromatch meaning v3 gives {@code package.patterns}:
 * {@code *} and {@code ?} stay within one path segment, {@code **} spans any number of segments (also none),
 * {@code [abc]} and {@code [!abc]} are character classes, {@code {a,b}} are alternatives, dot files match.
 */
public final class Glob {

    private final String text;
    private final Pattern regex;

    private Glob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    public static Glob compile(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        return new Glob(glob, Pattern.compile(toRegex(g)));
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int braceDepth = 0;
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    boolean doubleStar = i + 1 < n && glob.charAt(i + 1) == '*';
                    boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                    if (doubleStar && segmentStart && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                        if (i + 2 == n) {
                            re.append(".*");
                            i += 1;
                        } else {
                            re.append("(?:[^/]*/)*"); // '**/' may also match nothing
                            i += 2;
                        }
                    } else if (doubleStar) {
                        re.append("[^/]*");
                        i += 1;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                case '{' -> {
                    braceDepth++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braceDepth > 0) {
                        braceDepth--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braceDepth > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < n) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        // A trailing '/**' also matches the folder itself, as in micromatch.
        String out = re.toString();
        if (glob.endsWith("/**")) {
            out = out.substring(0, out.length() - ("\\Q/\\E.*".length())) + "(?:/.*)?";
        }
        return out;
    }
}
