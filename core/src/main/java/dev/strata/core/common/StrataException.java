package dev.strata.core.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The root of Strata's small, unchecked exception hierarchy. Every subclass names one kind of
 * failure a caller can act on, and every instance carries a stable, snake_case {@link #code()}
 * (such as {@code email_already_registered}) that adapters pass on to clients unchanged, so a
 * client can branch on the code rather than on the human-readable message.
 *
 * <p>The hierarchy is sealed: adapters classify a failure with an exhaustive switch over these
 * types, so a new kind of failure cannot be added without every adapter learning what it means.
 */
public abstract sealed class StrataException extends RuntimeException
        permits ValidationException, AuthenticationException, ForbiddenException, NotFoundException,
        ConflictException, PreconditionFailedException, IdempotencyKeyReusedException, RateLimitedException,
        UnavailableException {

    private static final long serialVersionUID = 1L;
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");

    private final String code;

    protected StrataException(String code, String message) {
        super(message);
        this.code = requireCode(code);
    }

    protected StrataException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireCode(code);
    }

    /** The stable machine-readable code of this failure, snake_case. */
    public String code() {
        return code;
    }

    private static String requireCode(String code) {
        Objects.requireNonNull(code, "code");
        if (!SNAKE_CASE.matcher(code).matches()) {
            throw new IllegalArgumentException("an error code is snake_case: " + code);
        }
        return code;
    }
}
