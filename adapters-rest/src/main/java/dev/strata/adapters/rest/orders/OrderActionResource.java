package dev.strata.adapters.rest.orders;

import dev.strata.adapters.rest.docs.TextRules;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.Link;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
@Tag(name = "Orders")
public final class OrderActionResource {

    private final OrderService orders;

    public OrderActionResource(OrderService orders) {
        this.orders = orders;
    }

    /** The body of a cancellation. */
    @Schema(name = "Cancellation", description = "Why the order is cancelled.")
    public record CancellationRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 500,
                    pattern = TextRules.SINGLE_LINE, description = "One line." + TextRules.TRIMMED,
                    example = "Ordered twice") String reason) {
    }

    /** A cancellation, payment or shipment: when it happened, why (for a cancellation), and links. */
    @Schema(name = "OrderAction", description = "An action taken on an order: its cancellation, payment or shipment.")
    public record ActionResponse(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30,
                    example = "ord_01jd8zqk3v5m9w2x4y6z8a0b1c") String orderId,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"open", "paid", "shipped", "cancelled"})
            String state,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "RFC 3339, UTC, microseconds.",
                    example = "2026-01-02T03:04:05.123456Z") Instant at,
            @Schema(maxLength = 500, description = "The cancellation's reason, when one was given.")
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxProperties = 10, description = "self, and the order.")
            @JsonProperty("_links") Map<String, Link> links) {
    }

    @POST
    @Path("{id}/cancellation")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelOrder", summary = "Cancel an order",
            description = "An open or paid order, with the reason it is cancelled.",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = CancellationRequest.class))))
    @ApiResponse(responseCode = "201", description = "Done; the body describes the cancellation.",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT,
            description = "The order's state does not allow it.")
    public Response cancel(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            CancellationRequest body, @Context SecurityContext security) {
        return created(orders.cancel(caller(security), new OrderId(id), body == null ? null : body.reason()),
                Action.CANCELLATION);
    }

    @GET
    @Path("{id}/cancellation")
    @Authenticated
    @Operation(operationId = "getOrderCancellation", summary = "Read the order's cancellation",
            description = "404 while there is none.")
    @ApiResponse(responseCode = "200", description = "The cancellation.",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    public Response cancellation(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Context SecurityContext security,
            @Context Request request) {
        return read(request, security, id, Action.CANCELLATION);
    }

    @POST
    @Path("{id}/payment")
    @Authenticated
    @Operation(operationId = "payOrder", summary = "Pay an order", description = "An open order.")
    @ApiResponse(responseCode = "201", description = "Done; the body describes the payment.",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT,
            description = "The order's state does not allow it.")
    public Response pay(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Context SecurityContext security) {
        return created(orders.pay(caller(security), new OrderId(id)), Action.PAYMENT);
    }

    @GET
    @Path("{id}/payment")
    @Authenticated
    @Operation(operationId = "getOrderPayment", summary = "Read the order's payment",
            description = "404 while there is none.")
    @ApiResponse(responseCode = "200", description = "The payment.",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    public Response payment(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Context SecurityContext security, @Context Request request) {
        return read(request, security, id, Action.PAYMENT);
    }

    @POST
    @Path("{id}/shipment")
    @Authenticated
    @Operation(operationId = "shipOrder", summary = "Ship an order", description = "A paid order.")
    @ApiResponse(responseCode = "201", description = "Done; the body describes the shipment.",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT,
            description = "The order's state does not allow it.")
    public Response ship(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Context SecurityContext security) {
        return created(orders.ship(caller(security), new OrderId(id)), Action.SHIPMENT);
    }

    @GET
    @Path("{id}/shipment")
    @Authenticated
    @Operation(operationId = "getOrderShipment", summary = "Read the order's shipment",
            description = "404 while there is none.")
    @ApiResponse(responseCode = "200", description = "The shipment.",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    public Response shipment(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Context SecurityContext security, @Context Request request) {
        return read(request, security, id, Action.SHIPMENT);
    }

    /**
     * The three actions, each a sub-resource of the order named by its path segment: what the POST
     * answers and what the GET reads back is the same description of it, made in one place.
     */
    private enum Action {
        CANCELLATION("cancellation"),
        PAYMENT("payment"),
        SHIPMENT("shipment");

        private final String segment;

        Action(String segment) {
            this.segment = segment;
        }

        /** The action as taken on the order, or empty while it has not been. */
        Optional<ActionResponse> of(Order order) {
            return switch (this) {
                case CANCELLATION -> order.cancellation().map(cancellation ->
                        response(order, cancellation.cancelledAt(), cancellation.reason()));
                case PAYMENT -> order.paidAt().map(at -> response(order, at, null));
                case SHIPMENT -> order.shippedAt().map(at -> response(order, at, null));
            };
        }

        private ActionResponse response(Order order, Instant at, String reason) {
            String orderPath = OrderResponse.path(order.id().value());
            return new ActionResponse(order.id().value(), order.state().wireName(), at, reason, Map.of(
                    "self", new Link(orderPath + "/" + segment),
                    "order", new Link(orderPath)));
        }
    }

    private static Response created(Order order, Action action) {
        return Response.created(URI.create(OrderResponse.path(order.id().value()) + "/" + action.segment))
                .header(HttpHeaders.ETAG, EntityTags.header(tagOf(order, action.segment)))
                .entity(action.of(order).orElseThrow())
                .build();
    }

    private Response read(Request request, SecurityContext security, String id, Action action) {
        Order order = orders.get(caller(security), new OrderId(id));
        ActionResponse found = action.of(order).orElseThrow(() -> new NotFoundException(
                action.segment + "_not_found", "the order has no " + action.segment));
        return Preconditions.okOrNotModified(request, tagOf(order, action.segment), found);
    }

    private static EntityTag tagOf(Order order, String action) {
        return EntityTags.of(order.id().value(), action, order.version());
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return AuthenticationFilter.callerOf(security);
    }
}
