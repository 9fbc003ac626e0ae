package dev.strata.adapters.rest.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.HttpProblem;
import dev.strata.adapters.rest.http.HttpStatuses;
import dev.strata.adapters.rest.http.JsonMapper;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import dev.strata.core.orders.Order;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response.Status;
import java.io.StringReader;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a PATCH to an order's representation with jakarta.json (Parsson): an RFC 7396 merge patch
 * (a member absent is left alone, {@code null} removes it, a value replaces it) or an RFC 6902 JSON
 * Patch (add, remove, replace, move, copy, test, all or nothing). The patched document must still
 * be an order: read-only members ({@code id}, {@code owner_id}, {@code state}, {@code amount},
 * {@code version}, the times, {@code _links}) unchanged and no unknown members; the rest is read as
 * an {@link OrderRequest} and checked by the service like a new order.
 *
 * <p>Failures follow RFC 5789: a malformed patch document is 400 ({@code malformed_patch}); a
 * {@code test} that does not hold is 409 ({@code patch_test_failed}); an operation that cannot
 * be applied to this order (removing a missing member, moving a value into itself) is 422
 * ({@code patch_not_applicable}).
 */
final class OrderPatches {

    private static final Set<String> WRITABLE = Set.of("currency", "items", "comment");
    private static final Set<String> READ_ONLY =
            Set.of("id", "owner_id", "state", "amount", "created_at", "updated_at", "version", "_links");
    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");
    /** The most operations a JSON Patch may have; the document's {@code maxItems}. */
    static final int MAX_OPERATIONS = 1000;

    private OrderPatches() {
    }

    /** The order {@code current} becomes under an RFC 7396 merge patch. */
    static OrderRequest mergePatch(Order current, JsonNode patch) {
        if (patch == null) {
            // An empty body: the reader's null.
            throw ValidationException.of("body", "required", "a merge patch is a JSON document");
        }
        JsonObject original = representation(current);
        JsonValue patched = Json.createMergePatch(toJakarta(patch)).apply(original);
        return toRequest(original, patched);
    }

    /** The order {@code current} becomes under an RFC 6902 JSON Patch. */
    static OrderRequest jsonPatch(Order current, JsonNode patch) {
        JsonArray operations = checkedOperations(patch);
        JsonObject original = representation(current);
        JsonStructure patched = original;
        // One operation at a time, so that a failure can be told apart by its operation; nothing is
        // kept unless every operation applies.
        for (int i = 0; i < operations.size(); i++) {
            JsonObject operation = operations.getJsonObject(i);
            String op = operation.getString("op");
            if (op.equals("move") && isProperPrefix(operation.getString("from"), operation.getString("path"))) {
                throw notApplicable(i, "cannot move a value into itself");
            }
            try {
                patched = Json.createPatch(Json.createArrayBuilder().add(operation).build()).apply(patched);
            } catch (JsonException failed) {
                if (op.equals("test")) {
                    throw new HttpProblem(Status.CONFLICT, "patch_test_failed",
                            "operation " + i + " (test of " + operation.getString("path") + ") does not hold; nothing was changed");
                }
                throw notApplicable(i, failed.getMessage());
            }
        }
        return toRequest(original, patched);
    }

    private static HttpProblem notApplicable(int index, String why) {
        return new HttpProblem(HttpStatuses.UNPROCESSABLE_CONTENT, "patch_not_applicable",
                "operation " + index + " cannot be applied to this order (" + why + "); nothing was changed");
    }

    private static boolean isProperPrefix(String from, String path) {
        return path.startsWith(from + "/");
    }

    private static JsonArray checkedOperations(JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw malformed("a JSON Patch is an array of operations");
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw malformed("a JSON Patch has at most " + MAX_OPERATIONS + " operations, this one has " + patch.size());
        }
        JsonArray operations = toJakarta(patch).asJsonArray();
        for (int i = 0; i < operations.size(); i++) {
            JsonValue value = operations.get(i);
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("operation " + i + " is not an object");
            }
            JsonObject operation = value.asJsonObject();
            String op = text(operation, "op");
            if (op == null || !OPERATIONS.contains(op)) {
                throw malformed("operation " + i + " has no op among add, remove, replace, move, copy, test");
            }
            if (text(operation, "path") == null) {
                throw malformed("operation " + i + " has no path");
            }
            if ((op.equals("move") || op.equals("copy")) && text(operation, "from") == null) {
                throw malformed("operation " + i + " (" + op + ") has no from");
            }
            if ((op.equals("add") || op.equals("replace") || op.equals("test")) && !operation.containsKey("value")) {
                throw malformed("operation " + i + " (" + op + ") has no value");
            }
        }
        return operations;
    }

    private static String text(JsonObject operation, String name) {
        JsonValue value = operation.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static HttpProblem malformed(String detail) {
        return new HttpProblem(Status.BAD_REQUEST, "malformed_patch", detail);
    }

    private static OrderRequest toRequest(JsonObject original, JsonValue patched) {
        if (patched.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ValidationException.of("body", "invalid_type", "the patched order must be a JSON object");
        }
        JsonObject result = patched.asJsonObject();
        Validator validator = new Validator();
        JsonObjectBuilder writable = Json.createObjectBuilder();
        for (String name : READ_ONLY) {
            if (!Objects.equals(original.get(name), result.get(name))) {
                validator.reject(name, "read_only_field", "is set by the server and cannot be changed");
            }
        }
        for (Map.Entry<String, JsonValue> member : result.entrySet()) {
            if (WRITABLE.contains(member.getKey())) {
                writable.add(member.getKey(), member.getValue());
            } else if (!READ_ONLY.contains(member.getKey())) {
                validator.reject(member.getKey(), "unknown_field", "is not a field of an order");
            }
        }
        validator.throwIfInvalid();
        try {
            return JsonMapper.mapper().readValue(writable.build().toString(), OrderRequest.class);
        } catch (JsonProcessingException invalid) {
            // A JacksonException: the problem mapper names the field and the type it must have.
            throw new ProcessingException(invalid);
        }
    }

    private static JsonObject representation(Order order) {
        return toJakarta(JsonMapper.mapper().valueToTree(OrderResponse.of(order))).asJsonObject();
    }

    private static JsonValue toJakarta(JsonNode node) {
        try (JsonReader reader = Json.createReader(new StringReader(node.toString()))) {
            return reader.readValue();
        }
    }
}
