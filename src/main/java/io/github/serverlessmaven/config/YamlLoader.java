package io.github.serverlessmaven.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads YAML (and JSON, which is YAML) into a {@link Node} tree that keeps positions. CloudFormation short
 * forms ({@code !Ref}, {@code !GetAtt}, {@code !Sub} ...) become their long map forms, as v3 does.
 */
public final class YamlLoader {

    /** Bounds that keep a hostile document from exhausting memory: aliases, size and expanded node count. */
    static final int MAX_ALIASES = 100;
    static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    static final int MAX_NODES = 500_000;

    private YamlLoader() {}

    public static Node load(Path file) {
        return load(file, file.toString());
    }

    /** @param display how error messages name the file, e.g. relative to the project */
    public static Node load(Path file, String display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Position.of(display), "", "the file does not exist",
                    "create it or point serverless.config at the right file");
        } catch (IOException e) {
            throw new ConfigException(Position.of(display), "", "the file cannot be read (" + e.getMessage() + ")",
                    "check its permissions");
        }
        return load(decodeUtf8(bytes, display), display);
    }

    public static Node load(String text, String display) {
        // Most service files are plain enough for the small reader; it returns null for anything else, and
        // snakeyaml then gives the same tree or the error message, and is not even loaded when it is not needed.
        Node fast = FastYamlReader.read(text, display);
        return fast != null ? fast : loadWithSnakeyaml(text, display);
    }

    /** The snakeyaml reading: the reference the fast reader must match, and what reads everything else. */
    static Node loadWithSnakeyaml(String text, String display) {
        return SnakeyamlLoader.load(text, display);
    }

    private static String decodeUtf8(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new ConfigException(new Position(display, line, column), "",
                    "the file is not valid UTF-8 (byte 0x" + String.format("%02X", bytes[offset] & 0xFF)
                            + " at offset " + offset + ")",
                    "save the file as UTF-8");
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lo = 0;
        int hi = bytes.length;
        // The shortest prefix that fails to decode ends in the bad byte (give or take a multi-byte sequence).
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            try {
                decoder.reset().decode(ByteBuffer.wrap(bytes, 0, mid + 1));
                lo = mid + 1;
            } catch (CharacterCodingException e) {
                hi = mid;
            }
        }
        int offset = Math.min(lo, bytes.length - 1);
        while (offset > 0 && (bytes[offset] & 0xC0) == 0x80 && offset > lo - 3) {
            offset--;
        }
        return offset;
    }
}
