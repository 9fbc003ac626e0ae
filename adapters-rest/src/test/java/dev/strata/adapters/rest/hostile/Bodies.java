package dev.strata.adapters.rest.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.core.orders.OrderId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A valid body for every operation that reads one, and the places inside it (each member and array
 * element, as the field path the API names in its errors, such as {@code items[0].quantity}), for
 * tests that spoil one place at a time.
 */
final class Bodies {

    static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    /** An operation with a valid body; {@code request} builds a fresh call (with If-Match where needed). */
    record Operation(String name, String contentType, String body, Supplier<HttpDriver.Call> request) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A place in a body: its field path and the node there. */
    record Place(String field, List<Object> steps, JsonNode value) {
    }

    static List<Operation> operations(TestApi api) {
        HttpDriver http = api.http;
        Accounts.SignedIn ada = Accounts.signUpAndIn(http);
        String token = ada.token();
        String order = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unit_price\":\"12.50\"}],"
                + "\"comment\":\"gift\"}";
        String post = http.post("/v1/posts").bearer(token).json("{\"body\":\"hello\"}").send().field("id");
        String channel = http.post("/v1/channels").bearer(token).json("{\"name\":\"team\"}").send().field("id");
        String orderId = http.post("/v1/orders").bearer(token).json(order).send().field("id");
        return List.of(
                new Operation("createAccount", "application/json",
                        "{\"email\":\"typed@example.com\",\"password\":\"correct horse battery staple\","
                                + "\"display_name\":\"Ada\"}", () -> http.post("/v1/accounts")),
                new Operation("createSession", "application/json",
                        "{\"email\":\"" + ada.email() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}",
                        () -> http.post("/v1/sessions")),
                new Operation("createPost", "application/json", "{\"body\":\"hello\"}",
                        () -> http.post("/v1/posts").bearer(token)),
                new Operation("createChannel", "application/json", "{\"name\":\"team\"}",
                        () -> http.post("/v1/channels").bearer(token)),
                new Operation("createChannelPost", "application/json", "{\"body\":\"hello\"}",
                        () -> http.post("/v1/channels/" + channel + "/posts").bearer(token)),
                new Operation("createOrder", "application/json", order, () -> http.post("/v1/orders").bearer(token)),
                new Operation("putOrder", "application/json", order,
                        () -> http.put("/v1/orders/" + OrderId.generate(Clock.systemUTC()).value()).bearer(token)),
                new Operation("patchAccount", "application/merge-patch+json", "{\"display_name\":\"Ada\"}",
                        () -> conditional(http, "/v1/accounts/" + ada.id(), token)),
                new Operation("patchPost", "application/merge-patch+json", "{\"body\":\"hello again\"}",
                        () -> conditional(http, "/v1/posts/" + post, token)),
                new Operation("patchOrder", "application/merge-patch+json",
                        "{\"comment\":\"gift\",\"items\":[{\"sku\":\"PEN-7\",\"quantity\":3,\"unit_price\":\"1.99\"}]}",
                        () -> conditional(http, "/v1/orders/" + orderId, token)));
    }

    private static HttpDriver.Call conditional(HttpDriver http, String path, String token) {
        String tag = http.get(path).bearer(token).send().header("ETag").orElseThrow();
        return http.patch(path).bearer(token).header("If-Match", tag);
    }

    /** Every member and element of {@code root}, depth first, the root itself left out. */
    static List<Place> places(JsonNode root) {
        List<Place> places = new ArrayList<>();
        collect(root, "", new ArrayList<>(), places);
        return places;
    }

    private static void collect(JsonNode node, String field, List<Object> steps, List<Place> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> {
                List<Object> next = new ArrayList<>(steps);
                next.add(member.getKey());
                String path = field.isEmpty() ? member.getKey() : field + "." + member.getKey();
                into.add(new Place(path, next, member.getValue()));
                collect(member.getValue(), path, next, into);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(steps);
                next.add(i);
                String path = field + "[" + i + "]";
                into.add(new Place(path, next, node.get(i)));
                collect(node.get(i), path, next, into);
            }
        }
    }

    /** {@code root} with {@code replacement} at {@code place}, as JSON text. */
    static String replaced(JsonNode root, Place place, JsonNode replacement) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (Object step : place.steps().subList(0, place.steps().size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = place.steps().getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, replacement);
        } else {
            ((ObjectNode) parent).set((String) last, replacement);
        }
        return copy.toString();
    }
}
