package dev.strata.adapters.rest.docs;

import dev.strata.adapters.rest.http.Authenticated;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the cross-cutting filters of {@code adapters.rest.http} add to every operation, written into
 * the document from the same facts the filters act on, so that no resource has to repeat it: the
 * bearer scheme and 401 on {@link Authenticated} methods, 400/413/415 where there is a body, 404 where
 * the path names a resource, 304 and {@code ETag} on reads, {@code Location} on creation, 406
 * everywhere, and {@code Request-Id} on every request and response. A resource's own
 * {@code @ApiResponse} for the same status wins. It also expands the markers that stand for what
 * several resources share: {@link IdempotentCreation}, {@link WrittenRepresentation} and
 * {@link ListOperation}.
 */
final class OperationConventions {

    private static final Set<Class<? extends Annotation>> NOT_A_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    private OperationConventions() {
    }

    static void apply(Method method, Operation operation) {
        io.swagger.v3.oas.annotations.Operation declared =
                method.getAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            // Java method names repeat across resources (get, patch): qualify them by the resource.
            String resource = method.getDeclaringClass().getSimpleName().replaceFirst("Resource$", "");
            operation.setOperationId(Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                    + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        // First of all: what the markers add is then seen by the rules below (a query, shared headers).
        if (method.isAnnotationPresent(IdempotentCreation.class)) {
            applyIdempotentCreation(operation, responses);
        }
        WrittenRepresentation written = method.getAnnotation(WrittenRepresentation.class);
        if (written != null) {
            applyWrittenRepresentation(operation, responses, written.minimal(), List.of());
        }
        listOperationOf(method).ifPresent(list -> applyListOperation(list, operation, responses));
        boolean authenticated = method.isAnnotationPresent(Authenticated.class)
                || method.getDeclaringClass().isAnnotationPresent(Authenticated.class);
        boolean hasBody = hasBody(method);
        // A path parameter, bound to an argument or only documented on the method, names a resource.
        boolean namesAResource = hasParameter(method, PathParam.class) || operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        boolean read = method.isAnnotationPresent(GET.class);

        for (var entry : responses.entrySet()) {
            ApiResponse response = entry.getValue();
            if (response.get$ref() != null) {
                continue;
            }
            boolean declaresHeaders = response.getHeaders() != null && !response.getHeaders().isEmpty();
            response.addHeaderObject("Request-Id", ApiComponents.ref("Request-Id"));
            ApiComponents.ON_EVERY_RESPONSE.forEach(header -> putIfAbsent(response, header, ApiComponents.ref(header)));
            // Any request may carry a token, and every answer to one that does is private.
            response.addHeaderObject("Cache-Control", ApiComponents.ref("Cache-Control"));
            if (read && entry.getKey().equals("200")) {
                response.addHeaderObject("ETag", ApiComponents.ref("ETag"));
            }
            // A creation says where and which version, unless the resource declared its own headers.
            if (entry.getKey().equals("201") && !declaresHeaders) {
                putIfAbsent(response, "Location", ApiComponents.ref("Location"));
                putIfAbsent(response, "ETag", ApiComponents.ref("ETag"));
            }
        }

        addParameter(operation, "Request-Id");
        if (read) {
            addParameter(operation, "If-None-Match");
            addResponse(responses, "304", ProblemResponses.NOT_MODIFIED);
        }
        // Malformed or oversized requests (headers, URIs, bodies, parameters) are refused anywhere.
        addResponse(responses, "400", ProblemResponses.BAD_REQUEST);
        if (authenticated) {
            operation.addSecurityItem(new SecurityRequirement().addList(ApiComponents.BEARER));
            addResponse(responses, "401", ProblemResponses.UNAUTHORIZED);
        }
        if (namesAResource) {
            addResponse(responses, "404", ProblemResponses.NOT_FOUND);
        }
        addResponse(responses, "406", ProblemResponses.NOT_ACCEPTABLE);
        if (hasBody) {
            addResponse(responses, "413", ProblemResponses.PAYLOAD_TOO_LARGE);
            addResponse(responses, "415", ProblemResponses.UNSUPPORTED_MEDIA_TYPE);
            if (operation.getRequestBody() != null && !declaresAnOptionalBody(method)) {
                operation.getRequestBody().setRequired(true);
            }
        }
        // Every operation counts against the caller's rate limit, when limits are configured. What
        // reaches a service can meet an unreachable database, and so can the entry point when the
        // rate limits are kept in the database every instance shares: any operation may be a 503.
        addResponse(responses, "429", ProblemResponses.TOO_MANY_REQUESTS);
        addResponse(responses, "503", ProblemResponses.SERVICE_UNAVAILABLE);
        sortByStatus(responses);
    }

    /**
     * A JAX-RS path template's regular expression ({@code {alias: me|mine}}) matches the whole
     * segment, while a JSON Schema pattern matches anywhere in the value: anchored, the document's
     * pattern says what the route takes. Swagger adds the template's expressions after each
     * operation is read, so the whole document is passed through this once it is built.
     */
    static void anchorPathPatterns(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("path".equals(parameter.getIn()) && parameter.getSchema() != null) {
                String pattern = parameter.getSchema().getPattern();
                if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
                    parameter.getSchema().setPattern("^(" + pattern + ")$");
                }
            }
        }
    }

    private static void applyIdempotentCreation(Operation operation, ApiResponses responses) {
        addParametersFirst(operation, List.of("Idempotency-Key"));
        responses.computeIfAbsent("201", status -> new ApiResponse());
        // A creation is a write like any other, whose answers may also be replays of an earlier one.
        applyWrittenRepresentation(operation, responses, "Created; Prefer: return=minimal asked for no body.",
                List.of("Idempotent-Replayed"));
        // The key was used with another body: the shared 422 says so.
        addResponse(responses, "422", ProblemResponses.UNPROCESSABLE_CONTENT);
    }

    private static void applyWrittenRepresentation(Operation operation, ApiResponses responses, String minimal,
            List<String> moreHeaders) {
        addParameter(operation, "Prefer");
        List<String> headers = new ArrayList<>(List.of("Location", "ETag", "Vary"));
        headers.addAll(moreHeaders);
        for (String status : List.of("200", "201")) {
            ApiResponse response = responses.get(status);
            if (response != null && response.get$ref() == null) {
                headers.forEach(header -> putIfAbsent(response, header, ApiComponents.ref(header)));
            }
        }
        ApiResponse noBody = new ApiResponse().description(minimal);
        List<String> noBodyHeaders = new ArrayList<>(List.of("Location", "ETag", "Vary", "Preference-Applied"));
        noBodyHeaders.addAll(moreHeaders);
        noBodyHeaders.forEach(header -> noBody.addHeaderObject(header, ApiComponents.ref(header)));
        responses.putIfAbsent("204", noBody);
    }

    private static void applyListOperation(ListOperation list, Operation operation, ApiResponses responses) {
        addParametersFirst(operation, List.of(list.parameters()));
        ApiResponse page = responses.get("200");
        if (page != null && page.get$ref() == null) {
            putIfAbsent(page, "Link", ApiComponents.ref("Link"));
        }
    }

    /** The method's {@link ListOperation}: on the method itself, or on one of its annotations. */
    private static Optional<ListOperation> listOperationOf(Method method) {
        ListOperation direct = method.getAnnotation(ListOperation.class);
        if (direct != null) {
            return Optional.of(direct);
        }
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(ListOperation.class))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** Shared parameters ahead of the ones the method declares, as a resource would list them. */
    private static void addParametersFirst(Operation operation, List<String> names) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : operation.getParameters();
        List<Parameter> shared = new ArrayList<>();
        for (String name : names) {
            String ref = ApiComponents.PARAMETERS + name;
            if (parameters.stream().noneMatch(parameter -> ref.equals(parameter.get$ref()))) {
                shared.add(ApiComponents.parameterRef(name));
            }
        }
        parameters.addAll(0, shared);
        operation.setParameters(parameters);
    }

    private static void putIfAbsent(ApiResponse response, String name, Header header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, header);
        }
    }

    private static void addParameter(Operation operation, String name) {
        String ref = ApiComponents.PARAMETERS + name;
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>() : operation.getParameters();
        boolean present = parameters.stream().anyMatch(parameter -> ref.equals(parameter.get$ref())
                || (name.equalsIgnoreCase(String.valueOf(parameter.getName())) && "header".equals(parameter.getIn())));
        if (!present) {
            parameters.add(ApiComponents.parameterRef(name));
        }
        operation.setParameters(parameters);
    }

    private static void addResponse(ApiResponses responses, String status, String ref) {
        responses.putIfAbsent(status, new ApiResponse().$ref(ref));
    }

    private static void sortByStatus(ApiResponses responses) {
        List<String> statuses = new ArrayList<>(responses.keySet());
        statuses.sort(null);
        ApiResponses sorted = new ApiResponses();
        statuses.forEach(status -> sorted.addApiResponse(status, responses.get(status)));
        responses.clear();
        responses.putAll(sorted);
    }

    private static boolean declaresAnOptionalBody(Method method) {
        io.swagger.v3.oas.annotations.Operation declared =
                method.getAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        return declared != null && declared.requestBody().content().length > 0 && !declared.requestBody().required();
    }

    private static boolean hasBody(Method method) {
        return Arrays.stream(method.getParameterAnnotations())
                .anyMatch(annotations -> Arrays.stream(annotations)
                        .noneMatch(annotation -> NOT_A_BODY.contains(annotation.annotationType())));
    }

    private static boolean hasParameter(Method method, Class<? extends Annotation> kind) {
        return Arrays.stream(method.getParameterAnnotations())
                .anyMatch(annotations -> Arrays.stream(annotations)
                        .anyMatch(annotation -> annotation.annotationType() == kind));
    }
}
