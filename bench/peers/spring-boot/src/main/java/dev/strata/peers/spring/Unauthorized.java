package dev.strata.peers.spring;

/** The request carries no valid bearer token: answered 401 by {@link Problems}. */
public class Unauthorized extends RuntimeException {

    public Unauthorized() {
        super("the bearer token is not valid; sign in again", null, false, false);
    }
}
