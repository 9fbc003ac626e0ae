package dev.strata.adapters.rest.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.docs.IdempotentCreation;
import dev.strata.adapters.rest.docs.ListOperation;
import dev.strata.adapters.rest.docs.TextRules;
import dev.strata.adapters.rest.docs.ProblemResponses;
import dev.strata.adapters.rest.docs.WrittenRepresentation;
import dev.strata.adapters.rest.http.Authenticated;
import dev.strata.adapters.rest.http.AuthenticationFilter;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.HttpProblem;
import dev.strata.adapters.rest.http.IdempotencyKeys;
import dev.strata.adapters.rest.http.ListPages;
import dev.strata.adapters.rest.http.ListParameters;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.Preconditions;
import dev.strata.adapters.rest.http.Prefer;
import dev.strata.adapters.rest.http.Projection;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Orders", description = "Private orders: create, read, list, replace, patch and delete.")
public final class OrderResource {

    static final String ACCEPT_PATCH = MediaTypes.JSON_PATCH_JSON + ", " + MediaTypes.MERGE_PATCH_JSON;

    // The document's shapes of the filter values, as OrderService.QUERY checks them; the contract
    // fuzzer sends values at and past each to prove that the two agree.
    private static final String STATE = "(open|paid|shipped|cancelled)";
    private static final String CURRENCY = "[A-Z]{3}";
    private static final String SKU = "[A-Za-z0-9._-]{1,64}";
    /** A decimal of at most 40 characters, as FieldKind.DECIMAL reads it. */
    private static final String DECIMAL = "(?=[-.0-9]{1,40}(,|$))-?[0-9]+(\\.[0-9]+)?";
    private static final String COMPARISON = "((eq|ne|gt|gte|lt|lte):)?";
    private static final int MAX_EXPRESSION = ListParameters.MAX_EXPRESSION_LENGTH;
    private static final int MAX_REPEATS = ListParameters.MAX_FILTER_REPEATS;
    private static final String FILTERS = " Repeatable (the filters combine with AND).";

    private final OrderService orders;

    public OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrder", summary = "Create an order",
            description = "Idempotent with Idempotency-Key: a retry returns the original response, marked replayed.")
    @IdempotentCreation
    @ApiResponse(responseCode = "201", description = "The order was created (or this is a replay).",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public Response create(OrderRequest body, @Context SecurityContext security, @Context HttpHeaders headers) {
        Optional<IdempotencyKey> key = IdempotencyKeys.from(headers);
        AuthenticatedSession caller = caller(security);
        OrderDraft draft = required(body).toDraft();
        Created<Order> created = key.map(given -> orders.create(caller, draft, given))
                .orElseGet(() -> orders.create(caller, draft));
        Order order = created.value();
        return IdempotencyKeys.created(headers, created, location(order), OrderResponse.tagOf(order),
                OrderResponse.of(order));
    }

    @GET
    @Authenticated
    @Operation(operationId = "listOrders", summary = "List orders",
            description = "The caller's orders, filtered (field=value or field=op:value), sorted and paged by cursor"
                    + " (page_token) or offset.",
            parameters = {
                    @Parameter(in = ParameterIn.QUERY, name = "state", explode = Explode.TRUE,
                            description = "eq, ne or in:a,b over open, paid, shipped, cancelled." + FILTERS,
                            array = @ArraySchema(maxItems = MAX_REPEATS, schema = @Schema(maxLength = MAX_EXPRESSION,
                                    pattern = "^(((eq|ne):)?" + STATE + "|in:" + STATE + "(," + STATE + "){0,99})$",
                                    example = "in:open,paid"))),
                    @Parameter(in = ParameterIn.QUERY, name = "currency", explode = Explode.TRUE,
                            description = "eq, ne or in over ISO 4217 codes (three upper-case letters)." + FILTERS,
                            array = @ArraySchema(maxItems = MAX_REPEATS, schema = @Schema(maxLength = MAX_EXPRESSION,
                                    pattern = "^(((eq|ne):)?" + CURRENCY + "|in:" + CURRENCY + "(," + CURRENCY
                                            + "){0,99})$", example = "EUR"))),
                    @Parameter(in = ParameterIn.QUERY, name = "amount", explode = Explode.TRUE,
                            description = "<op>:<decimal> with op in eq, ne, gt, gte, lt, lte, in." + FILTERS,
                            array = @ArraySchema(maxItems = MAX_REPEATS, schema = @Schema(maxLength = MAX_EXPRESSION,
                                    pattern = "^(" + COMPARISON + DECIMAL + "|in:" + DECIMAL + "(," + DECIMAL
                                            + "){0,99})$", example = "gte:10.00"))),
                    @Parameter(in = ParameterIn.QUERY, name = "created_at", explode = Explode.TRUE,
                            description = "<op>:<instant> with op in eq, ne, gt, gte, lt, lte, in." + FILTERS,
                            array = @ArraySchema(maxItems = MAX_REPEATS, schema = @Schema(maxLength = MAX_EXPRESSION,
                                    pattern = "^(" + COMPARISON + TextRules.INSTANT + "|in:" + TextRules.INSTANT + "(,"
                                            + TextRules.INSTANT + "){0,99})$", example = "gte:2026-01-01T00:00:00Z"))),
                    @Parameter(in = ParameterIn.QUERY, name = "updated_at", explode = Explode.TRUE,
                            description = "As created_at." + FILTERS,
                            array = @ArraySchema(maxItems = MAX_REPEATS, schema = @Schema(maxLength = MAX_EXPRESSION,
                                    pattern = "^(" + COMPARISON + TextRules.INSTANT + "|in:" + TextRules.INSTANT + "(,"
                                            + TextRules.INSTANT + "){0,99})$", example = "lt:2026-02-01T00:00:00Z"))),
                    @Parameter(in = ParameterIn.QUERY, name = "sku", explode = Explode.TRUE,
                            description = "Orders holding an item with this sku (1 to 64 of A-Z, a-z, 0-9, '.', '_'"
                                    + " and '-'): eq or in." + FILTERS,
                            array = @ArraySchema(maxItems = MAX_REPEATS, schema = @Schema(maxLength = MAX_EXPRESSION,
                                    pattern = "^((eq:)?" + SKU + "|in:" + SKU + "(," + SKU + "){0,99})$",
                                    example = "BOOK-42")))})
    @ListOperation(parameters = {"limit", "page_token", "offset", "sort", "fields"})
    @ApiResponse(responseCode = "200", description = "A page of orders; Link names the first, previous and next.",
            content = @Content(schema = @Schema(implementation = OrderShapes.OrderList.class)))
    public Response list(@Context SecurityContext security, @Context UriInfo uriInfo, @Context Request request) {
        ListParameters parameters = ListParameters.read(uriInfo.getQueryParameters(), OrderService.QUERY, Set.of());
        Page<Order> page = orders.list(caller(security), parameters.query());
        return ListPages.respond(request, uriInfo, OrderService.QUERY, parameters, page, OrderService::sortValue,
                order -> order.id().value(), OrderResponse::of);
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getOrder", summary = "Read an order", description = "The caller's own; else 404.",
            parameters = @Parameter(in = ParameterIn.QUERY, name = "fields", ref = ProblemResponses.FIELDS_PARAMETER))
    @ApiResponse(responseCode = "200", description = "The order (only the selected fields, with fields=).",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public Response get(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Context SecurityContext security, @Context UriInfo uriInfo,
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
    @Operation(operationId = "putOrder", summary = "Create or replace an order under its id",
            description = "Without If-Match, creates the order under this client-assigned id (201); with If-Match,"
                    + " replaces it (200). If-None-Match: * only creates.",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = false,
                            description = "The ETag of the version this change was made against (or *): stale is 412.",
                            schema = @Schema(maxLength = EntityTags.MAX_CONDITION_LENGTH)),
                    @Parameter(in = ParameterIn.HEADER, name = "If-None-Match", required = false,
                            description = "* to create only: an existing order is then a 412.",
                                    schema = @Schema(allowableValues = "*"))})
    @WrittenRepresentation
    @ApiResponse(responseCode = "200", description = "The order was replaced.",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(responseCode = "201", description = "The order was created under this id.",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED,
            description = "Stale If-Match, or the order exists and If-None-Match: * was sent.")
    @ApiResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED,
            description = "The order exists and no If-Match was sent.")
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT, description = "The order is no longer open.")
    public Response put(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            OrderRequest body, @Context SecurityContext security,
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
    @Operation(operationId = "patchOrder", summary = "Patch an order",
            description = "An RFC 7396 merge patch or an RFC 6902 JSON Patch of the order's content, against the"
                    + " version in If-Match; the result must be a valid order.",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = true,
                            ref = ProblemResponses.IF_MATCH_PARAMETER)},
            requestBody = @RequestBody(required = true, content = {
                    @Content(mediaType = MediaTypes.MERGE_PATCH_JSON,
                            schema = @Schema(implementation = OrderShapes.OrderChanges.class)),
                    @Content(mediaType = MediaTypes.JSON_PATCH_JSON,
                            array = @ArraySchema(maxItems = OrderPatches.MAX_OPERATIONS, schema = @Schema(implementation = OrderShapes.JsonPatchOperation.class)))}))
    @WrittenRepresentation
    @ApiResponse(responseCode = "200", description = "The patched order.",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT,
            description = "The order is no longer open, or a JSON Patch test failed.")
    @ApiResponse(responseCode = "422", ref = ProblemResponses.UNPROCESSABLE_CONTENT,
            description = "The JSON Patch cannot be applied (a path that does not exist, a failed test).")
    @ApiResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED, description = "Stale If-Match.")
    @ApiResponse(responseCode = "428", ref = ProblemResponses.PRECONDITION_REQUIRED, description = "No If-Match.")
    public Response mergePatch(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Parameter(hidden = true) JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        return patch(id, security, headers, current -> OrderPatches.mergePatch(current, patch));
    }

    @PATCH
    @Path("{id}")
    @Authenticated
    @Consumes(MediaTypes.JSON_PATCH_JSON)
    @Hidden
    public Response jsonPatch(@PathParam("id") String id, JsonNode patch, @Context SecurityContext security,
            @Context HttpHeaders headers) {
        return patch(id, security, headers, current -> OrderPatches.jsonPatch(current, patch));
    }

    /** A PATCH in any other media type: 415, saying which ones this resource takes. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @Hidden
    public Response patchInAnotherMediaType() {
        throw new HttpProblem(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "an order is patched with " + ACCEPT_PATCH, Map.of("Accept-Patch", ACCEPT_PATCH));
    }

    @DELETE
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "deleteOrder", summary = "Delete an order",
            description = "An open order only. If-Match is optional; when sent, it must be current.",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "If-Match", required = false,
                    description = "The ETag of"
                            + " the version this change was made against (or *): stale is 412.",
                            schema = @Schema(maxLength = EntityTags.MAX_CONDITION_LENGTH)))
    @ApiResponse(responseCode = "204", description = "The order is gone.")
    @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT, description = "The order is no longer open.")
    @ApiResponse(responseCode = "412", ref = ProblemResponses.PRECONDITION_FAILED, description = "Stale If-Match.")
    public Response delete(@PathParam("id") @Parameter(description = "The order's id.", schema = @Schema(
                    pattern = "^ord_[0-9a-hjkmnp-tv-z]{26}$", maxLength = 30)) String id,
            @Context SecurityContext security, @Context HttpHeaders headers) {
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
