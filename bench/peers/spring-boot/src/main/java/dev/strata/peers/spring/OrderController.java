package dev.strata.peers.spring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/orders} with {@code Idempotency-Key}: 201 with the order, and the same order
 * (and status) again for a replay, marked {@code Idempotent-Replayed: true}.
 */
@RestController
public class OrderController {

    private final Sessions sessions;
    private final Orders orders;

    public OrderController(Sessions sessions, Orders orders) {
        this.sessions = sessions;
        this.orders = orders;
    }

    @PostMapping("/v1/orders")
    public ResponseEntity<OrderView> create(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody OrderRequest body) {
        Caller caller = sessions.authenticate(authorization);
        Orders.Created created;
        try {
            created = orders.create(caller.accountId(), key, body);
        } catch (DuplicateKeyException concurrent) {
            // Another request with this key committed first: answer as its replay.
            created = orders.create(caller.accountId(), key, body);
        }
        Order order = created.order();
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/v1/orders/" + order.id()))
                .eTag("\"" + order.id() + "." + order.version() + "\"");
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(OrderView.of(order));
    }

    /** One item as Strata shows it. */
    public record ItemView(String sku, int quantity, String unitPrice) {
    }

    /** An order as Strata shows it. */
    public record OrderView(String id, String ownerId, String state, String currency, List<ItemView> items,
            String amount, String comment, Instant createdAt, Instant updatedAt, long version,
            @JsonProperty("_links") Map<String, SessionController.Link> links) {

        static OrderView of(Order order) {
            String self = "/v1/orders/" + order.id();
            Map<String, SessionController.Link> links = new LinkedHashMap<>();
            links.put("self", new SessionController.Link(self));
            links.put("owner", new SessionController.Link("/v1/accounts/" + order.ownerId()));
            links.put("payment", new SessionController.Link(self + "/payment"));
            links.put("cancellation", new SessionController.Link(self + "/cancellation"));
            return new OrderView(order.id(), order.ownerId(), order.state(), order.currency(),
                    order.items().stream()
                            .map(line -> new ItemView(line.sku(), line.quantity(), line.unitPrice().toPlainString()))
                            .toList(),
                    order.amount().toPlainString(), order.comment(), order.createdAt(), order.updatedAt(),
                    order.version(), links);
        }
    }
}
