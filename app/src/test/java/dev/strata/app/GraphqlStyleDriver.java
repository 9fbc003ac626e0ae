package dev.strata.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GraphQL style over HTTP ({@code POST /graphql}, {@code application/graphql-response+json}):
 * a refusal is read from the first error's {@code extensions} ({@code code}, {@code classification},
 * {@code fields}); the concurrency tag is the {@code version}.
 */
final class GraphqlStyleDriver implements StyleDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER = "id owner { id } state currency items { sku quantity unitPrice } amount comment"
            + " version";
    private static final String POST = "id author { id } channel { id } body version";
    private static final Pattern SNAKE = Pattern.compile("_([a-z0-9])");
    private static final Map<String, StyleFailure.Kind> KINDS = Map.of(
            "INVALID_ARGUMENT", StyleFailure.Kind.INVALID, "IDEMPOTENCY_KEY_REUSED", StyleFailure.Kind.INVALID,
            "UNAUTHENTICATED", StyleFailure.Kind.UNAUTHENTICATED, "PERMISSION_DENIED", StyleFailure.Kind.PERMISSION_DENIED,
            "NOT_FOUND", StyleFailure.Kind.NOT_FOUND, "FAILED_PRECONDITION", StyleFailure.Kind.CONFLICT,
            "ALREADY_EXISTS", StyleFailure.Kind.CONFLICT, "ABORTED", StyleFailure.Kind.STALE);

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI endpoint;

    GraphqlStyleDriver(URI base) {
        this.endpoint = base.resolve("/graphql");
    }

    @Override
    public String name() {
        return "GraphQL";
    }

    @Override
    public String signUp(String email, String password, String displayName) {
        return run(null, "mutation($i: SignUpInput!) { signUp(input: $i) { id } }",
                Map.of("i", Map.of("email", email, "password", password, "displayName", displayName)))
                .get("signUp").get("id").asText();
    }

    @Override
    public SignedIn signIn(String email, String password) {
        JsonNode signIn = run(null, "mutation($i: SignInInput!) { signIn(input: $i) { token session { account { id } } } }",
                Map.of("i", Map.of("email", email, "password", password))).get("signIn");
        return new SignedIn(signIn.get("token").asText(), signIn.get("session").get("account").get("id").asText());
    }

    @Override
    public OrderView createOrder(String token, OrderSpec order, String idempotencyKey) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("i", input(order));
        variables.put("k", idempotencyKey);
        return order(run(token, "mutation($i: OrderInput!, $k: String) { createOrder(input: $i, idempotencyKey: $k)"
                + " { order { " + ORDER + " } replayed } }", variables).get("createOrder").get("order"));
    }

    @Override
    public OrderView getOrder(String token, String orderId) {
        return order(run(token, "query($id: ID!) { order(id: $id) { " + ORDER + " } }", Map.of("id", orderId))
                .get("order"));
    }

    @Override
    public OrderView updateOrderComment(String token, String orderId, String tag, String comment) {
        return order(run(token, "mutation($id: ID!, $v: Int!, $c: String) { updateOrder(id: $id, expectedVersion: $v,"
                + " input: {comment: $c}) { " + ORDER + " } }",
                Map.of("id", orderId, "v", Integer.parseInt(tag), "c", comment)).get("updateOrder"));
    }

    @Override
    public OrderView cancelOrder(String token, String orderId, String reason) {
        return order(run(token, "mutation($id: ID!, $r: String!) { cancelOrder(id: $id, reason: $r) { " + ORDER
                + " } }", Map.of("id", orderId, "r", reason)).get("cancelOrder"));
    }

    @Override
    public PostView createPost(String token, String body, String channelId) {
        Map<String, Object> input = new HashMap<>();
        input.put("body", body);
        input.put("channelId", channelId);
        return post(run(token, "mutation($i: CreatePostInput!) { createPost(input: $i) { post { " + POST + " } } }",
                Map.of("i", input)).get("createPost").get("post"));
    }

    @Override
    public PostView getPost(String token, String postId) {
        return post(run(token, "query($id: ID!) { post(id: $id) { " + POST + " } }", Map.of("id", postId)).get("post"));
    }

    @Override
    public void deletePost(String token, String postId) {
        run(token, "mutation($id: ID!) { deletePost(id: $id) }", Map.of("id", postId));
    }

    @Override
    public String createChannel(String token, String name) {
        return run(token, "mutation($n: String!) { createChannel(input: {name: $n}) { channel { id } } }",
                Map.of("n", name)).get("createChannel").get("channel").get("id").asText();
    }

    @Override
    public void addMember(String token, String channelId, String accountId) {
        run(token, "mutation($c: ID!, $a: ID!) { addMember(channelId: $c, accountId: $a) { added } }",
                Map.of("c", channelId, "a", accountId));
    }

    @Override
    public String fieldName(String coreField) {
        Matcher matcher = SNAKE.matcher(coreField);
        StringBuilder camel = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(camel, matcher.group(1).toUpperCase(Locale.ROOT));
        }
        return matcher.appendTail(camel).toString();
    }

    @Override
    public void close() {
        client.close();
    }

    private static Map<String, Object> input(OrderSpec order) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("currency", order.currency());
        input.put("items", order.items().stream().map(item -> Map.of("sku", item.sku(), "quantity", item.quantity(),
                "unitPrice", item.unitPrice())).toList());
        input.put("comment", order.comment());
        return input;
    }

    private static OrderView order(JsonNode order) {
        List<Item> items = new ArrayList<>();
        order.get("items").forEach(item -> items.add(new Item(item.get("sku").asText(), item.get("quantity").asInt(),
                item.get("unitPrice").asText())));
        return new OrderView(order.get("id").asText(), order.get("owner").get("id").asText(),
                order.get("state").asText().toLowerCase(Locale.ROOT), order.get("currency").asText(), items,
                order.get("amount").asText(), order.get("comment").asText(), order.get("version").asLong(),
                order.get("version").asText());
    }

    private static PostView post(JsonNode post) {
        JsonNode channel = post.get("channel");
        return new PostView(post.get("id").asText(), post.get("author").get("id").asText(),
                channel.isNull() ? null : channel.get("id").asText(), post.get("body").asText(),
                post.get("version").asLong());
    }

    /** Runs an operation; its {@code data}, or its first error as a {@link StyleFailure}. */
    JsonNode run(String token, String document, Map<String, Object> variables) {
        Map<String, Object> request = new HashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(json(request)));
        if (token != null) {
            http.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(http.build());
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a GraphQL response: " + response.statusCode() + " " + response.body(), e);
        }
        JsonNode errors = body.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode extensions = errors.get(0).path("extensions");
            List<String> fields = new ArrayList<>();
            extensions.path("fields").forEach(field -> fields.add(field.path("field").asText()));
            String classification = extensions.path("classification").asText();
            throw new StyleFailure(extensions.path("code").asText(), KINDS.getOrDefault(classification,
                    StyleFailure.Kind.OTHER), classification, fields, response.body());
        }
        return body.get("data");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
