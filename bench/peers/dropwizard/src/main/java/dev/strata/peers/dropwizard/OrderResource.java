package dev.strata.peers.dropwizard;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@code POST /v1/orders} with {@code Idempotency-Key}: 201 with the order, and the same order
 * (and status) again for a replay, marked {@code Idempotent-Replayed: true}.
 */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String UNIQUE_VIOLATION = "23505";

    private final OrderDao orders;

    public OrderResource(OrderDao orders) {
        this.orders = orders;
    }

    @POST
    public Response create(@Auth Caller caller, @HeaderParam("Idempotency-Key") String key, OrderRequest body) {
        if (body == null) {
            throw Problem.badRequest("a JSON object with currency and items is required");
        }
        OrderDao.Created created;
        try {
            created = orders.create(caller.accountId(), key, body);
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw e;
            }
            // Another request with this key committed first: answer as its replay.
            created = orders.create(caller.accountId(), key, body);
        }
        OrderRow order = created.order();
        Response.ResponseBuilder response = Response.created(URI.create("/v1/orders/" + order.id()))
                .tag(new EntityTag(order.id() + "." + order.version()))
                .entity(OrderView.of(order, created.items()));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    /** One item as Strata shows it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ItemView(String sku, int quantity, String unitPrice) {
    }

    /** An order as Strata shows it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OrderView(String id, String ownerId, String state, String currency, List<ItemView> items,
            String amount, String comment, Instant createdAt, Instant updatedAt, long version,
            @JsonProperty("_links") Map<String, SessionResource.Link> links) {

        static OrderView of(OrderRow order, List<OrderRequest.Line> items) {
            String self = "/v1/orders/" + order.id();
            Map<String, SessionResource.Link> links = new LinkedHashMap<>();
            links.put("self", new SessionResource.Link(self));
            links.put("owner", new SessionResource.Link("/v1/accounts/" + order.ownerId()));
            links.put("payment", new SessionResource.Link(self + "/payment"));
            links.put("cancellation", new SessionResource.Link(self + "/cancellation"));
            return new OrderView(order.id(), order.ownerId(), order.state(), order.currency(),
                    items.stream()
                            .map(line -> new ItemView(line.sku(), line.quantity(), line.unitPrice().toPlainString()))
                            .toList(),
                    order.amount().toPlainString(), order.comment(), order.createdAt(), order.updatedAt(),
                    order.version(), links);
        }
    }
}
