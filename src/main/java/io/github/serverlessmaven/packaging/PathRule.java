package io.github.serverlessmaven.packaging;

import java.util.function.Predicate;

/**
 * One include or exclude rule over zip entry paths; the last rule that matches a path decides.
 *
 * @param include true to add matching paths, false to drop them
 * @param source where the rule came from, for messages ({@code package.patterns[2]}, {@code .slsignore:4})
 */
public record PathRule(boolean include, Predicate<String> matcher, String text, String source) {

    public boolean matches(String path) {
        return matcher.test(path);
    }
}
