package dev.strata.core.identity;

import java.util.Objects;

/**
 * A session just started, with its account and the signed bearer token that stands for it. The
 * token is shown to the client once, here, and never stored.
 */
public record IssuedSession(Session session, Account account, String token) {

    public IssuedSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IssuedSession[session=" + session + ", account=" + account + ", token=<redacted>]";
    }
}
