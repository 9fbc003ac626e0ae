package dev.strata.core.common;

/**
 * A dependency the service needs (its database) does not answer right now. Nothing was changed;
 * the same call may succeed later. Stores throw it for connection failures and pool timeouts.
 */
public final class UnavailableException extends StrataException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
        super("service_unavailable", message, cause);
    }
}
