package dev.strata.peers.spring;

/** A request body the endpoint refuses: answered 400 by {@link Problems}. */
public class BadRequest extends RuntimeException {

    public BadRequest(String detail) {
        super(detail, null, false, false);
    }
}
