package dev.strata.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST style over HTTP, every exchange checked against the served OpenAPI document: a
 * refusal is read from the problem's status and {@code code}; the concurrency tag is the {@code ETag}.
 */
final class RestStyleDriver implements StyleDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpDriver http;

    RestStyleDriver(URI base) {
        this.http = new HttpDriver(base);
    }

    @Override
    public String name() {
        return "REST";
    }

    @Override
    public String signUp(String email, String password, String displayName) {
        return expect(http.post("/v1/accounts").json(json(Map.of("email", email, "password", password,
                "display_name", displayName))).send(), 201).field("id");
    }

    @Override
    public SignedIn signIn(String email, String password) {
        JsonNode body = expect(http.post("/v1/sessions").json(json(Map.of("email", email, "password", password)))
                .send(), 201).json();
        return new SignedIn(body.get("token").asText(), body.get("account").get("id").asText());
    }

    @Override
    public OrderView createOrder(String token, OrderSpec order, String idempotencyKey) {
        HttpDriver.Call call = signed(http.post("/v1/orders"), token).json(json(body(order)));
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return order(expect(call.send(), 201));
    }

    @Override
    public OrderView getOrder(String token, String orderId) {
        return order(expect(signed(http.get("/v1/orders/" + orderId), token).send(), 200));
    }

    @Override
    public OrderView updateOrderComment(String token, String orderId, String tag, String comment) {
        return order(expect(signed(http.patch("/v1/orders/" + orderId), token).header("If-Match", tag)
                .body("application/merge-patch+json", json(Map.of("comment", comment))).send(), 200));
    }

    @Override
    public OrderView cancelOrder(String token, String orderId, String reason) {
        expect(signed(http.post("/v1/orders/" + orderId + "/cancellation"), token)
                .json(json(Map.of("reason", reason))).send(), 201);
        return getOrder(token, orderId);
    }

    @Override
    public PostView createPost(String token, String body, String channelId) {
        String path = channelId == null ? "/v1/posts" : "/v1/channels/" + channelId + "/posts";
        return post(expect(signed(http.post(path), token).json(json(Map.of("body", body))).send(), 201));
    }

    @Override
    public PostView getPost(String token, String postId) {
        return post(expect(signed(http.get("/v1/posts/" + postId), token).send(), 200));
    }

    @Override
    public void deletePost(String token, String postId) {
        expect(signed(http.delete("/v1/posts/" + postId), token).send(), 204);
    }

    @Override
    public String createChannel(String token, String name) {
        return expect(signed(http.post("/v1/channels"), token).json(json(Map.of("name", name))).send(), 201)
                .field("id");
    }

    @Override
    public void addMember(String token, String channelId, String accountId) {
        HttpResult result = signed(http.put("/v1/channels/" + channelId + "/members/" + accountId), token).send();
        expect(result, result.status() == 200 ? 200 : 201);
    }

    @Override
    public String fieldName(String coreField) {
        return coreField;
    }

    @Override
    public void close() {
    }

    private static Map<String, Object> body(OrderSpec order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currency", order.currency());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Item item : order.items()) {
            items.add(Map.of("sku", item.sku(), "quantity", item.quantity(), "unit_price", item.unitPrice()));
        }
        body.put("items", items);
        if (order.comment() != null) {
            body.put("comment", order.comment());
        }
        return body;
    }

    private static OrderView order(HttpResult result) {
        JsonNode body = result.json();
        List<Item> items = new ArrayList<>();
        body.get("items").forEach(item -> items.add(new Item(item.get("sku").asText(), item.get("quantity").asInt(),
                item.get("unit_price").asText())));
        return new OrderView(body.get("id").asText(), body.get("owner_id").asText(), body.get("state").asText(),
                body.get("currency").asText(), items, body.get("amount").asText(), text(body, "comment"),
                body.get("version").asLong(), result.header("ETag").orElseThrow(() ->
                        new AssertionError("an order without an ETag: " + result)));
    }

    private static PostView post(HttpResult result) {
        JsonNode body = result.json();
        return new PostView(body.get("id").asText(), body.get("author_id").asText(), text(body, "channel_id"),
                body.get("body").asText(), body.get("version").asLong());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The result when its status is {@code status}; a refusal otherwise. */
    private static HttpResult expect(HttpResult result, int status) {
        if (result.status() == status) {
            return result;
        }
        if (result.status() < 400) {
            throw new AssertionError("expected " + status + ", got " + result);
        }
        JsonNode problem = result.json();
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> fields.add(error.path("field").asText()));
        }
        throw new StyleFailure(problem.path("code").asText(), kindOf(result.status()),
                Integer.toString(result.status()), fields, result.body());
    }

    private static StyleFailure.Kind kindOf(int status) {
        return KINDS.getOrDefault(status, StyleFailure.Kind.OTHER);
    }

    private static final Map<Integer, StyleFailure.Kind> KINDS = new HashMap<>(Map.of(
            400, StyleFailure.Kind.INVALID, 422, StyleFailure.Kind.INVALID,
            401, StyleFailure.Kind.UNAUTHENTICATED, 403, StyleFailure.Kind.PERMISSION_DENIED,
            404, StyleFailure.Kind.NOT_FOUND, 409, StyleFailure.Kind.CONFLICT, 412, StyleFailure.Kind.STALE));

    /** The call with the bearer token; without any {@code Authorization} header for a null token. */
    private static HttpDriver.Call signed(HttpDriver.Call call, String token) {
        return token == null ? call : call.bearer(token);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
