package dev.strata.adapters.grpc.call;

import dev.strata.core.identity.AuthenticatedSession;
import io.grpc.Context;

/**
 * The authenticated caller of the current call, which the authentication interceptor puts in the
 * call's {@link Context}.
 */
public final class Callers {

    /** The caller of an authenticated call; absent on the calls that need no token. */
    public static final Context.Key<AuthenticatedSession> CALLER = Context.key("strata-caller");

    private Callers() {
    }

    /**
     * The caller of the current call.
     *
     * @throws IllegalStateException when the call was not authenticated: a wiring error, not a client's
     */
    public static AuthenticatedSession current() {
        AuthenticatedSession caller = CALLER.get();
        if (caller == null) {
            throw new IllegalStateException("the method is not behind the authentication interceptor");
        }
        return caller;
    }
}
