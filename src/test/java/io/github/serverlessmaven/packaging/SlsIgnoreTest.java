package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlsIgnoreTest {

    private static PathRules rules(String... lines) {
        return new PathRules().addAll(SlsIgnore.parse(List.of(lines)));
    }

    @Test
    void patternWithoutSlashMatchesAtAnyDepth() {
        PathRules rules = rules("# comment", "", "*.md");
        assertThat(rules.included("README.md")).isFalse();
        assertThat(rules.included("docs/guide.md")).isFalse();
        assertThat(rules.included("com/A.class")).isTrue();
    }

    @Test
    void patternWithSlashIsAnchoredAtTheRoot() {
        PathRules rules = rules("/config.json", "lib/junit-*.jar");
        assertThat(rules.included("config.json")).isFalse();
        assertThat(rules.included("nested/config.json")).isTrue();
        assertThat(rules.included("lib/junit-4.13.jar")).isFalse();
        assertThat(rules.included("lib/guava.jar")).isTrue();
    }

    @Test
    void trailingSlashMatchesFoldersAndEverythingBelow() {
        PathRules rules = rules("fixtures/");
        assertThat(rules.included("fixtures/a.json")).isFalse();
        assertThat(rules.included("com/example/fixtures/b/c.json")).isFalse();
        assertThat(rules("fixtures/").included("fixtures")).isTrue();
        assertThat(rules("secrets").included("secrets/key.pem")).isFalse();
    }

    @Test
    void negationReincludesAndLastMatchWins() {
        PathRules rules = rules("*.json", "!keep.json");
        assertThat(rules.included("data.json")).isFalse();
        assertThat(rules.included("a/keep.json")).isTrue();
        assertThat(rules("!keep.json", "*.json").included("keep.json")).isFalse();
    }

    @Test
    void rulesSayWhereTheyCameFrom() {
        List<PathRule> parsed = SlsIgnore.parse(List.of("# c", "*.md  ", "!README.md"));
        assertThat(parsed).extracting(PathRule::source).containsExactly(".slsignore:2", ".slsignore:3");
        assertThat(parsed).extracting(PathRule::include).containsExactly(false, true);
    }
}
