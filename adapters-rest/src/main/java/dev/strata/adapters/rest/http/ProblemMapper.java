package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.strata.adapters.common.ErrorKind;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.FieldError;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.common.ValidationException;
import jakarta.inject.Provider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strata's one error mapper: every exception that leaves a resource or a filter, Jersey's own
 * included, becomes an RFC 9457 {@code application/problem+json} response with a stable
 * {@code code} and the request id. Nothing of the exception itself (class names, stack traces, SQL)
 * reaches the client; what the client cannot be told is logged with the request id instead.
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    /**
     * The request property where the {@link ErrorKind} of a core failure that this mapper answered
     * is kept, for the metrics' outcome.
     */
    public static final String ERROR_KIND = ProblemMapper.class.getName() + ".errorKind";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    /** Fields that the server assigns: a client that sends one is told so, not that it is unknown. */
    private static final Set<String> SERVER_ASSIGNED_FIELDS = Set.of("id", "created_at", "updated_at", "version",
            "owner_id", "author_id", "amount", "_links");

    /** Headers of Jersey's own error responses worth keeping, such as {@code Allow} on a 405. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE, "Accept-Patch");

    private static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 2;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders requestHeaders;

    @Context
    private Request request;

    @Context
    private Provider<ContainerRequestContext> requestContext;

    @Override
    public Response toResponse(Throwable exception) {
        Throwable cause = unwrap(exception);
        Response.ResponseBuilder response = switch (cause) {
            case HttpProblem problem -> withHeaders(problem(problem.status(), problem.code(), problem.getMessage()),
                    problem.headers());
            case StrataException failure -> fromService(failure);
            case MalformedHeaderException header -> problem(Status.BAD_REQUEST, "malformed_header",
                    "the " + header.header() + " header is malformed: " + header.getMessage(),
                    List.of(new FieldError(header.header(), "malformed_header", header.getMessage())));
            case InvalidJsonTextException text -> invalidField(fieldOf(text.pointer()), text.code(), text.getMessage());
            case JacksonException json -> fromJson(json);
            case NoContentException empty -> problem(Status.BAD_REQUEST, "body_required", "a request body is required");
            case IOException unreadable -> unreadableBody(unreadable);
            case WebApplicationException http -> fromJersey(http);
            default -> unexpected(cause);
        };
        return response.build();
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        // Jersey wraps what a message body reader throws; the reader's own exception says more.
        while ((current instanceof ProcessingException || current instanceof WebApplicationException)
                && current.getCause() != null
                && (current.getCause() instanceof JacksonException || current.getCause() instanceof HttpProblem
                        || current.getCause() instanceof IOException
                        || current.getCause() instanceof InvalidJsonTextException
                        || current.getCause() instanceof ProcessingException)) {
            current = current.getCause();
        }
        return current;
    }

    private Response.ResponseBuilder fromService(StrataException failure) {
        ErrorKind kind = ErrorKind.of(failure);
        ContainerRequestContext context = requestContext == null ? null : requestContext.get();
        if (context != null) {
            context.setProperty(ERROR_KIND, kind);
        }
        Response.StatusType status = statusOf(kind);
        return switch (failure) {
            case ValidationException invalid -> problem(status, invalid.code(), "the request has invalid fields",
                    invalid.errors());
            case AuthenticationException unauthenticated -> problem(status, unauthenticated.code(),
                    unauthenticated.getMessage()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case RateLimitedException limited -> problem(status, limited.code(), limited.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, ceilSeconds(limited)));
            case UnavailableException unavailable -> {
                LOG.warn("{} {} answered 503 [request {}]: {}", method(), path(), requestId(), unavailable.getMessage(),
                        unavailable.getCause());
                yield problem(status, unavailable.code(), "the service is temporarily unavailable; retry shortly")
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_UNAVAILABLE_SECONDS);
            }
            default -> problem(status, failure.code(), failure.getMessage());
        };
    }

    /**
     * The kind of failure an error status stands for where no core failure says (Jersey's own 404
     * and 405, a 429 of the rate limits): the first kind with that status, otherwise
     * {@link ErrorKind#INVALID_ARGUMENT} for any other 4xx; empty for a server error other than 503.
     */
    public static Optional<ErrorKind> kindOfStatus(int status) {
        for (ErrorKind kind : ErrorKind.values()) {
            if (statusOf(kind).getStatusCode() == status) {
                return Optional.of(kind);
            }
        }
        return status >= 400 && status < 500 ? Optional.of(ErrorKind.INVALID_ARGUMENT) : Optional.empty();
    }

    /** The one place where a kind of failure becomes an HTTP status. */
    static Response.StatusType statusOf(ErrorKind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> Status.BAD_REQUEST;
            case UNAUTHENTICATED -> Status.UNAUTHORIZED;
            case PERMISSION_DENIED -> Status.FORBIDDEN;
            case NOT_FOUND -> Status.NOT_FOUND;
            case ALREADY_EXISTS, FAILED_PRECONDITION -> Status.CONFLICT;
            case ABORTED -> Status.PRECONDITION_FAILED;
            case IDEMPOTENCY_KEY_REUSED -> HttpStatuses.UNPROCESSABLE_CONTENT;
            case RESOURCE_EXHAUSTED -> Status.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE;
        };
    }

    private static long ceilSeconds(RateLimitedException limited) {
        long millis = limited.retryAfter().toMillis();
        return (millis + 999) / 1000;
    }

    private Response.ResponseBuilder fromJson(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException unknown) {
            String field = fieldPath(unknown);
            boolean readOnly = SERVER_ASSIGNED_FIELDS.contains(unknown.getPropertyName());
            return invalidField(field, readOnly ? "read_only_field" : "unknown_field",
                    readOnly ? "is set by the server and cannot be written" : "is not a field of this resource");
        }
        // Databind wraps the parser's limit errors in a mapping exception, so look down the causes.
        StreamConstraintsException limit = constraintExceeded(json);
        if (limit != null) {
            return problem(Status.BAD_REQUEST, "json_limits_exceeded",
                    "the JSON document exceeds a limit: " + limit.getOriginalMessage());
        }
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalidField(fieldPath(mismatch), "invalid_type",
                    "must be " + describe(mismatch.getTargetType()));
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // The parser's own failure wrapped with the path, such as a number too large for its field.
            return invalidField(fieldPath(mapping), "invalid_value", "is not a value this field can hold");
        }
        return problem(Status.BAD_REQUEST, "malformed_json", "the request body is not valid JSON of the expected shape");
    }

    /** A JSON pointer ({@code /items/0/sku}) spelled as the other field errors are: {@code items[0].sku}. */
    private static String fieldOf(String pointer) {
        if (pointer.isEmpty()) {
            return "body";
        }
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit) && !field.isEmpty()) {
                field.append('[').append(name).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }

    /**
     * Reading the request body failed: the client stopped sending (the read timed out) or went
     * away. Its fault, not the server's; the connection is closed, since the rest of the body may
     * still be on its way.
     */
    private Response.ResponseBuilder unreadableBody(IOException failure) {
        LOG.info("{} {} [request {}]: the request body could not be read: {}", method(), path(), requestId(),
                failure.toString());
        boolean timedOut = false;
        for (Throwable current = failure; current != null; current = current.getCause()) {
            timedOut |= current instanceof TimeoutException || current instanceof SocketTimeoutException;
        }
        return (timedOut
                ? problem(Status.REQUEST_TIMEOUT, "request_timeout", "the request body did not arrive in time")
                : problem(Status.BAD_REQUEST, "body_unreadable", "the request body could not be read"))
                .header("Connection", "close");
    }

    private static StreamConstraintsException constraintExceeded(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    private Response.ResponseBuilder invalidField(String field, String code, String message) {
        return problem(Status.BAD_REQUEST, "validation_failed", "the request has invalid fields",
                List.of(new FieldError(field, code, message)));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String fieldPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private Response.ResponseBuilder fromJersey(WebApplicationException http) {
        Response original = http.getResponse();
        int status = original.getStatus();
        Response.StatusType statusType = Status.fromStatusCode(status) != null ? Status.fromStatusCode(status)
                : original.getStatusInfo();
        if (status >= 500) {
            return unexpected(http);
        }
        String code = switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> statusType.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
        String detail = switch (status) {
            case 404 -> "there is no resource at this path";
            case 405 -> "this resource does not support the method " + method() + "; see the Allow header";
            case 406 -> "this resource cannot respond in any media type the Accept header allows";
            case 415 -> "this resource does not accept the request's Content-Type";
            default -> statusType.getReasonPhrase();
        };
        Response.ResponseBuilder response = problem(statusType, code, detail);
        for (String header : KEPT_HEADERS) {
            Object value = original.getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response;
    }

    private Response.ResponseBuilder unexpected(Throwable failure) {
        LOG.error("{} {} failed [request {}]", method(), path(), requestId(), failure);
        return problem(Status.INTERNAL_SERVER_ERROR, "internal_error",
                "the server failed to answer this request; quote the request id when reporting it");
    }

    private Response.ResponseBuilder problem(Response.StatusType status, String code, String detail) {
        return problem(status, code, detail, null);
    }

    private Response.ResponseBuilder problem(Response.StatusType status, String code, String detail,
            List<FieldError> errors) {
        List<ProblemDetails.FieldProblem> fields = errors == null ? null : errors.stream()
                .map(error -> new ProblemDetails.FieldProblem(error.field(), error.code(), error.message()))
                .toList();
        ProblemDetails body = new ProblemDetails("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                detail, path(), code, requestId(), fields);
        return Response.status(status.getStatusCode(), status.getReasonPhrase())
                .type(MediaTypes.PROBLEM_JSON_TYPE)
                .entity(body);
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder response, Map<String, String> headers) {
        headers.forEach(response::header);
        return response;
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath(false);
    }

    private String method() {
        return request == null ? "?" : request.getMethod();
    }

    private String requestId() {
        return requestHeaders == null ? null : requestHeaders.getHeaderString(RequestIdFilter.HEADER);
    }
}
