package dev.strata.adapters.graphql.http;

/**
 * A GraphQL-over-HTTP request that is not well-formed (its body is not a JSON object with a string
 * {@code query}, say): answered 400 (415 for a body in another charset than UTF-8) with a GraphQL
 * error carrying {@code code}, before anything runs.
 */
final class RequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    RequestException(String code, String message) {
        this(400, code, message);
    }

    RequestException(int status, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
