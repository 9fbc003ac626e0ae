package dev.strata.adapters.graphql;

import dev.strata.adapters.graphql.Views.AccountView;
import dev.strata.adapters.graphql.Views.SessionView;
import dev.strata.adapters.graphql.Views.SignedIn;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.identity.Account;
import dev.strata.core.identity.AccountChanges;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.Session;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Accounts and sessions: the identity service's operations as queries, mutations and fields. */
final class IdentityFields {

    private final IdentityService identity;

    IdentityFields(IdentityService identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("viewer", field -> {
                    AuthenticatedSession caller = Fetching.session(field);
                    return new SessionView(caller.session(), caller.account());
                })
                .dataFetcher("account", field -> AccountView.own(identity.getAccount(Fetching.session(field),
                        Fetching.id(field, "id", AccountId::new)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("signUp", this::signUp)
                .dataFetcher("signIn", this::signIn)
                .dataFetcher("signOut", field -> {
                    identity.endSession(Fetching.session(field));
                    return true;
                })
                .dataFetcher("signOutEverywhere", field -> {
                    identity.endAllSessions(Fetching.session(field), Fetching.id(field, "accountId", AccountId::new));
                    return true;
                })
                .dataFetcher("updateAccount", this::updateAccount));
        wiring.type("Account", type -> type
                .dataFetcher("id", field -> Fetching.<AccountView>source(field).id().value())
                .dataFetcher("email", own(Account::email))
                .dataFetcher("displayName", own(Account::displayName))
                .dataFetcher("createdAt", own(Account::createdAt))
                .dataFetcher("updatedAt", own(Account::updatedAt))
                .dataFetcher("version", own(Account::version))
                .dataFetcher("sessions", this::sessions));
        wiring.type("Session", type -> type
                .dataFetcher("id", field -> Fetching.<SessionView>source(field).session().id().value())
                .dataFetcher("account", field -> AccountView.own(Fetching.<SessionView>source(field).account()))
                .dataFetcher("createdAt", field -> Fetching.<SessionView>source(field).session().createdAt())
                .dataFetcher("expiresAt", field -> Fetching.<SessionView>source(field).session().expiresAt()));
    }

    private Object signUp(DataFetchingEnvironment field) {
        Map<String, Object> input = field.getArgument("input");
        Account account = identity.createAccount(new NewAccount((String) input.get("email"),
                (String) input.get("password"), (String) input.get("displayName")));
        return AccountView.own(account);
    }

    private Object signIn(DataFetchingEnvironment field) {
        Map<String, Object> input = field.getArgument("input");
        IssuedSession issued = identity.signIn(new Credentials((String) input.get("email"),
                (String) input.get("password")));
        return new SignedIn(issued.token(), new SessionView(issued.session(), issued.account()));
    }

    private Object updateAccount(DataFetchingEnvironment field) {
        AuthenticatedSession caller = Fetching.session(field);
        AccountId id = Fetching.id(field, "id", AccountId::new);
        int expectedVersion = field.getArgument("expectedVersion");
        Map<String, Object> input = field.getArgument("input");
        AccountChanges changes = AccountChanges.none();
        if (input.get("displayName") instanceof String name) {
            changes = changes.withDisplayName(name);
        }
        if (input.get("email") instanceof String email) {
            changes = changes.withEmail(email);
        }
        if (input.get("password") instanceof String password) {
            changes = changes.withNewPassword(password);
        }
        if (input.get("currentPassword") instanceof String current) {
            changes = changes.withCurrentPassword(current);
        }
        return AccountView.own(identity.updateAccount(caller, id, changes, expectedVersion));
    }

    private Object sessions(DataFetchingEnvironment field) {
        AccountView view = field.getSource();
        if (!view.isOwn()) {
            return null;
        }
        Paging paging = Paging.of(field);
        AuthenticatedSession caller = Fetching.session(field);
        String binding = "sessions|" + view.id().value();
        List<Session> sessions = identity.listSessions(caller, view.id());
        Optional<KeysetCursor> position = paging.cursor().map(value -> Cursors.read(paging, Cursors.SESSIONS, binding,
                cursor -> cursor));
        Connection<Session> page = Connection.ofWhole(sessions, paging,
                session -> Cursors.after(Cursors.SESSIONS, binding, List.of(session.createdAt()), session.id().value()),
                session -> position.map(after -> isOlder(session, after)).orElse(true));
        return new Connection<>(page.edges().stream().map(edge -> new Connection.Edge<>(edge.cursor(),
                new SessionView(edge.node(), caller.account()))).toList(), page.pageInfo());
    }

    /** Whether {@code session} follows the position {@code after} in the newest-first list of sessions. */
    private static boolean isOlder(Session session, KeysetCursor after) {
        int byTime = session.createdAt().compareTo((Instant) after.sortValues().getFirst());
        return byTime < 0 || (byTime == 0 && session.id().value().compareTo(after.id()) < 0);
    }

    /** A field of the caller's own account; null on anyone else's. */
    private static DataFetcher<Object> own(Function<Account, Object> value) {
        return field -> {
            AccountView view = field.getSource();
            return view.account().map(value).orElse(null);
        };
    }

}
