package dev.strata.adapters.rest.docs;

import dev.strata.adapters.common.RequestIds;
import dev.strata.adapters.rest.http.EntityTags;
import dev.strata.adapters.rest.http.ListParameters;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.ProblemDetails;
import dev.strata.adapters.rest.http.RequestIdFilter;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.PageTokens;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostQuery;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parts of the document that every operation shares: the problem details schema and one
 * response per error status, the headers that matter, and the bearer security scheme.
 */
final class ApiComponents {

    static final String BEARER = "bearer";
    static final String HEADERS = "#/components/headers/";
    static final String PARAMETERS = "#/components/parameters/";

    /** Headers any response may carry, whatever the operation: caching, rate limits and CORS. */
    static final List<String> ON_EVERY_RESPONSE = List.of("Vary", "RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers");

    /** Headers that every response listing them carries. */
    private static final Set<String> ALWAYS_SENT = Set.of("Request-Id", "ETag", "Location", "WWW-Authenticate",
            "Retry-After");

    private static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetails";

    private ApiComponents() {
    }

    static Components create() {
        Components components = new Components();
        @SuppressWarnings("rawtypes")
        Map<String, Schema> problemSchemas = ModelConverters.getInstance().readAll(ProblemDetails.class);
        problemSchemas.forEach(components::addSchemas);
        headers().forEach((name, header) -> components.addHeaders(name, header.required(ALWAYS_SENT.contains(name))));
        parameters().forEach(components::addParameters);
        listParameters().forEach(components::addParameters);
        problemResponses().forEach(components::addResponses);
        components.addResponses("NotModified", new ApiResponse()
                .description("Not Modified: the representation named in If-None-Match is still current; no body.")
                .addHeaderObject("ETag", ref("ETag"))
                .addHeaderObject("Request-Id", ref("Request-Id"))
                .addHeaderObject("Cache-Control", ref("Cache-Control"))
                .addHeaderObject("Link", ref("Link")));
        ON_EVERY_RESPONSE.forEach(header -> components.getResponses().get("NotModified")
                .addHeaderObject(header, ref(header)));
        components.addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("opaque signed session token")
                .description("The token returned by POST /v1/sessions, as 'Authorization: Bearer <token>'."));
        // In the order of their names, not of Map.of's iteration, which changes from one JVM to the next:
        // the build writes the same document every time.
        components.setHeaders(new TreeMap<>(components.getHeaders()));
        components.setParameters(new TreeMap<>(components.getParameters()));
        components.setResponses(new TreeMap<>(components.getResponses()));
        return components;
    }

    static Header ref(String header) {
        return new Header().$ref(HEADERS + header);
    }

    static Parameter parameterRef(String parameter) {
        return new Parameter().$ref(PARAMETERS + parameter);
    }

    private static Map<String, Header> headers() {
        return Map.ofEntries(
                Map.entry("Request-Id", header("The request's id: the client's own when it sent a safe one, else a"
                        + " fresh one. Quote it when reporting a problem.", text(128,
                                "req_5f0c8e2a9d4b7c1e3a6f8b20").pattern("^[A-Za-z0-9._:-]{1,128}$"))),
                Map.entry("ETag", header("The strong entity tag of the representation, for If-None-Match and"
                        + " If-Match.", text(64, "\"3q2-7wAAQmYk0fVv9c1Yy2rT0aB\"").pattern("^\"[^\"]*\"$"))),
                Map.entry("Location", header("The URL of the resource created or named.",
                        text(2048, "/v1/accounts/acct_01jd8zqk3v5m9w2x4y6z8a0b1c").format("uri-reference"))),
                Map.entry("Cache-Control", header("'private, no-cache' on every response to an authenticated request.",
                        new StringSchema()._enum(List.of("private, no-cache")))),
                Map.entry("WWW-Authenticate", header("The authentication scheme to use: Bearer.",
                        text(256, "Bearer").pattern("^Bearer( .*)?$"))),
                Map.entry("Accept-Patch", header("The patch media type this resource accepts.",
                        new StringSchema()._enum(List.of(MediaTypes.MERGE_PATCH_JSON, MediaTypes.JSON_PATCH_JSON,
                                MediaTypes.JSON_PATCH_JSON + ", " + MediaTypes.MERGE_PATCH_JSON)))),
                Map.entry("Retry-After", header("Seconds to wait before retrying.", seconds())),
                Map.entry("Link", header("RFC 8288 links to other pages of a collection (next, prev, first).",
                        text(8192, "</v1/posts?page_token=abc>; rel=\"next\""))),
                Map.entry("Idempotent-Replayed", header("'true' when this is the stored response to an earlier"
                        + " request with the same Idempotency-Key.", new StringSchema()._enum(List.of("true")))),
                Map.entry("Vary", header("The request headers that shaped this response: Accept-Encoding, and Origin"
                        + " and Prefer where they apply.", text(256, "Accept-Encoding, Origin"))),
                Map.entry("Access-Control-Allow-Origin", header("The calling page's origin, when it is one of the"
                        + " configured CORS origins; absent otherwise.", text(2048, "https://app.example.com")
                        .format("uri"))),
                Map.entry("Access-Control-Expose-Headers", header("The response headers a page of an allowed origin"
                        + " may read.", text(1024, "ETag, Link, Location, Request-Id"))),
                Map.entry("Preference-Applied", header("The Prefer preference that shaped this response.",
                        new StringSchema()._enum(List.of("return=minimal", "return=representation")))),
                Map.entry("RateLimit-Limit", header("Requests allowed in the current window.", count())),
                Map.entry("RateLimit-Remaining", header("Requests left in the current window.", count())),
                Map.entry("RateLimit-Reset", header("Seconds until the current window resets.", seconds())));
    }

    private static Map<String, Parameter> parameters() {
        return Map.of(
                "Request-Id", headerParameter("Request-Id", false, "An id of 1 to " + RequestIds.MAX_LENGTH
                        + " characters of [A-Za-z0-9._:-] to follow this request through the logs; echoed in the"
                        + " Request-Id response header. Any other value is a 400 naming Request-Id.",
                        text(RequestIds.MAX_LENGTH, "client-abc.123").pattern("^" + RequestIds.PATTERN + "$")),
                "If-Match", headerParameter("If-Match", true, "The ETag of the version this change was made against"
                        + " (or *): missing is 428, stale is 412.",
                        text(EntityTags.MAX_CONDITION_LENGTH, "\"3q2-7wAAQmYk0fVv9c1Yy2rT0aB\"")),
                "If-None-Match", headerParameter("If-None-Match", false, "ETags the client already holds: a match is"
                        + " answered 304 without a body.",
                        text(EntityTags.MAX_CONDITION_LENGTH, "\"3q2-7wAAQmYk0fVv9c1Yy2rT0aB\"")),
                "Idempotency-Key", headerParameter("Idempotency-Key", false, "A client-chosen key that makes retrying"
                        + " this creation safe: a retry with the same key and body returns the original response with"
                        + " Idempotent-Replayed: true; the same key with another body is 422. 1 to "
                        + IdempotencyKey.MAX_LENGTH + " characters of visible ASCII, no spaces.",
                        text(IdempotencyKey.MAX_LENGTH, "6a1f3c9e-2b7d-4e8a-9c0f-1d2e3f4a5b6c")
                                .pattern("^[!-~]{1," + IdempotencyKey.MAX_LENGTH + "}$")),
                "Prefer", headerParameter("Prefer", false, "return=minimal asks for 204 with Location and ETag"
                        + " instead of the representation.",
                        new StringSchema()._enum(List.of("return=minimal", "return=representation"))));
    }

    /** The query parameters of collections, shared by every list that takes them. */
    private static Map<String, Parameter> listParameters() {
        return Map.of(
                "limit", query("limit", "Items per page: 1 to " + ListQuery.MAX_LIMIT + ", default "
                        + ListQuery.DEFAULT_LIMIT + "; anything else is a 400 naming limit.",
                        new IntegerSchema().format("int32").minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(ListQuery.MAX_LIMIT)).example(20)),
                "page_token", query("page_token", "The opaque cursor from the previous page's next link; bound to"
                        + " the query it came from.", text(PageTokens.MAX_TOKEN_LENGTH, "AqZd2S5i9DiaVVx9Sp5-rNsAAB5vcmRfMDFtOHRtbWQ1MDRhcmhrbThhcTFlMjNwcnMBABsyMDI2LTAxLTAyVDAzOjA0OjA1LjEyMzQ1Nlo")),
                "offset", query("offset", "Items to skip, 0 to 10000; not together with page_token.",
                        new IntegerSchema().format("int32").minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(10_000)).example(0)),
                "sort", query("sort", "Comma-separated sort keys, each with an optional + (ascending, the"
                        + " default) or - (descending), each key once.", text(ListParameters.MAX_EXPRESSION_LENGTH,
                                "-created_at,+amount").pattern(nameList("[+-]?", OrderService.QUERY.sortableNames()))),
                "fields", query("fields", "Comma-separated fields to show (id is always shown): a sparse"
                        + " fieldset; an unknown name is a 400.", text(ListParameters.MAX_EXPRESSION_LENGTH,
                                "id,created_at").pattern(nameList("", OrderService.QUERY.selectable()))),
                "post_fields", query("fields", "Comma-separated fields to show (id is always shown): a sparse"
                        + " fieldset; an unknown name is a 400.", text(ListParameters.MAX_EXPRESSION_LENGTH,
                                "id,created_at").pattern(nameList("", PostQuery.SCHEMA.selectable()))),
                "last_id", query("last_id", "The id of the last item seen: the page continues after it.",
                        text(64, "post_01jd8zqk3v5m9w2x4y6z8a0b1c")),
                "between", query("between", "A half-open time window <from>_<to>; each end is a UTC date"
                        + " (2026-01-01) or an RFC 3339 instant.", text(128, "2026-01-01_2026-02-01").pattern(
                                "^" + TextRules.DATE_OR_INSTANT + "_" + TextRules.DATE_OR_INSTANT + "$")),
                "created_at", query("created_at", "<op>:<instant> with op in eq, gt, gte, lt, lte; repeatable up to "
                        + ListParameters.MAX_FILTER_REPEATS + " times (the filters combine with AND)."
                        + " Instants are RFC 3339 with an offset.", filterValues("gte:2026-01-01T00:00:00Z",
                                "^((eq|gt|gte|lt|lte):)?" + TextRules.INSTANT + "$")).explode(true),
                "q", query("q", "Text to search for, ignoring case.", text(200, "hello")));
    }

    /**
     * The values of a repeatable filter parameter, as {@code ListParameters} bounds them: at most
     * {@link ListParameters#MAX_FILTER_REPEATS} expressions of at most
     * {@link ListParameters#MAX_EXPRESSION_LENGTH} characters.
     */
    static Schema<?> filterValues(String example, String pattern) {
        return new io.swagger.v3.oas.models.media.ArraySchema()
                .items(text(ListParameters.MAX_EXPRESSION_LENGTH, example).pattern(pattern))
                .maxItems(ListParameters.MAX_FILTER_REPEATS);
    }

    /** A comma-separated list of these names, each after {@code prefix}, spaces around them allowed. */
    private static String nameList(String prefix, java.util.Collection<String> names) {
        String name = " *" + prefix + "(" + String.join("|", names.stream().sorted().toList()) + ") *";
        return "^" + name + "(," + name + ")*$";
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new io.swagger.v3.oas.models.parameters.QueryParameter().name(name).required(false)
                .description(description).schema(schema);
    }

    private static Map<String, ApiResponse> problemResponses() {
        return Map.ofEntries(
                Map.entry("BadRequest", problem(400, "Bad Request", "validation_failed",
                        "Bad Request: the request is malformed or has invalid fields; `errors`"
                        + " names every bad field.")),
                Map.entry("Unauthorized", problem(401, "Unauthorized", "authentication_required",
                        "Unauthorized: a bearer token is missing, malformed, expired or"
                        + " revoked.").addHeaderObject("WWW-Authenticate", ref("WWW-Authenticate"))),
                Map.entry("Forbidden", problem(403, "Forbidden", "not_the_author",
                        "Forbidden: the caller may see this resource but not change it.")),
                Map.entry("NotFound", problem(404, "Not Found", "not_found",
                        "Not Found: no such resource, or one the caller may not see.")),
                Map.entry("NotAcceptable", problem(406, "Not Acceptable", "not_acceptable",
                        "Not Acceptable: no media type the Accept header allows.")),
                Map.entry("Conflict", problem(409, "Conflict", "email_already_registered",
                        "Conflict: the change clashes with the resource's current state.")),
                Map.entry("PreconditionFailed", problem(412, "Precondition Failed", "version_mismatch",
                        "Precondition Failed: the resource has changed since the"
                        + " version named in If-Match.")),
                Map.entry("PayloadTooLarge", problem(413, "Request Entity Too Large", "payload_too_large",
                        "Content Too Large: the request body is over the limit"
                        + " (1 MiB by default).")),
                Map.entry("UnsupportedMediaType", problem(415, "Unsupported Media Type", "unsupported_media_type",
                        "Unsupported Media Type: the request's Content-Type is not"
                        + " one this operation takes.").addHeaderObject("Accept-Patch", ref("Accept-Patch"))),
                Map.entry("UnprocessableContent", problem(422, "Unprocessable Content", "idempotency_key_reused",
                        "Unprocessable Content: the request is well-formed but cannot be"
                        + " carried out: its Idempotency-Key was used with a different request, or its patch cannot be"
                        + " applied to the resource.")),
                Map.entry("PreconditionRequired", problem(428, "Precondition Required", "precondition_required",
                        "Precondition Required: this change needs If-Match.")),
                Map.entry("TooManyRequests", problem(429, "Too Many Requests", "too_many_sign_in_attempts",
                        "Too Many Requests: retry after the number of seconds in"
                        + " Retry-After.").addHeaderObject("Retry-After", ref("Retry-After"))),
                Map.entry("ServiceUnavailable", problem(503, "Service Unavailable", "service_unavailable",
                        "Service Unavailable: the database cannot be reached; retry"
                        + " after Retry-After.").addHeaderObject("Retry-After", ref("Retry-After"))));
    }

    private static ApiResponse problem(int status, String title, String code, String description) {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", description.substring(description.indexOf(':') + 2));
        example.put("instance", "/v1/accounts");
        example.put("code", code);
        example.put("request_id", "req_5f0c8e2a9d4b7c1e3a6f8b20");
        if (status == 400) {
            Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("field", "email");
            error.put("code", "invalid_email");
            error.put("message", "is not an email address");
            example.put("errors", List.of(error));
        }
        ApiResponse response = new ApiResponse()
                .description(description)
                .addHeaderObject("Request-Id", ref("Request-Id"))
                .addHeaderObject("Cache-Control", ref("Cache-Control"));
        ON_EVERY_RESPONSE.forEach(header -> response.addHeaderObject(header, ref(header)));
        return response.content(new Content().addMediaType(MediaTypes.PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)).example(example)));
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    private static Parameter headerParameter(String name, boolean required, String description, Schema<?> schema) {
        return new HeaderParameter().name(name).required(required).description(description).schema(schema);
    }

    private static Schema<?> text(int maxLength, String example) {
        return new StringSchema().maxLength(maxLength).example(example);
    }

    private static Schema<?> seconds() {
        return new IntegerSchema().format("int32").minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(86_400)).example(2);
    }

    private static Schema<?> count() {
        return new IntegerSchema().format("int32").minimum(BigDecimal.ZERO)
                .maximum(BigDecimal.valueOf(1_000_000)).example(100);
    }
}
