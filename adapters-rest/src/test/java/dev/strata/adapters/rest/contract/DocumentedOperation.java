package dev.strata.adapters.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the served OpenAPI document, with its {@code $ref}s resolved: what the contract
 * fuzzer and the authorization matrix generate their requests from.
 *
 * @param method      upper case, as sent
 * @param path        the path template, such as {@code /v1/posts/{id}}
 * @param operationId the document's operation id
 * @param parameters  its parameters (path, query, header), resolved
 * @param bodyType    the first media type of its request body, if it takes one
 * @param bodySchema  that media type's schema, resolved at the top
 * @param secured     whether it needs a bearer token
 */
record DocumentedOperation(String method, String path, String operationId, List<JsonNode> parameters,
        Optional<String> bodyType, Optional<JsonNode> bodySchema, boolean bodyRequired, boolean secured) {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** Every operation of {@code document}, in the document's order. */
    static List<DocumentedOperation> all(JsonNode document) {
        List<DocumentedOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> entries = path.getValue().fields(); entries.hasNext();) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameter -> parameters.add(resolve(document, parameter)));
                operation.path("parameters").forEach(parameter -> parameters.add(resolve(document, parameter)));
                JsonNode body = resolve(document, operation.path("requestBody"));
                Optional<String> bodyType = Optional.empty();
                Optional<JsonNode> bodySchema = Optional.empty();
                if (body.has("content")) {
                    Map.Entry<String, JsonNode> first = body.get("content").fields().next();
                    bodyType = Optional.of(first.getKey());
                    bodySchema = Optional.of(resolve(document, first.getValue().path("schema")));
                }
                boolean secured = operation.has("security") ? !operation.get("security").isEmpty()
                        : document.path("security").size() > 0;
                operations.add(new DocumentedOperation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.path("operationId").asText(), parameters, bodyType, bodySchema,
                        body.path("required").asBoolean(false), secured));
            }
        }
        return operations;
    }

    /**
     * Every operation of {@code document} once per media type its request body takes (the first
     * as {@link #all} has it, then the others), so that each body's schema is probed.
     */
    static List<DocumentedOperation> everyBody(JsonNode document) {
        List<DocumentedOperation> operations = new ArrayList<>();
        for (DocumentedOperation operation : all(document)) {
            operations.add(operation);
            JsonNode content = resolve(document, document.path("paths").path(operation.path)
                    .path(operation.method.toLowerCase(Locale.ROOT)).path("requestBody")).path("content");
            for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext();) {
                Map.Entry<String, JsonNode> type = types.next();
                if (!operation.bodyType.orElseThrow().equals(type.getKey())) {
                    operations.add(new DocumentedOperation(operation.method, operation.path, operation.operationId,
                            operation.parameters, Optional.of(type.getKey()),
                            Optional.of(resolve(document, type.getValue().path("schema"))), operation.bodyRequired,
                            operation.secured));
                }
            }
        }
        return operations;
    }

    /** The node a {@code $ref} names (followed until it names no other), or {@code node} itself. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        while (current != null && current.has("$ref")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    List<JsonNode> parametersIn(String location) {
        return parameters.stream().filter(parameter -> location.equals(parameter.path("in").asText())).toList();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
