package dev.strata.adapters.rest.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An order's state changes as resources of their own: {@code POST /v1/orders/{id}/cancellation}
 * (with a reason), {@code /payment} and {@code /shipment} create them (201), and GET reads them
 * back (404 while they do not exist). Doing one twice, or out of order, is a 409. It shares the
 * path {@code /v1/orders} with {@link OrderResource}, and Jersey merges the two, so that
 * {@code /v1/orders/{id}} and {@code /v1/orders/{id}/cancellation} are both found.
 */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public final class OrderActionResource {

    private final OrderService orders;

    public OrderActionResource(OrderService orders) {
        this.orders = orders;
    }

    /** The body of a cancellation. */
    public record CancellationRequest(String reason) {
    }

    /** A cancellation, payment or shipment: when it happened, why (for a cancellation), and links. */
    public record ActionResponse(String orderId, String state, Instant at,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @JsonProperty("_links") Map<String, OrderResponse.Link> links) {
    }

    @POST
    @Path("{id}/cancellation")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") String id, CancellationRequest body, @Context SecurityContext security) {
        Order order = orders.cancel(caller(security), new OrderId(id), body == null ? null : body.reason());
        return created(order, "cancellation", cancellationOf(order));
    }

    @GET
    @Path("{id}/cancellation")
    @Authenticated
    public Response cancellation(@PathParam("id") String id, @Context SecurityContext security,
            @Context Request request) {
        Order order = orders.get(caller(security), new OrderId(id));
        return read(request, order, "cancellation", cancellationOf(order));
    }

    @POST
    @Path("{id}/payment")
    @Authenticated
    public Response pay(@PathParam("id") String id, @Context SecurityContext security) {
        Order order = orders.pay(caller(security), new OrderId(id));
        return created(order, "payment", order.paidAt().map(at -> response(order, "payment", at, null)));
    }

    @GET
    @Path("{id}/payment")
    @Authenticated
    public Response payment(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
        Order order = orders.get(caller(security), new OrderId(id));
        return read(request, order, "payment", order.paidAt().map(at -> response(order, "payment", at, null)));
    }

    @POST
    @Path("{id}/shipment")
    @Authenticated
    public Response ship(@PathParam("id") String id, @Context SecurityContext security) {
        Order order = orders.ship(caller(security), new OrderId(id));
        return created(order, "shipment", order.shippedAt().map(at -> response(order, "shipment", at, null)));
    }

    @GET
    @Path("{id}/shipment")
    @Authenticated
    public Response shipment(@PathParam("id") String id, @Context SecurityContext security, @Context Request request) {
        Order order = orders.get(caller(security), new OrderId(id));
        return read(request, order, "shipment", order.shippedAt().map(at -> response(order, "shipment", at, null)));
    }

    private static Optional<ActionResponse> cancellationOf(Order order) {
        return order.cancellation().map(cancellation ->
                response(order, "cancellation", cancellation.cancelledAt(), cancellation.reason()));
    }

    private static ActionResponse response(Order order, String action, Instant at, String reason) {
        String orderPath = OrderResponse.path(order.id().value());
        return new ActionResponse(order.id().value(), order.state().wireName(), at, reason, Map.of(
                "self", new OrderResponse.Link(orderPath + "/" + action), "order", new OrderResponse.Link(orderPath)));
    }

    private static Response created(Order order, String action, Optional<ActionResponse> body) {
        return Response.created(URI.create(OrderResponse.path(order.id().value()) + "/" + action))
                .tag(tagOf(order, action))
                .entity(body.orElseThrow())
                .build();
    }

    private static Response read(Request request, Order order, String action, Optional<ActionResponse> body) {
        ActionResponse found = body.orElseThrow(() -> new NotFoundException(action + "_not_found",
                "the order has no " + action));
        return Preconditions.okOrNotModified(request, tagOf(order, action), found);
    }

    private static EntityTag tagOf(Order order, String action) {
        return EntityTags.of(order.id().value(), action, order.version());
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return AuthenticationFilter.callerOf(security);
    }
}
