package dev.strata.adapters.graphql.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint's JSON: requests read strictly (UTF-8 only, no duplicate keys, bounded nesting,
 * exact decimals, and no string holding U+0000 or half of a surrogate pair, which no stored text
 * could keep as sent), responses written as the GraphQL specification lays them out. Thread-safe.
 */
final class GraphqlJson {

    /** Deeper variables than any input of the schema needs. */
    private static final int MAX_NESTING = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).build());
    }

    private GraphqlJson() {
    }

    /**
     * The JSON document in {@code bytes}, which must be well-formed UTF-8.
     *
     * @throws RequestException {@code invalid_json} (naming {@code what}) otherwise
     */
    static JsonNode read(byte[] bytes, String what) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException malformed) {
            throw new RequestException("invalid_json", what + " is not well-formed UTF-8");
        }
        return read(text, what);
    }

    /** {@link #read(byte[], String)} of text already decoded (a query parameter). */
    static JsonNode read(String text, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException malformed) {
            throw new RequestException("invalid_json", what + " is not well-formed JSON (RFC 8259)");
        }
        if (node == null || node.isMissingNode()) {
            throw new RequestException("invalid_json", what + " is empty");
        }
        checkText(node, what);
        return node;
    }

    /** A JSON object's members as Java values: maps, lists, strings, numbers, booleans and nulls. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode object) {
        return MAPPER.convertValue(object, Map.class);
    }

    /** The JSON text of {@code value}. */
    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("a GraphQL response could not be written", e);
        }
    }

    private static void checkText(JsonNode node, String where) {
        if (node.isTextual()) {
            problemIn(node.textValue()).ifPresent(problem -> {
                throw new RequestException("invalid_text", where + " holds a string with " + problem);
            });
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                problemIn(member.getKey()).ifPresent(problem -> {
                    throw new RequestException("invalid_text", where + " holds a member name with " + problem);
                });
                checkText(member.getValue(), where);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                checkText(element, where);
            }
        }
    }

    private static Optional<String> problemIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("U+0000, which text here cannot hold");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("half of a surrogate pair, which is not Unicode text");
            }
        }
        return Optional.empty();
    }
}
