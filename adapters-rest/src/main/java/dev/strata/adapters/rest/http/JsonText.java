package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a JSON request body, held to RFC 8259 §8.1 and I-JSON (RFC 7493 §2.1): well-formed
 * UTF-8 (no overlong form, no encoded surrogate, nothing past U+10FFFF, no stray byte: the JDK's
 * decoder reports each, where Jackson's byte parser decodes an overlong {@code C0 AF} as {@code /}),
 * and strings and member names that are sequences of Unicode scalar values without noncharacters
 * (no unpaired surrogate escape such as {@code "\ud800"}, which Jackson reads as it is), and without
 * U+0000 ({@code "\u0000"}), which no stored text (PostgreSQL {@code text}) can hold. A failure
 * names where it is as a JSON pointer, found by reading the document up to the fault.
 */
final class JsonText {

    private static final JsonFactory TOKENS = JsonMapper.mapper().getFactory();

    private JsonText() {
    }

    /**
     * The body's characters.
     *
     * @throws InvalidJsonTextException when the body is not well-formed UTF-8 or holds a string
     *                                  that is not valid Unicode
     */
    static char[] read(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidJsonTextException(pointerAt(decodedPrefix(body, in.position())), "invalid_utf8",
                    "is not well-formed UTF-8 (byte " + in.position() + " of the body)");
        }
        decoder.flush(out);
        char[] text = new char[out.position()];
        out.flip().get(text);
        if (mayHoldInvalidScalars(text)) {
            checkStrings(text);
        }
        return text;
    }

    /**
     * Cheap first look: only a surrogate escape ({@code \\uD800} to {@code \\uDFFF}), a
     * noncharacter, an escape of one, or an escape starting {@code \\u0} (U+0000) can make a
     * string invalid once the bytes are well-formed.
     */
    private static boolean mayHoldInvalidScalars(char[] text) {
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (isNoncharacterUnit(c, i + 1 < text.length ? text[i + 1] : 0, i > 0 ? text[i - 1] : 0)) {
                return true;
            }
            if (c == '\\' && i + 2 < text.length && (text[i + 1] == 'u' || text[i + 1] == 'U')) {
                char first = text[i + 2];
                if (first == 'd' || first == 'D' || first == 'f' || first == 'F' || first == '0') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNoncharacterUnit(char c, char next, char previous) {
        if ((c >= '\uFDD0' && c <= '\uFDEF') || c == '\uFFFE' || c == '\uFFFF') {
            return true;
        }
        // A supplementary noncharacter (U+1FFFE, U+1FFFF, ... U+10FFFF): its low surrogate is DFFE or DFFF.
        return Character.isLowSurrogate(c) && (c == '\uDFFE' || c == '\uDFFF') && Character.isHighSurrogate(previous);
    }

    /** Reads every string and member name, and fails on the first that is not valid Unicode. */
    private static void checkStrings(char[] text) {
        try (JsonParser parser = TOKENS.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    String value = parser.getText();
                    String problem = invalidScalar(value);
                    if (problem != null || value.indexOf('\0') >= 0) {
                        String pointer = parser.getParsingContext().pathAsPointer().toString();
                        throw problem != null ? new InvalidJsonTextException(pointer, "invalid_unicode", problem)
                                : new InvalidJsonTextException(pointer, "invalid_character",
                                        "holds U+0000 (NUL), which text here cannot hold");
                    }
                }
            }
        } catch (IOException malformed) {
            // Not JSON at all: the real reading reports it.
        }
    }

    /** Why {@code value} is not a sequence of Unicode scalar values without noncharacters, or null. */
    static String invalidScalar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    return "holds the noncharacter U+" + Integer.toHexString(codePoint).toUpperCase();
                }
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase()
                        + "), which is no Unicode character";
            } else if ((c >= '\uFDD0' && c <= '\uFDEF') || c == '\uFFFE' || c == '\uFFFF') {
                return "holds the noncharacter U+" + Integer.toHexString(c).toUpperCase();
            }
        }
        return null;
    }

    /** The characters of the well-formed bytes before {@code end}. */
    private static char[] decodedPrefix(byte[] body, int end) {
        return new String(body, 0, end, StandardCharsets.UTF_8).toCharArray();
    }

    /** Where reading {@code prefix} stops: the pointer of the value (or name) the fault is inside. */
    private static String pointerAt(char[] prefix) {
        try (JsonParser parser = TOKENS.createParser(prefix)) {
            try {
                while (parser.nextToken() != null) {
                    // Read up to the end, where the cut-off value is.
                }
            } catch (IOException cutOff) {
                // Expected: the prefix ends inside the value that holds the fault.
            }
            return parser.getParsingContext().pathAsPointer().toString();
        } catch (IOException unreadable) {
            return "";
        }
    }
}
