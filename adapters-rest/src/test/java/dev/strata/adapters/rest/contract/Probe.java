package dev.strata.adapters.rest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One request the contract fuzzer sends: an operation's valid request with one thing changed, and
 * whether the document calls the result valid.
 *
 * @param name   what was changed, for the test's name
 * @param field  the body field (as a path such as {@code items[0].sku}) or the parameter changed;
 *               null for the unchanged request
 * @param valid  whether the document accepts the request
 * @param change how the request differs from the operation's valid one
 */
record Probe(DocumentedOperation operation, String name, String field, boolean valid,
        Function<Request, Request> change) {

    /** A request as the fuzzer builds it. */
    record Request(Map<String, String> pathValues, Map<String, List<String>> query, Map<String, String> headers,
            Optional<JsonNode> body, Optional<String> rawBody) {

        Request withQuery(String name, List<String> values) {
            Map<String, List<String>> changed = new LinkedHashMap<>(query);
            changed.put(name, values);
            return new Request(pathValues, changed, headers, body, rawBody);
        }

        Request withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(name, value);
            return new Request(pathValues, query, changed, body, rawBody);
        }

        Request withPath(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(pathValues);
            changed.put(name, value);
            return new Request(changed, query, headers, body, rawBody);
        }

        Request withBody(JsonNode changed) {
            return new Request(pathValues, query, headers, Optional.of(changed), Optional.empty());
        }

        Request withRawBody(String text) {
            return new Request(pathValues, query, headers, body, Optional.of(text));
        }

        /** The path with its parameters put in and the query string, percent-encoded. */
        String target(String template) {
            String path = template;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            List<String> pairs = new ArrayList<>();
            query.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
            return pairs.isEmpty() ? path : path + "?" + String.join("&", pairs);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    @Override
    public String toString() {
        return operation + " " + name;
    }
}
