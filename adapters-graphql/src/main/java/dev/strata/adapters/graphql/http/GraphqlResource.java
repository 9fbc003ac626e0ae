package dev.strata.adapters.graphql.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.common.AccessLog;
import dev.strata.adapters.graphql.Caller;
import dev.strata.adapters.graphql.GraphqlOperation;
import dev.strata.adapters.graphql.GraphqlRequest;
import dev.strata.adapters.graphql.StrataGraphql;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /graphql}, as the GraphQL-over-HTTP specification has it: {@code POST} with a JSON body
 * ({@code query}, {@code operationName}, {@code variables}, {@code extensions}) runs any operation;
 * {@code GET} with the same as query parameters runs queries only (a mutation is 405 with
 * {@code Allow: POST}). Responses are {@code application/graphql-response+json} when the client
 * accepts it, else {@code application/json} for older clients (also when it sends no
 * {@code Accept}); in UTF-8. Status codes: 200 whenever the operation ran, its errors included; for
 * {@code application/graphql-response+json}, 400 when it could not run (a syntax or validation
 * error, bad variables, a depth or complexity bound), as the specification asks, and for legacy
 * {@code application/json}, 200 then too; 400 for a request that is not well-formed. Every error
 * body is a GraphQL response whose errors carry {@code extensions.code}. What the host application
 * refuses before the request reaches here (too large a body, a rate limit, an unsupported
 * {@code Content-Type}) keeps its own answer ({@code application/problem+json}). The host's access
 * line names the call {@code api=graphql} and its operation by kind and root fields
 * ({@link GraphqlOperation#logName()}).
 */
@Path("/graphql")
@GraphqlEndpoint
public final class GraphqlResource {

    /** The media type of GraphQL responses (GraphQL over HTTP). */
    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final MediaType GRAPHQL_RESPONSE = MediaType.valueOf(GRAPHQL_RESPONSE_JSON);

    private static final Set<String> PARAMETERS = Set.of("query", "operationName", "variables", "extensions");

    private final StrataGraphql graphql;

    /**
     * The endpoint of {@code graphql}.
     *
     * @param graphql the API to serve
     */
    public GraphqlResource(StrataGraphql graphql) {
        this.graphql = Objects.requireNonNull(graphql, "graphql");
    }

    /**
     * Runs a query or a mutation sent as a JSON body.
     *
     * @param body    the body's bytes
     * @param request the request
     * @return the GraphQL response
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({GRAPHQL_RESPONSE_JSON, MediaType.APPLICATION_JSON})
    public Response post(byte[] body, @Context ContainerRequestContext request) {
        request.setProperty(AccessLog.API_PROPERTY, "graphql");
        MediaType type = responseType(request);
        try {
            checkCharset(request.getMediaType());
            return run(type, request, fromBody(GraphqlJson.read(body == null ? new byte[0] : body, "the body")));
        } catch (RequestException malformed) {
            return refuse(type, malformed);
        }
    }

    /**
     * Runs a query sent as query parameters; a mutation is refused with 405.
     *
     * @param request the request
     * @return the GraphQL response
     */
    @GET
    @Produces({GRAPHQL_RESPONSE_JSON, MediaType.APPLICATION_JSON})
    public Response get(@Context ContainerRequestContext request) {
        request.setProperty(AccessLog.API_PROPERTY, "graphql");
        MediaType type = responseType(request);
        try {
            GraphqlRequest graphqlRequest = fromParameters(request.getUriInfo().getQueryParameters());
            Optional<GraphqlOperation> operation = GraphqlOperation.of(graphqlRequest);
            if (operation.map(GraphqlOperation::kind).orElse(null) == OperationDefinition.Operation.MUTATION) {
                return respond(type, Response.Status.METHOD_NOT_ALLOWED.getStatusCode(),
                        errors("mutation_needs_post", "a mutation runs on POST only; GET runs queries"))
                        .header(HttpHeaders.ALLOW, "GET, POST").build();
            }
            return run(type, request, graphqlRequest);
        } catch (RequestException malformed) {
            return refuse(type, malformed);
        }
    }

    private Response run(MediaType type, ContainerRequestContext request, GraphqlRequest graphqlRequest) {
        request.setProperty(AccessLog.OPERATION_PROPERTY, GraphqlOperation.of(graphqlRequest)
                .map(GraphqlOperation::logName).orElse("invalid"));
        Caller caller = request.getProperty(GraphqlAuthenticationFilter.CALLER) instanceof Caller known
                ? known : Caller.anonymous();
        ExecutionResult result = graphql.execute(graphqlRequest, caller);
        boolean ran = result.isDataPresent();
        int status = !ran && type.isCompatible(GRAPHQL_RESPONSE) ? 400 : 200;
        return respond(type, status, result.toSpecification()).build();
    }

    private static GraphqlRequest fromBody(JsonNode body) {
        if (!body.isObject()) {
            throw new RequestException("invalid_request", "the body must be a JSON object with a string query");
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!PARAMETERS.contains(name)) {
                unknown.add(name);
            }
        }
        refuseUnknown(unknown);
        JsonNode query = body.get("query");
        if (query == null || !query.isTextual()) {
            throw new RequestException("invalid_request", "query is required and must be a string");
        }
        return new GraphqlRequest(query.textValue(), operationName(body.get("operationName")),
                variables(body.get("variables")), objectOrNull(body.get("extensions"), "extensions"));
    }

    private static GraphqlRequest fromParameters(MultivaluedMap<String, String> parameters) {
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(PARAMETERS);
        refuseUnknown(unknown);
        Map<String, String> single = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().size() != 1) {
                throw new RequestException("invalid_request", parameter.getKey() + " must be given once");
            }
            single.put(parameter.getKey(), parameter.getValue().getFirst());
        }
        String query = single.get("query");
        if (query == null) {
            throw new RequestException("invalid_request", "query is required");
        }
        JsonNode variables = single.containsKey("variables") ? GraphqlJson.read(single.get("variables"), "variables")
                : null;
        JsonNode extensions = single.containsKey("extensions")
                ? GraphqlJson.read(single.get("extensions"), "extensions") : null;
        GraphqlJson.read(com.fasterxml.jackson.databind.node.TextNode.valueOf(query).toString(), "query");
        return new GraphqlRequest(query, Optional.ofNullable(single.get("operationName")), variables(variables),
                objectOrNull(extensions, "extensions"));
    }

    private static void refuseUnknown(Set<String> unknown) {
        if (!unknown.isEmpty()) {
            throw new RequestException("unknown_parameter", String.join(", ", unknown)
                    + (unknown.size() == 1 ? " is not a" : " are not") + " GraphQL request parameter"
                    + (unknown.size() == 1 ? "" : "s") + "; the parameters are query, operationName, variables"
                    + " and extensions");
        }
    }

    private static Optional<String> operationName(JsonNode name) {
        if (name == null || name.isNull()) {
            return Optional.empty();
        }
        if (!name.isTextual()) {
            throw new RequestException("invalid_request", "operationName must be a string or null");
        }
        return Optional.of(name.textValue());
    }

    private static Map<String, Object> variables(JsonNode variables) {
        return objectOrNull(variables, "variables").map(GraphqlJson::toMap).orElse(Map.of());
    }

    private static Optional<JsonNode> objectOrNull(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new RequestException("invalid_request", name + " must be a JSON object or null");
        }
        return Optional.of(value);
    }

    /** RFC 8259 §8.1: JSON between systems is UTF-8; a body said to be in another charset is refused. */
    private static void checkCharset(MediaType sent) {
        String charset = sent == null ? null : sent.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new RequestException(415, "unsupported_charset", "the body is read as UTF-8 only, not as " + charset);
        }
    }

    /**
     * {@code application/graphql-response+json} when the client prefers it, else {@code application/json}
     * (for a wildcard, or no {@code Accept}, as older clients expect).
     */
    static MediaType responseType(ContainerRequestContext request) {
        for (MediaType accepted : request.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isWildcardSubtype()) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if (accepted.isCompatible(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    private static Response refuse(MediaType type, RequestException malformed) {
        return respond(type, malformed.status(), errors(malformed.code(), malformed.getMessage())).build();
    }

    private static Map<String, Object> errors(String code, String message) {
        return Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("code", code, "classification", "INVALID_ARGUMENT"))));
    }

    private static Response.ResponseBuilder respond(MediaType type, int status, Object body) {
        return Response.status(status).type(type.withCharset("utf-8")).entity(GraphqlJson.write(body));
    }
}
