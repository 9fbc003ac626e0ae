package dev.strata.adapters.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Values the document's schemas accept or refuse, made from the schemas alone (their types,
 * lengths, ranges, enums, patterns and examples): a small generator in place of a fuzzing library,
 * none of which for OpenAPI is available as a Java library here. A value it cannot make (a string
 * of a given length that a pattern accepts, when neither the example nor a run of one character
 * fits) it says so, and the probe is not made.
 */
final class SchemaValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String FILLERS = "aA0x-.";
    /** Characters that break a pattern: control, space, punctuation, non-ASCII, a wide space. */
    private static final List<String> BREAKERS = List.of("\u0000", " ", "/", "~", "!", "\u00e9", "\u3000");

    private final JsonNode document;
    private final AtomicInteger unique = new AtomicInteger();

    SchemaValues(JsonNode document) {
        this.document = document;
    }

    JsonNode resolve(JsonNode schema) {
        return DocumentedOperation.resolve(document, schema);
    }

    /**
     * A value {@code schema} accepts: its first enum value, its example, or the least it allows; an
     * object with every writable member.
     */
    JsonNode valid(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (!resolved.has("type") && !resolved.has("properties") && resolved.has("example")) {
            // Any JSON value: the one the document gives as its example.
            return resolved.get("example");
        }
        switch (type(resolved)) {
            case "string" -> {
                return JSON.textNode(text(resolved, -1).orElseThrow(
                        () -> new AssertionError("no value fits the schema " + resolved)));
            }
            case "integer", "number" -> {
                if (resolved.has("example") && resolved.get("example").isNumber()) {
                    return resolved.get("example");
                }
                return JSON.numberNode(resolved.has("minimum") ? resolved.get("minimum").asLong() : 1);
            }
            case "boolean" -> {
                return JSON.booleanNode(true);
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                for (int i = 0; i < Math.max(1, resolved.path("minItems").asInt(1)); i++) {
                    array.add(valid(resolved.get("items")));
                }
                return array;
            }
            default -> {
                // Every writable member, so that each can be changed in place by a probe.
                ObjectNode object = JSON.objectNode();
                resolved.path("properties").fields().forEachRemaining(property -> {
                    if (!property.getValue().path("readOnly").asBoolean(false)) {
                        object.set(property.getKey(), valid(property.getValue()));
                    }
                });
                return object;
            }
        }
    }

    static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        return schema.has("properties") ? "object" : "any";
    }

    /**
     * A string of {@code length} code points (or of the example's length, when -1) that the schema
     * accepts. An example holding an {@code @} is an email: it is made unique and grown by DNS labels.
     */
    Optional<String> text(JsonNode schema, int length) {
        String example = schema.path("example").isTextual() ? schema.get("example").asText() : "";
        if (example.contains("@")) {
            return email(example.substring(example.indexOf('@') + 1), length < 0 ? 24 : length)
                    .filter(value -> accepts(schema, value));
        }
        if (length < 0) {
            if (accepts(schema, example)) {
                return Optional.of(example);
            }
            length = Math.max(1, schema.path("minLength").asInt(1));
        }
        List<String> candidates = new ArrayList<>();
        for (char filler : FILLERS.toCharArray()) {
            candidates.add(fit(example, filler, length));
            candidates.add(String.valueOf(filler).repeat(length));
        }
        return candidates.stream().filter(value -> accepts(schema, value)).findFirst();
    }

    private static String fit(String seed, char filler, int length) {
        int seedLength = seed.codePointCount(0, seed.length());
        if (seedLength >= length) {
            return seed.substring(0, seed.offsetByCodePoints(0, length));
        }
        return seed + String.valueOf(filler).repeat(length - seedLength);
    }

    /** A unique address of {@code length} characters at {@code domain}, longer by labels of up to 63. */
    private Optional<String> email(String domain, int length) {
        StringBuilder local = new StringBuilder("u" + unique.incrementAndGet());
        int remaining = length - local.length() - 1 - domain.length();
        if (remaining < 0) {
            return Optional.empty();
        }
        StringBuilder labels = new StringBuilder();
        while (remaining > 0) {
            if (remaining == 1 || local.length() < 8) {
                local.append('a');
                remaining--;
                continue;
            }
            int label = Math.min(63, remaining - 1);
            if (remaining - (label + 1) == 1) {
                label--;
            }
            labels.append("b".repeat(label)).append('.');
            remaining -= label + 1;
        }
        return Optional.of(local + "@" + labels + domain);
    }

    /** Whether the string schema accepts {@code value}: length in code points, pattern, enum. */
    boolean accepts(JsonNode schema, String value) {
        int length = value.codePointCount(0, value.length());
        if (length < schema.path("minLength").asInt(0) || length > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
            return false;
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
            return false;
        }
        if (schema.has("enum")) {
            for (JsonNode option : schema.get("enum")) {
                if (option.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /**
     * A value of an accepted length that the schema's pattern refuses, made by putting one character
     * the pattern does not allow in the middle of an accepted value; empty without a pattern.
     */
    Optional<String> breakingPattern(JsonNode schema, String acceptedValue, boolean forAHeader) {
        if (!schema.has("pattern") || acceptedValue.isEmpty()) {
            return Optional.empty();
        }
        Pattern pattern = Pattern.compile(schema.get("pattern").asText());
        int middle = acceptedValue.length() / 2;
        for (String breaker : BREAKERS) {
            // A header carries visible ASCII and inner spaces only.
            if (forAHeader && (breaker.charAt(0) < ' ' || breaker.charAt(0) > '~')) {
                continue;
            }
            String broken = acceptedValue.substring(0, middle) + breaker + acceptedValue.substring(middle + 1);
            if (broken.length() > 1 && !pattern.matcher(broken).find()) {
                return Optional.of(broken);
            }
        }
        return Optional.empty();
    }
}
