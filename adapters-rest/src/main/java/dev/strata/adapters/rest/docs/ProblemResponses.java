package dev.strata.adapters.rest.docs;

/**
 * References to the shared responses of the OpenAPI document, for resource annotations such as
 * {@code @ApiResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)}. Each one is an
 * {@code application/problem+json} body, defined once in {@link ApiComponents}.
 */
public final class ProblemResponses {

    private static final String PREFIX = "#/components/responses/";

    public static final String BAD_REQUEST = PREFIX + "BadRequest";
    public static final String UNAUTHORIZED = PREFIX + "Unauthorized";
    public static final String FORBIDDEN = PREFIX + "Forbidden";
    public static final String NOT_FOUND = PREFIX + "NotFound";
    public static final String NOT_ACCEPTABLE = PREFIX + "NotAcceptable";
    public static final String CONFLICT = PREFIX + "Conflict";
    public static final String PRECONDITION_FAILED = PREFIX + "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = PREFIX + "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = PREFIX + "UnsupportedMediaType";
    public static final String UNPROCESSABLE_CONTENT = PREFIX + "UnprocessableContent";
    public static final String PRECONDITION_REQUIRED = PREFIX + "PreconditionRequired";
    public static final String TOO_MANY_REQUESTS = PREFIX + "TooManyRequests";
    public static final String SERVICE_UNAVAILABLE = PREFIX + "ServiceUnavailable";
    public static final String NOT_MODIFIED = PREFIX + "NotModified";

    /** Shared header definitions, for {@code @Header(ref = ...)} on a success response. */
    public static final String LOCATION_HEADER = "#/components/headers/Location";
    public static final String ETAG_HEADER = "#/components/headers/ETag";
    public static final String LINK_HEADER = "#/components/headers/Link";
    public static final String IDEMPOTENT_REPLAYED_HEADER = "#/components/headers/Idempotent-Replayed";
    public static final String PREFERENCE_APPLIED_HEADER = "#/components/headers/Preference-Applied";
    public static final String VARY_HEADER = "#/components/headers/Vary";

    /** Shared request headers, for {@code @Parameter(ref = ...)}. */
    public static final String IF_MATCH_PARAMETER = "#/components/parameters/If-Match";
    public static final String IDEMPOTENCY_KEY_PARAMETER = "#/components/parameters/Idempotency-Key";
    public static final String PREFER_PARAMETER = "#/components/parameters/Prefer";
    public static final String IF_NONE_MATCH_PARAMETER = "#/components/parameters/If-None-Match";

    /** Shared query parameters of lists, for {@code @Parameter(ref = ...)}. */
    public static final String LIMIT_PARAMETER = "#/components/parameters/limit";
    public static final String PAGE_TOKEN_PARAMETER = "#/components/parameters/page_token";
    public static final String OFFSET_PARAMETER = "#/components/parameters/offset";
    public static final String SORT_PARAMETER = "#/components/parameters/sort";
    public static final String FIELDS_PARAMETER = "#/components/parameters/fields";
    public static final String POST_FIELDS_PARAMETER = "#/components/parameters/post_fields";
    public static final String LAST_ID_PARAMETER = "#/components/parameters/last_id";
    public static final String BETWEEN_PARAMETER = "#/components/parameters/between";
    public static final String CREATED_AT_PARAMETER = "#/components/parameters/created_at";
    public static final String Q_PARAMETER = "#/components/parameters/q";

    private ProblemResponses() {
    }
}
