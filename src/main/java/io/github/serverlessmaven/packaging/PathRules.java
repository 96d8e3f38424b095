package io.github.serverlessmaven.packaging;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of include/exclude rules; paths start included and the last matching rule wins. */
public final class PathRules {

    private final List<PathRule> rules = new ArrayList<>();

    /**
     * Adds {@code package.patterns} in v3's form: a glob adds matching files, a glob starting with '!' drops them.
     */
    public PathRules addPatterns(List<String> patterns, String source) {
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i).trim();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclude = pattern.startsWith("!");
            Glob glob = Glob.compile(exclude ? pattern.substring(1) : pattern);
            rules.add(new PathRule(!exclude, glob::matches, pattern, source + "[" + i + "]"));
        }
        return this;
    }

    public PathRules addAll(List<PathRule> more) {
        rules.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public boolean included(String path) {
        boolean included = true;
        for (PathRule rule : rules) {
            if (rule.matches(path)) {
                included = rule.include();
            }
        }
        return included;
    }
}
