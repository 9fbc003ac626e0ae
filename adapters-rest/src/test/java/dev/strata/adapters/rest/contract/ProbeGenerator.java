package dev.strata.adapters.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Makes, for one operation, requests at and just past every bound the document states: string
 * lengths (min and max, and one past), numeric ranges, enums, patterns, required fields left out,
 * wrong JSON types, {@code null}s, unknown fields, parameters repeated or unknown. Everything comes
 * from the document; nothing here names an operation or a field.
 */
final class ProbeGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * Parameters and fields whose valid values name server state (a page token minted by the
     * server, the id of a post the caller can read, the account's current password) rather than a
     * shape: the document cannot say which values are valid, so only their refusals are probed.
     */
    private static final Set<String> STATEFUL = Set.of("page_token", "last_id", "current_password");
    /**
     * The request headers whose values this API itself bounds; the conditional and preference
     * headers follow their RFCs' own parsing rules and have tests of their own, so of them only a
     * documented maximum length is probed.
     */
    private static final Set<String> BOUNDED_HEADERS = Set.of("Request-Id", "Idempotency-Key");

    private static final String FRACTION = "with a fraction";

    private final SchemaValues values;

    ProbeGenerator(SchemaValues values) {
        this.values = values;
    }

    List<Probe> probes(DocumentedOperation operation) {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe(operation, "as documented", null, true, request -> request));
        for (JsonNode parameter : operation.parametersIn("query")) {
            queryProbes(operation, parameter, probes);
        }
        if (!operation.parametersIn("query").isEmpty()) {
            probes.add(new Probe(operation, "with an unknown query parameter", "unknown_parameter", false,
                    request -> request.withQuery("unknown_parameter", List.of("1"))));
        }
        for (JsonNode parameter : operation.parametersIn("header")) {
            if (BOUNDED_HEADERS.contains(parameter.get("name").asText())) {
                headerProbes(operation, parameter, probes);
            } else {
                headerLengthProbes(operation, parameter, probes);
            }
        }
        for (JsonNode parameter : operation.parametersIn("path")) {
            String name = parameter.get("name").asText();
            JsonNode schema = values.resolve(parameter.get("schema"));
            probes.add(new Probe(operation, "path " + name + " past its pattern", name, false,
                    request -> request.withPath(name, values.breakingPattern(schema, request.pathValues().get(name),
                            false).orElse(request.pathValues().get(name) + "!"))));
        }
        operation.bodySchema().ifPresent(schema -> bodyProbes(operation, values.resolve(schema), probes));
        return probes;
    }

    private void queryProbes(DocumentedOperation operation, JsonNode parameter, List<Probe> probes) {
        String name = parameter.get("name").asText();
        JsonNode schema = values.resolve(parameter.get("schema"));
        boolean repeatable = SchemaValues.type(schema).equals("array");
        JsonNode one = repeatable ? values.resolve(schema.get("items")) : schema;
        boolean stateful = STATEFUL.contains(name);
        for (Bound bound : scalarBounds(one)) {
            if (bound.valid() && stateful) {
                continue;
            }
            probes.add(new Probe(operation, "query " + name + " " + bound.name(), name, bound.valid(),
                    request -> request.withQuery(name, List.of(bound.value().asText()))));
        }
        if (stateful) {
            return;
        }
        String value = values.valid(one).asText();
        if (repeatable) {
            int most = schema.path("maxItems").asInt(10);
            probes.add(new Probe(operation, "query " + name + " repeated " + most + " times", name, true,
                    request -> request.withQuery(name, Collections.nCopies(most, value))));
            probes.add(new Probe(operation, "query " + name + " repeated " + (most + 1) + " times", name, false,
                    request -> request.withQuery(name, Collections.nCopies(most + 1, value))));
        } else {
            probes.add(new Probe(operation, "query " + name + " given twice", name, false,
                    request -> request.withQuery(name, List.of(value, value))));
        }
    }

    private void headerProbes(DocumentedOperation operation, JsonNode parameter, List<Probe> probes) {
        String name = parameter.get("name").asText();
        JsonNode schema = values.resolve(parameter.get("schema"));
        for (Bound bound : scalarBounds(schema)) {
            String text = bound.value().asText();
            // Only what a header can carry: visible ASCII and inner spaces, not empty.
            if (!text.isEmpty() && text.chars().allMatch(c -> c >= ' ' && c <= '~') && text.strip().equals(text)) {
                probes.add(new Probe(operation, "header " + name + " " + bound.name(), name, bound.valid(),
                        request -> request.withHeader(name, text)));
            }
        }
    }

    /**
     * A header that follows its RFC's syntax but has a documented {@code maxLength}: its documented
     * example lengthened (after its first character, so that a quoted example stays quoted) to the
     * maximum, which must be read, and one past it, which must be refused.
     */
    private void headerLengthProbes(DocumentedOperation operation, JsonNode parameter, List<Probe> probes) {
        String name = parameter.get("name").asText();
        JsonNode schema = values.resolve(parameter.get("schema"));
        String example = schema.path("example").asText("");
        if (!schema.has("maxLength") || example.length() < 2) {
            return;
        }
        int maximum = schema.get("maxLength").asInt();
        for (int length : List.of(maximum, maximum + 1)) {
            String text = example.charAt(0) + "a".repeat(length - example.length()) + example.substring(1);
            probes.add(new Probe(operation, "header " + name + " of " + length + " characters", name,
                    length <= maximum, request -> request.withHeader(name, text)));
        }
    }

    /** A scalar's values at and past its bounds, each said to be valid or not by the document. */
    private List<Bound> scalarBounds(JsonNode schema) {
        List<Bound> bounds = new ArrayList<>();
        if (schema.has("enum")) {
            schema.get("enum").forEach(option -> bounds.add(new Bound("= " + option.asText(), option, true)));
            bounds.add(new Bound("outside its enum", JSON.textNode("not-an-option"), false));
            return bounds;
        }
        switch (SchemaValues.type(schema)) {
            case "integer", "number" -> {
                if (schema.has("minimum")) {
                    long minimum = schema.get("minimum").asLong();
                    bounds.add(new Bound("at its minimum", JSON.numberNode(minimum), true));
                    bounds.add(new Bound("below its minimum", JSON.numberNode(minimum - 1), false));
                }
                if (schema.has("maximum")) {
                    long maximum = schema.get("maximum").asLong();
                    bounds.add(new Bound("at its maximum", JSON.numberNode(maximum), true));
                    bounds.add(new Bound("above its maximum", JSON.numberNode(maximum + 1), false));
                }
                if (SchemaValues.type(schema).equals("integer")) {
                    bounds.add(new Bound(FRACTION, JSON.numberNode(1.5), false));
                }
                bounds.add(new Bound("as text", JSON.textNode("ten"), false));
            }
            case "string" -> {
                String example = values.valid(schema).asText();
                bounds.add(new Bound("as documented", JSON.textNode(example), true));
                int minimum = schema.path("minLength").asInt(0);
                values.text(schema, Math.max(minimum, 1)).ifPresent(text ->
                        bounds.add(new Bound("at its shortest", JSON.textNode(text), true)));
                if (minimum > 0) {
                    bounds.add(new Bound("one shorter than its shortest",
                            JSON.textNode("a".repeat(minimum - 1)), false));
                }
                if (schema.has("maxLength")) {
                    int maximum = schema.get("maxLength").asInt();
                    values.text(schema, maximum).ifPresent(text ->
                            bounds.add(new Bound("at its longest", JSON.textNode(text), true)));
                    bounds.add(new Bound("one longer than its longest", JSON.textNode(
                            values.text(schema, maximum).map(text -> text + text.charAt(0)).orElse("a".repeat(maximum + 1))),
                            false));
                }
                values.breakingPattern(schema, example, false).ifPresent(text ->
                        bounds.add(new Bound("breaking its pattern", JSON.textNode(text), false)));
            }
            default -> {
            }
        }
        return bounds;
    }

    private record Bound(String name, JsonNode value, boolean valid) {
    }

    private void bodyProbes(DocumentedOperation operation, JsonNode schema, List<Probe> probes) {
        probes.add(new Probe(operation, "with an empty body", "", false, request -> request.withRawBody("")));
        boolean object = SchemaValues.type(schema).equals("object");
        probes.add(new Probe(operation, "with a body of the wrong JSON type", "", false,
                request -> request.withRawBody(object ? "[]" : "{}")));
        if (SchemaValues.type(schema).equals("array")) {
            wholeArrayProbes(operation, schema, probes);
        }
        if (!object) {
            return;
        }
        probes.add(new Probe(operation, "with an unknown field", "unknown_field", false,
                request -> request.withBody(with(request.body().orElseThrow(), List.of("unknown_field"),
                        node -> JSON.numberNode(1)))));
        fieldProbes(operation, schema, List.of(), probes);
    }

    /**
     * A body that is an array (a JSON Patch): its documented maximum of items, one past it, and an
     * unknown member in an item, which the item schema's {@code additionalProperties} allows or not.
     */
    private void wholeArrayProbes(DocumentedOperation operation, JsonNode schema, List<Probe> probes) {
        if (schema.has("maxItems")) {
            int most = schema.get("maxItems").asInt();
            for (int count : List.of(most, most + 1)) {
                probes.add(new Probe(operation, "with " + count + " items", "", count <= most,
                        request -> request.withBody(copies(request.body().orElseThrow().get(0), count))));
            }
        }
        JsonNode items = values.resolve(schema.get("items"));
        if (SchemaValues.type(items).equals("object")) {
            boolean allowed = !items.path("additionalProperties").isBoolean()
                    || items.get("additionalProperties").asBoolean();
            probes.add(new Probe(operation, "with an unknown member in an item", "", allowed,
                    request -> request.withBody(with(request.body().orElseThrow(), List.of(0, "unknown_member"),
                            node -> JSON.numberNode(1)))));
        }
    }

    private void fieldProbes(DocumentedOperation operation, JsonNode objectSchema, List<Object> at, List<Probe> probes) {
        Set<String> required = new java.util.HashSet<>();
        objectSchema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties = objectSchema.path("properties").fields();
                properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (property.getValue().path("readOnly").asBoolean(false)) {
                continue;
            }
            List<Object> path = new ArrayList<>(at);
            path.add(property.getKey());
            String field = fieldName(path);
            JsonNode schema = values.resolve(property.getValue());
            if (required.contains(property.getKey())) {
                probes.add(new Probe(operation, "without " + field, field, false,
                        request -> request.withBody(without(request.body().orElseThrow(), path))));
            }
            if (!schema.path("nullable").asBoolean(false)) {
                probes.add(new Probe(operation, field + " null", field, false,
                        request -> request.withBody(with(request.body().orElseThrow(), path, node -> JSON.nullNode()))));
            }
            String type = SchemaValues.type(schema);
            probes.add(new Probe(operation, field + " of the wrong JSON type", field, false,
                    request -> request.withBody(with(request.body().orElseThrow(), path,
                            node -> type.equals("string") ? JSON.numberNode(12345) : JSON.textNode("12345")))));
            switch (type) {
                case "object" -> fieldProbes(operation, schema, path, probes);
                case "array" -> arrayProbes(operation, schema, path, field, probes);
                default -> scalarBounds(schema).stream()
                        .filter(bound -> !(bound.valid() && STATEFUL.contains(property.getKey())))
                        // A fraction for an integer is the JSON reader's strict typing, which its own tests cover.
                        .filter(bound -> !bound.name().equals(FRACTION))
                        .forEach(bound -> probes.add(new Probe(operation, field + " " + bound.name(), field,
                                bound.valid(), request -> request.withBody(
                                        with(request.body().orElseThrow(), path, node -> bound.value())))));
            }
        }
    }

    private void arrayProbes(DocumentedOperation operation, JsonNode schema, List<Object> path, String field,
            List<Probe> probes) {
        JsonNode items = values.resolve(schema.get("items"));
        JsonNode item = values.valid(items);
        if (schema.has("maxItems")) {
            int most = schema.get("maxItems").asInt();
            probes.add(new Probe(operation, field + " with " + most + " items", field, true,
                    request -> request.withBody(with(request.body().orElseThrow(), path, node -> copies(item, most)))));
            probes.add(new Probe(operation, field + " with " + (most + 1) + " items", field, false,
                    request -> request.withBody(with(request.body().orElseThrow(), path,
                            node -> copies(item, most + 1)))));
        }
        if (schema.path("minItems").asInt(0) > 0) {
            int least = schema.get("minItems").asInt();
            probes.add(new Probe(operation, field + " with " + (least - 1) + " items", field, false,
                    request -> request.withBody(with(request.body().orElseThrow(), path,
                            node -> copies(item, least - 1)))));
        }
        if (SchemaValues.type(items).equals("object")) {
            List<Object> first = new ArrayList<>(path);
            first.add(0);
            fieldProbes(operation, items, first, probes);
        }
    }

    private static ArrayNode copies(JsonNode item, int count) {
        ArrayNode array = JSON.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(item.deepCopy());
        }
        return array;
    }

    static String fieldName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(segment);
            }
        }
        return name.toString();
    }

    /** A copy of {@code body} with the node at {@code path} replaced by {@code change} of it. */
    static JsonNode with(JsonNode body, List<Object> path, UnaryOperator<JsonNode> change) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, change.apply(parent.get(index)));
        } else {
            ((ObjectNode) parent).set((String) last, change.apply(parent.get((String) last)));
        }
        return copy;
    }

    static JsonNode without(JsonNode body, List<Object> path) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) path.get(i));
        }
        ((ObjectNode) parent).remove((String) path.getLast());
        return copy;
    }

    static Optional<JsonNode> baseline(SchemaValues values, DocumentedOperation operation) {
        return operation.bodySchema().map(values::valid);
    }
}
