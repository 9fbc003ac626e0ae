package dev.strata.adapters.graphql.http;

/**
 * A GraphQL-over-HTTP request that is not well-formed (its body is not a JSON object with a string
 * {@code query}, say): answered 400 with a GraphQL error carrying {@code code}, before anything runs.
 */
final class RequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    RequestException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
