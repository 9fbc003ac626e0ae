package dev.strata.adapters.rest.contract;

import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderItemDraft;
import dev.strata.core.posts.ChannelId;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a request of the document can name, made straight through the services (fast, no HTTP): an
 * owner, who owns a channel, a post in it and an order; a member of that channel; and a stranger,
 * signed in but a member of nothing. Each test case makes its own, so that no case sees what
 * another changed (a deleted post, an ended session).
 *
 * @param owner    the account that owns everything below
 * @param member   a member of the owner's channel, who owns nothing
 * @param stranger an account that owns nothing and is no member
 * @param ownerSession the id of the owner's session (the one its token stands for)
 */
record World(SignedIn owner, SignedIn member, SignedIn stranger, String channel, String post, String order,
        String ownerSession) {

    static World create(TestApi api) {
        SignedIn owner = signUpAndIn(api);
        SignedIn member = signUpAndIn(api);
        SignedIn stranger = signUpAndIn(api);
        AuthenticatedSession session = api.identity.verifySession(owner.token());
        ChannelId channel = api.posts.createChannel(session, "team").value().id();
        api.posts.addMember(session, channel, new AccountId(member.id()));
        String post = api.posts.createChannelPost(session, channel, "team only").value().id()
                .value();
        String order = api.orders.create(session, new OrderDraft("EUR",
                List.of(new OrderItemDraft("BOOK-42", 2, new BigDecimal("12.50"))), null))
                .value().id().value();
        return new World(owner, member, stranger, channel.value(), post, order, session.session().id().value());
    }

    private static SignedIn signUpAndIn(TestApi api) {
        String email = IdentityFixtures.uniqueEmail();
        String id = api.identity.createAccount(new NewAccount(email, Accounts.PASSWORD, "Ada")).id().value();
        IssuedSession session = api.identity.signIn(new Credentials(email, Accounts.PASSWORD));
        return new SignedIn(id, email, session.token());
    }

    /**
     * The value of a path parameter, found from the document alone: its schema's pattern names
     * the kind of id; {@code account_id} (the account a channel operation acts on) is the member,
     * any other account id the owner's own; a parameter with an enum takes its first value.
     */
    String pathValue(String name, String pattern, List<String> enumValues) {
        if (!enumValues.isEmpty()) {
            return enumValues.getFirst();
        }
        String prefix = pattern == null ? "" : pattern.replaceFirst("^\\^?\\(?", "");
        if (prefix.startsWith("acct_")) {
            return name.equals("account_id") ? member.id() : owner.id();
        }
        if (prefix.startsWith("chan_")) {
            return channel;
        }
        if (prefix.startsWith("post_")) {
            return post;
        }
        if (prefix.startsWith("ord_")) {
            return order;
        }
        if (prefix.startsWith("ses_")) {
            return ownerSession;
        }
        throw new AssertionError("the document has a path parameter no world value fits: " + name + " " + pattern);
    }
}
