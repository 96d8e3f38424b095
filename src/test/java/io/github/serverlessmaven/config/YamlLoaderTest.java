package io.github.serverlessmaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLoaderTest {

    @Test
    void keepsPositionsOfValuesAndKeys() {
        MapNode root = (MapNode) YamlLoader.load("service: demo\nprovider:\n  name: aws\n  memorySize: 512\n", "s.yml");
        MapNode provider = (MapNode) root.get("provider");
        assertThat(provider.get("memorySize").position()).isEqualTo(new Position("s.yml", 4, 15));
        assertThat(provider.keyPosition("memorySize")).isEqualTo(new Position("s.yml", 4, 3));
        assertThat(((ScalarNode) provider.get("memorySize")).value()).isEqualTo(512);
    }

    @Test
    void readsYaml12BooleansOnly() {
        MapNode root = (MapNode) YamlLoader.load("a: true\nb: yes\nc: off\nd: 'true'\n", "s.yml");
        assertThat(root.toPlain()).isEqualTo(Map.of("a", true, "b", "yes", "c", "off", "d", "true"));
    }

    @Test
    void turnsCloudFormationShortFormsIntoLongForms() {
        MapNode root = (MapNode) YamlLoader.load("""
                a: !Ref Bucket
                b: !GetAtt Queue.Arn
                c: !Sub 'arn:${AWS::Partition}:s3:::x'
                d: !Join [':', [a, b]]
                """, "s.yml");
        assertThat(root.toPlain()).isEqualTo(Map.of(
                "a", Map.of("Ref", "Bucket"),
                "b", Map.of("Fn::GetAtt", List.of("Queue", "Arn")),
                "c", Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::x"),
                "d", Map.of("Fn::Join", List.of(":", List.of("a", "b")))));
    }

    @Test
    void mergeKeysApplyAndExplicitKeysWin() {
        MapNode root = (MapNode) YamlLoader.load("""
                base: &base { memorySize: 512, timeout: 10 }
                fn:
                  <<: *base
                  timeout: 20
                """, "s.yml");
        assertThat(root.get("fn").toPlain()).isEqualTo(Map.of("memorySize", 512, "timeout", 20));
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        assertThatThrownBy(() -> YamlLoader.load("service: demo\nprovider:\n  name: aws\n   bad: indent\n", "serverless.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("serverless.yml:4:")
                .hasMessageContaining("invalid YAML")
                .hasMessageContaining("perhaps you should fix the YAML syntax");
    }

    @Test
    void duplicateKeyIsAnError() {
        assertThatThrownBy(() -> YamlLoader.load("service: a\nservice: b\n", "serverless.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:2:1: duplicate key 'service' (first at line 1), perhaps you should remove one of the two");
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i > 0 ? ", " : "").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        assertThatThrownBy(() -> YamlLoader.load(yaml.toString(), "bomb.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bomb.yml");
    }

    @Test
    void invalidUtf8NamesTheByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("serverless.yml");
        Files.write(file, new byte[] {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> YamlLoader.load(file, "serverless.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("serverless.yml:2:4: the file is not valid UTF-8 (byte 0xFF at offset 8), perhaps you should save the file as UTF-8");
    }

    @Test
    void missingFileSaysWhatToDo(@TempDir Path dir) {
        assertThatThrownBy(() -> YamlLoader.load(dir.resolve("nope.yml"), "nope.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("nope.yml: the file does not exist, perhaps you should create it or point serverless.config at the right file");
    }
}
