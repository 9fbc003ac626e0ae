package dev.strata.adapters.graphql;

import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Session;
import java.util.Objects;
import java.util.Optional;

/** The sources of the schema's types where a core value alone does not say enough. */
final class Views {

    private Views() {
    }

    /**
     * An account as a caller sees it: its own, with every field ({@code account} is present), or
     * another, of which only the id (and the posts the caller may read) is shown, as in REST, where
     * an account is private to itself.
     */
    record AccountView(AccountId id, Optional<Account> account) {

        AccountView {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(account, "account");
        }

        /** The caller's own account, or an account a client just made for itself (signing up). */
        static AccountView own(Account account) {
            return new AccountView(account.id(), Optional.of(account));
        }

        /** The account {@code id} as {@code caller} sees it. */
        static AccountView seenBy(AuthenticatedSession caller, AccountId id) {
            return caller.accountId().equals(id) ? own(caller.account()) : new AccountView(id, Optional.empty());
        }

        boolean isOwn() {
            return account.isPresent();
        }
    }

    /** A session and its account, which is always the caller's own. */
    record SessionView(Session session, Account account) {
    }

    /** What signing in returns: the token (shown once) and the new session. */
    record SignedIn(String token, SessionView session) {
    }

    /** What an idempotent creation returns: the created (or replayed) value, and whether it was replayed. */
    record CreatedView(Object value, boolean replayed) {
    }
}
