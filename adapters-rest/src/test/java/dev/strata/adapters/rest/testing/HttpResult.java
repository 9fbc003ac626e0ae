package dev.strata.adapters.rest.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** A response as a test sees it: status, headers, body text, and the body as JSON on demand. */
public record HttpResult(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body is not JSON: " + body, e);
        }
    }

    /** A JSON field of the body, as text. */
    public String field(String name) {
        JsonNode node = json().get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + " " + body;
    }
}
