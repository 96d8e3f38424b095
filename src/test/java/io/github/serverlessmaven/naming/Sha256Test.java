package io.github.serverlessmaven.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void matchesTheStandardTestVectors() {
        assertThat(hex(Sha256.of(""))).isEqualTo(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(Sha256.of("abc"))).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(Sha256.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).isEqualTo(
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    /** Every length around the padding boundaries (55/56 and 63/64 bytes a block), and multi-block texts. */
    @Test
    void agreesWithMessageDigestForEveryLengthAroundTheBlockBoundaries() throws Exception {
        Random random = new Random(42);
        for (int length = 0; length <= 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertThat(Sha256.of(message)).as("length %d", length)
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(message));
        }
    }

    @Test
    void hashesTextAsUtf8() throws Exception {
        String text = "Grüße, 世界: {\"Handler\":\"com.example.Fn::handleRequest\"}";
        assertThat(Sha256.of(text)).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
