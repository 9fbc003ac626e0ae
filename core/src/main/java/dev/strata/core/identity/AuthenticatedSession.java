package dev.strata.core.identity;

import java.util.Objects;

/**
 * A live session whose token was verified, with its account: who is calling. Services take it as
 * the caller of every operation that is checked against an owner.
 */
public record AuthenticatedSession(Session session, Account account) {

    public AuthenticatedSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(account, "account");
        if (!session.accountId().equals(account.id())) {
            throw new IllegalArgumentException("the session belongs to another account");
        }
    }

    /** The calling account's id. */
    public AccountId accountId() {
        return account.id();
    }
}
