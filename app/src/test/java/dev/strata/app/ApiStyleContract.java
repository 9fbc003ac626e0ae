package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.app.StyleDriver.Item;
import dev.strata.app.StyleDriver.OrderSpec;
import dev.strata.app.StyleDriver.OrderView;
import dev.strata.app.StyleDriver.PostView;
import dev.strata.app.StyleDriver.SignedIn;
import dev.strata.contracts.identity.IdentityFixtures;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules every API style must keep, written once against a {@link StyleDriver} and run through
 * each style by a subclass against the whole app (REST, gRPC and GraphQL served together):
 * authorization (what the caller may not see is not found, what it sees but may not change is
 * denied), validation (the invalid field is named), idempotency (a replay returns the same order,
 * a reused key is refused), concurrency (a stale version is refused) and authentication.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiStyleContract {

    private static final String PASSWORD = "correct horse battery staple";
    private static final OrderSpec BOOKS = new OrderSpec("EUR",
            List.of(new Item("BOOK-1", 2, "12.50"), new Item("PEN-7", 3, "1.99")), "gift");

    private RunningApp app;
    private StyleDriver style;

    /** The style under test, over the running {@code app}. */
    abstract StyleDriver driver(RunningApp app);

    @BeforeAll
    void start() throws IOException {
        String database = StrataDatabase.h2MemoryUrl("styles-" + UUID.randomUUID());
        app = RunningApp.start(RunningApp.settings(database).withGrpcPort(PackagedApp.freePort()));
        style = driver(app);
    }

    @AfterAll
    void stop() {
        if (style != null) {
            style.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private SignedIn someone() {
        String email = IdentityFixtures.uniqueEmail();
        String id = style.signUp(email, PASSWORD, "Someone");
        SignedIn signedIn = style.signIn(email, PASSWORD);
        assertThat(signedIn.accountId()).isEqualTo(id);
        return signedIn;
    }

    private StyleFailure refusal(ThrowingCallable call) {
        StyleFailure failure = catchThrowableOfType(StyleFailure.class, call);
        assertThat(failure).as("%s refuses the call", style.name()).isNotNull();
        return failure;
    }

    private void assertRefused(ThrowingCallable call, StyleFailure.Kind kind, String code) {
        StyleFailure failure = refusal(call);
        assertThat(failure.code()).as("%s: Strata's code of %s", style.name(), failure.getMessage()).isEqualTo(code);
        assertThat(failure.kind()).as("%s: the kind of %s", style.name(), failure.getMessage()).isEqualTo(kind);
    }

    @Test
    void anotherAccountsOrderIsNotFound() {
        SignedIn ada = someone();
        SignedIn bob = someone();
        OrderView order = style.createOrder(ada.token(), BOOKS, null);

        assertRefused(() -> style.getOrder(bob.token(), order.id()), StyleFailure.Kind.NOT_FOUND, "order_not_found");
        assertRefused(() -> style.cancelOrder(bob.token(), order.id(), "not mine"), StyleFailure.Kind.NOT_FOUND,
                "order_not_found");
        assertThat(style.getOrder(ada.token(), order.id()).state()).isEqualTo("open");
    }

    @Test
    void aPostInAChannelTheCallerIsNotInIsNotFoundUntilItJoins() {
        SignedIn ada = someone();
        SignedIn bob = someone();
        String channel = style.createChannel(ada.token(), "team");
        PostView post = style.createPost(ada.token(), "for the team only", channel);

        assertRefused(() -> style.getPost(bob.token(), post.id()), StyleFailure.Kind.NOT_FOUND, "post_not_found");
        style.addMember(ada.token(), channel, bob.accountId());
        assertThat(style.getPost(bob.token(), post.id())).isEqualTo(post);
    }

    @Test
    void aPostTheCallerSeesButDidNotWriteIsNotItsToDelete() {
        SignedIn ada = someone();
        SignedIn bob = someone();
        PostView post = style.createPost(ada.token(), "hello, everyone", null);

        assertThat(style.getPost(bob.token(), post.id())).isEqualTo(post);
        assertRefused(() -> style.deletePost(bob.token(), post.id()), StyleFailure.Kind.PERMISSION_DENIED,
                "not_the_author");
        assertThat(style.getPost(ada.token(), post.id())).isEqualTo(post);
    }

    @Test
    void invalidFieldsAreRefusedAndNamed() {
        SignedIn ada = someone();
        OrderSpec invalid = new OrderSpec("euro", List.of(new Item("BOOK-1", 0, "12.50")), null);

        StyleFailure failure = refusal(() -> style.createOrder(ada.token(), invalid, null));

        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(StyleFailure.Kind.INVALID);
        assertThat(failure.code()).as(failure.getMessage()).isEqualTo("validation_failed");
        assertThat(failure.fields()).as(failure.getMessage())
                .contains(style.fieldName("currency"), style.fieldName("items[0].quantity"));
    }

    @Test
    void aReplayedCreationReturnsTheSameOrderAndAReusedKeyIsRefused() {
        SignedIn ada = someone();
        String key = "key-" + UUID.randomUUID();
        OrderView first = style.createOrder(ada.token(), BOOKS, key);

        OrderView replayed = style.createOrder(ada.token(), BOOKS, key);
        OrderView other = style.createOrder(ada.token(), BOOKS, null);

        assertThat(replayed).isEqualTo(first);
        assertThat(other.id()).as("no key, a new order").isNotEqualTo(first.id());
        OrderSpec changed = new OrderSpec("EUR", List.of(new Item("BOOK-1", 5, "12.50")), "gift");
        assertRefused(() -> style.createOrder(ada.token(), changed, key), StyleFailure.Kind.INVALID,
                "idempotency_key_reused");
        assertThat(style.getOrder(ada.token(), first.id())).isEqualTo(first);
    }

    @Test
    void aChangeAgainstAStaleVersionIsRefused() {
        SignedIn ada = someone();
        OrderView read = style.createOrder(ada.token(), BOOKS, null);

        OrderView changed = style.updateOrderComment(ada.token(), read.id(), read.tag(), "birthday gift");

        assertThat(changed.version()).isEqualTo(read.version() + 1);
        assertRefused(() -> style.updateOrderComment(ada.token(), read.id(), read.tag(), "too late"),
                StyleFailure.Kind.STALE, "version_mismatch");
        assertThat(style.getOrder(ada.token(), read.id()).comment()).isEqualTo("birthday gift");
    }

    @Test
    void anOrderCancelledTwiceIsRefusedTheSecondTime() {
        SignedIn ada = someone();
        OrderView order = style.createOrder(ada.token(), BOOKS, null);

        assertThat(style.cancelOrder(ada.token(), order.id(), "ordered twice").state()).isEqualTo("cancelled");
        assertRefused(() -> style.cancelOrder(ada.token(), order.id(), "again"), StyleFailure.Kind.CONFLICT,
                "order_already_cancelled");
    }

    @Test
    void callsWithoutAValidTokenAreRefused() {
        SignedIn ada = someone();
        OrderView order = style.createOrder(ada.token(), BOOKS, null);

        assertRefused(() -> style.getOrder(null, order.id()), StyleFailure.Kind.UNAUTHENTICATED,
                "authentication_required");
        assertRefused(() -> style.createOrder("not-a-token", BOOKS, null), StyleFailure.Kind.UNAUTHENTICATED,
                "invalid_token");
    }
}
