package dev.strata.adapters.rest.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.HttpProblem;
import dev.strata.adapters.rest.http.IdempotencyKeys;
import dev.strata.adapters.rest.http.ListPages;
import dev.strata.adapters.rest.http.ListParameters;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.Prefer;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.adapters.rest.http.Projection;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code /v1/orders}: the whole HTTP contract on one resource. Create (idempotently with
 * {@code Idempotency-Key}, or under a client-assigned id with PUT), read with conditional GET and
 * sparse fieldsets, list with filters, sort and both kinds of pages, replace (PUT) and patch (merge
 * patch or JSON Patch) under {@code If-Match}, delete. Writes honour {@code Prefer: return=minimal}.
 * Orders are private: any other caller gets 404.
 */
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
public final class OrderResource {

    static final String ACCEPT_PATCH = MediaTypes.MERGE_PATCH_JSON + ", " + MediaTypes.JSON_PATCH_JSON;

    private final OrderService orders;

    public OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(OrderRequest body, @Context SecurityContext security, @Context HttpHeaders headers) {
        Created<Order> created = orders.create(caller(security), required(body).toDraft(), IdempotencyKeys.from(headers));
        Order order = created.value();
        Response response = Prefer.written(headers, Status.CREATED, location(order), OrderResponse.tagOf(order),
                OrderResponse.of(order));
        return IdempotencyKeys.markReplay(Response.fromResponse(response), created).build();
    }

    @GET
    @Authenticated
    public Response list(@Context SecurityContext security, @Context UriInfo uriInfo, @Context Request request) {
        ListParameters parameters = ListParameters.read(uriInfo.getQueryParameters(), OrderService.QUERY, Set.of());
        Page<Order> page = orders.list(caller(security), parameters.query());
        return ListPages.respond(request, uriInfo, OrderService.QUERY, parameters, page, OrderResource::sortValue,
                order -> order.id().value(), OrderResponse::of);
    }

    @GET
    @Path("{id}")
    @Authenticated
    public Response get(@PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uriInfo,
            @Context Request request) {
        List<String> fields = selectedFields(uriInfo);
        Order order = orders.get(caller(security), new OrderId(id));
        return Preconditions.okOrNotModified(request, OrderResponse.tagOf(order, fields),
                Projection.select(OrderResponse.of(order), fields));
    }

    @PUT
    @Path("{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, OrderRequest body, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        AuthenticatedSession caller = caller(security);
        OrderId orderId = new OrderId(id);
        OrderRequest request = required(body);
        Optional<Order> current = orders.find(caller, orderId);
        if (current.isPresent()) {
            if (createOnly(headers)) {
                throw new HttpProblem(Status.PRECONDITION_FAILED, "order_exists",
                        "If-None-Match: * asked to create the order, and it exists");
            }
            Preconditions.requireIfMatch(headers, OrderResponse.tagOf(current.get()));
            Order replaced = orders.replace(caller, orderId, request.toDraft(), current.get().version());
            return written(headers, Status.OK, replaced);
        }
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            // A replacement of an order that is not there (or not the caller's: the same answer).
            throw new NotFoundException("order_not_found", "no such order to replace; PUT without If-Match creates it");
        }
        try {
            return written(headers, Status.CREATED, orders.createWithId(caller, orderId, request.toDraft()));
        } catch (ConflictException createdMeanwhile) {
            throw new HttpProblem(Status.PRECONDITION_FAILED, "order_exists",
                    "the order was created by another request meanwhile; read it and retry with If-Match");
        }
    }

    @PATCH
    @Path("{id}")
    @Authenticated
    @Consumes(MediaTypes.MERGE_PATCH_JSON)
    public Response mergePatch(@PathParam("id") String id, JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        return patch(id, security, headers, current -> OrderPatches.mergePatch(current, patch));
    }

    @PATCH
    @Path("{id}")
    @Authenticated
    @Consumes(MediaTypes.JSON_PATCH_JSON)
    public Response jsonPatch(@PathParam("id") String id, JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        return patch(id, security, headers, current -> OrderPatches.jsonPatch(current, patch));
    }

    /** A PATCH in any other media type: 415, saying which ones this resource takes. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    public Response patchInAnotherMediaType() {
        throw new HttpProblem(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "an order is patched with " + ACCEPT_PATCH, Map.of("Accept-Patch", ACCEPT_PATCH));
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    public Response delete(@PathParam("id") String id, @Context SecurityContext security, @Context HttpHeaders headers) {
        AuthenticatedSession caller = caller(security);
        OrderId orderId = new OrderId(id);
        Order current = orders.get(caller, orderId);
        // If-Match is optional here: deleting is final whatever the content, but a client that
        // names a version gets the check.
        if (headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            Preconditions.requireIfMatch(headers, OrderResponse.tagOf(current));
        }
        orders.delete(caller, orderId, current.version());
        return Response.noContent().build();
    }

    private Response patch(String id, SecurityContext security, HttpHeaders headers,
            Function<Order, OrderRequest> patching) {
        AuthenticatedSession caller = caller(security);
        OrderId orderId = new OrderId(id);
        Order current = orders.get(caller, orderId);
        Preconditions.requireIfMatch(headers, OrderResponse.tagOf(current));
        OrderRequest patched = patching.apply(current);
        return written(headers, Status.OK, orders.replace(caller, orderId, patched.toDraft(), current.version()));
    }

    private static Response written(HttpHeaders headers, Status status, Order order) {
        return Prefer.written(headers, status, location(order), OrderResponse.tagOf(order), OrderResponse.of(order));
    }

    private static boolean createOnly(HttpHeaders headers) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        return ifNoneMatch != null && ifNoneMatch.strip().equals("*");
    }

    private static List<String> selectedFields(UriInfo uriInfo) {
        Map<String, List<String>> parameters = uriInfo.getQueryParameters();
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.remove(ListParameters.FIELDS);
        if (!unknown.isEmpty()) {
            throw ValidationException.of(String.join(", ", unknown), "unknown_parameter",
                    "is not a parameter of an order; the only one is fields");
        }
        // The same reading as for lists, so that the names and errors agree.
        MultivaluedMap<String, String> onlyFields = new MultivaluedHashMap<>();
        List<String> values = parameters.get(ListParameters.FIELDS);
        if (values != null) {
            onlyFields.put(ListParameters.FIELDS, values);
        }
        return ListParameters.read(onlyFields, OrderService.QUERY, Set.of()).fields();
    }

    private static Comparable<?> sortValue(Order order, String field) {
        return switch (field) {
            case "state" -> order.state().wireName();
            case "currency" -> order.currency();
            case "amount" -> order.amount();
            case "created_at" -> order.createdAt();
            case "updated_at" -> order.updatedAt();
            default -> throw new IllegalArgumentException("orders are not sorted by " + field);
        };
    }

    private static OrderRequest required(OrderRequest body) {
        if (body == null) {
            throw ValidationException.of("body", "required", "a JSON object with currency, items and comment");
        }
        return body;
    }

    static URI location(Order order) {
        return URI.create(OrderResponse.path(order.id().value()));
    }

    private static AuthenticatedSession caller(SecurityContext security) {
        return AuthenticationFilter.callerOf(security);
    }
}
