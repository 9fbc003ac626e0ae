package dev.strata.core.common;

/**
 * The caller's credentials or token are not valid. The message is deliberately the same for every
 * cause (unknown email, wrong password, tampered or expired token), so that it reveals nothing.
 */
public final class AuthenticationException extends StrataException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String code, String message) {
        super(code, message);
    }
}
