package io.github.serverlessmaven.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void singleStarStaysInOneSegment() {
        Glob glob = Glob.compile("*.txt");
        assertThat(glob.matches("a.txt")).isTrue();
        assertThat(glob.matches("dir/a.txt")).isFalse();
        assertThat(glob.matches(".hidden.txt")).isTrue();
    }

    @Test
    void doubleStarSpansZeroOrMoreSegments() {
        Glob glob = Glob.compile("**/*.class");
        assertThat(glob.matches("A.class")).isTrue();
        assertThat(glob.matches("com/example/A.class")).isTrue();
        assertThat(glob.matches("com/example/A.java")).isFalse();
        assertThat(Glob.compile("lib/**").matches("lib/a.jar")).isTrue();
        assertThat(Glob.compile("lib/**").matches("lib")).isTrue();
        assertThat(Glob.compile("lib/**").matches("library/a.jar")).isFalse();
        assertThat(Glob.compile("com/**/Handler.class").matches("com/Handler.class")).isTrue();
        assertThat(Glob.compile("com/**/Handler.class").matches("com/a/b/Handler.class")).isTrue();
    }

    @Test
    void questionMarkClassesAndBraces() {
        assertThat(Glob.compile("v?.json").matches("v1.json")).isTrue();
        assertThat(Glob.compile("v?.json").matches("v10.json")).isFalse();
        assertThat(Glob.compile("v[0-2].json").matches("v2.json")).isTrue();
        assertThat(Glob.compile("v[!0-2].json").matches("v2.json")).isFalse();
        assertThat(Glob.compile("v[!0-2].json").matches("v7.json")).isTrue();
        Glob braces = Glob.compile("lib/{slf4j,logback}-*.jar");
        assertThat(List.of("lib/slf4j-api.jar", "lib/logback-core.jar", "lib/guava.jar"))
                .filteredOn(braces::matches).containsExactly("lib/slf4j-api.jar", "lib/logback-core.jar");
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(Glob.compile("a+b(1).txt").matches("a+b(1).txt")).isTrue();
        assertThat(Glob.compile("a.txt").matches("abtxt")).isFalse();
        assertThat(Glob.compile("./a.txt").matches("a.txt")).isTrue();
    }

    @Test
    void laterPatternsWin() {
        PathRules rules = new PathRules().addPatterns(List.of("!**/*.txt", "keep/*.txt", "!keep/secret.txt"),
                "package.patterns");
        assertThat(rules.included("a.class")).isTrue();
        assertThat(rules.included("notes/a.txt")).isFalse();
        assertThat(rules.included("keep/a.txt")).isTrue();
        assertThat(rules.included("keep/secret.txt")).isFalse();
    }
}
