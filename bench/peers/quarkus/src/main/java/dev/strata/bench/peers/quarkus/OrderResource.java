package dev.strata.bench.peers.quarkus;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.bench.peers.quarkus.Problem.FieldProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/orders}: creates the caller's order, idempotently under {@code Idempotency-Key}.
 * Answers as Strata does: 201 with a relative {@code Location}, the {@code ETag} and the order, and
 * for a replay the same plus {@code Idempotent-Replayed: true}. A blocking method, run by Quarkus
 * REST on a worker thread.
 */
@Path("/v1/orders")
public class OrderResource {

    private static final String KEY_HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final Sessions sessions;
    private final Orders orders;

    OrderResource(Sessions sessions, Orders orders) {
        this.sessions = sessions;
        this.orders = orders;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(OrderRequest body, @Context HttpHeaders headers) {
        Caller caller = sessions.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        String key = idempotencyKey(headers.getRequestHeader(KEY_HEADER));
        OrderRules.Checked checked = OrderRules.check(body);
        Orders.Outcome outcome;
        try {
            outcome = orders.create(caller, checked, key);
        } catch (Orders.KeyTaken lostTheRace) {
            // The winner has committed: this time the look-up finds its order.
            outcome = orders.create(caller, checked, key);
        }
        StoredOrder order = outcome.order();
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, OrderBody.path(order.id()))
                .tag(Representations.tag(order.id(), order.version()))
                .entity(OrderBody.of(order));
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** The key, or null when none was sent; 400 when it is sent twice or is not 1-255 visible ASCII characters. */
    private static String idempotencyKey(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw Problem.invalid(List.of(new FieldProblem(KEY_HEADER, "malformed_idempotency_key", "must be sent once")));
        }
        String key = values.getFirst().strip();
        boolean wellFormed = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= '!' && c <= '~');
        if (!wellFormed) {
            throw Problem.invalid(List.of(new FieldProblem(KEY_HEADER, "malformed_idempotency_key",
                    "must be 1 to " + MAX_KEY_LENGTH + " characters of visible ASCII, without spaces")));
        }
        return key;
    }

    /** An order as Strata shows it: money as decimal strings, and links to the transitions allowed now. */
    public record OrderBody(String id, String ownerId, String state, String currency, List<ItemBody> items,
            String amount, String comment, String createdAt, String updatedAt, long version,
            @JsonProperty("_links") Map<String, Link> links) {

        static String path(String id) {
            return "/v1/orders/" + id;
        }

        static OrderBody of(StoredOrder order) {
            String self = path(order.id());
            Map<String, Link> links = new LinkedHashMap<>();
            links.put("self", new Link(self));
            links.put("owner", new Link("/v1/accounts/" + order.ownerId()));
            switch (order.state()) {
                case "open" -> {
                    links.put("payment", new Link(self + "/payment"));
                    links.put("cancellation", new Link(self + "/cancellation"));
                }
                case "paid" -> {
                    links.put("shipment", new Link(self + "/shipment"));
                    links.put("cancellation", new Link(self + "/cancellation"));
                }
                default -> {
                    // shipped and cancelled are final: no transition left
                }
            }
            List<ItemBody> items = order.items().stream()
                    .map(item -> new ItemBody(item.sku(), item.quantity(), item.unitPrice().toPlainString()))
                    .toList();
            return new OrderBody(order.id(), order.ownerId(), order.state(), order.currency(), items,
                    order.amount().toPlainString(), order.comment(), Representations.time(order.createdAt()),
                    Representations.time(order.updatedAt()), order.version(), links);
        }
    }

    /** One item. */
    public record ItemBody(String sku, int quantity, String unitPrice) {
    }
}
