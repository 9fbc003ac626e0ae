package dev.strata.contracts.closing;

import static dev.strata.contracts.identity.IdentityFixtures.FAST_HASHER;
import static dev.strata.contracts.identity.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.closing.AccountClosingService;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderItemDraft;
import dev.strata.core.orders.OrderService;
import dev.strata.core.orders.OrderState;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.PostStore;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing an account, run over real identity, post and order stores: what happens to everything
 * the account made, and to everyone else's. Extend it with the three stores.
 */
public abstract class AccountClosingServiceContract {

    private static final String PASSWORD = "correct horse battery staple";

    protected MutableClock clock;
    protected IdentityService identity;
    protected PostService posts;
    protected OrderService orders;
    protected AccountClosingService closing;

    /** A new identity store; it may share its backing database with other tests. */
    protected abstract IdentityStore newIdentityStore();

    /** A new post store; it may share its backing database with other tests. */
    protected abstract PostStore newPostStore();

    /** A new order store; it may share its backing database with other tests. */
    protected abstract OrderStore newOrderStore();

    @BeforeEach
    void createServices() {
        clock = MutableClock.startingNow();
        identity = new IdentityService(newIdentityStore(), clock, FAST_HASHER, IdentityFixtures.newSigner());
        posts = new PostService(newPostStore(), identity, clock);
        orders = new OrderService(newOrderStore(), clock);
        closing = new AccountClosingService(identity, posts, orders);
    }

    private AuthenticatedSession signUpAndIn(String email) {
        identity.createAccount(new NewAccount(email, PASSWORD, "Ada"));
        return identity.verifySession(identity.signIn(new Credentials(email, PASSWORD)).token());
    }

    private Order order(AuthenticatedSession caller) {
        return orders.create(caller, new OrderDraft("EUR", List.of(new OrderItemDraft("A-1", 1, new BigDecimal("5.00"))),
                "")).value();
    }

    @Test
    void closingDeletesTheAccountsContentCancelsItsOpenOrdersAndKeepsTheRest() {
        String email = uniqueEmail();
        AuthenticatedSession leaving = signUpAndIn(email);
        AuthenticatedSession staying = signUpAndIn(uniqueEmail());
        Channel owned = posts.createChannel(leaving, "owned").value();
        posts.addMember(leaving, owned.id(), staying.accountId());
        Channel othersChannel = posts.createChannel(staying, "theirs").value();
        posts.addMember(staying, othersChannel.id(), leaving.accountId());
        Post leavingsPost = posts.createPost(leaving, "bye").value();
        Post stayingsPostInOwned = posts.createChannelPost(staying, owned.id(), "in owned").value();
        Post stayingsPost = posts.createPost(staying, "still here").value();
        Order open = order(leaving);
        Order paid = orders.pay(leaving, order(leaving).id());
        Order shipped = orders.ship(leaving, orders.pay(leaving, order(leaving).id()).id());
        Order othersOpen = order(staying);

        closing.closeAccount(leaving, leaving.accountId(), PASSWORD);

        assertThat(identity.findAccount(leaving.accountId())).isEmpty();
        assertThatThrownBy(() -> posts.getPost(staying, leavingsPost.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.getChannel(staying, owned.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.getPost(staying, stayingsPostInOwned.id())).isInstanceOf(NotFoundException.class);
        assertThat(posts.getPost(staying, stayingsPost.id())).isEqualTo(stayingsPost);
        assertThat(posts.getMember(staying, othersChannel.id(), staying.accountId()).owner()).isTrue();
        assertThatThrownBy(() -> posts.getMember(staying, othersChannel.id(), leaving.accountId()))
                .isInstanceOf(NotFoundException.class);
        Order cancelled = orders.get(leaving, open.id());
        assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(cancelled.cancellation().orElseThrow().reason()).isEqualTo(AccountClosingService.CANCELLATION_REASON);
        assertThat(orders.get(leaving, paid.id())).isEqualTo(paid);
        assertThat(orders.get(leaving, shipped.id())).isEqualTo(shipped);
        assertThat(orders.get(staying, othersOpen.id())).isEqualTo(othersOpen);
        AuthenticatedSession newcomer = signUpAndIn(email);
        assertThat(newcomer.accountId()).isNotEqualTo(leaving.accountId());
        assertThatThrownBy(() -> orders.get(newcomer, paid.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWrongPasswordOrAnotherAccountClosesNothing() {
        String email = uniqueEmail();
        AuthenticatedSession account = signUpAndIn(email);
        AuthenticatedSession other = signUpAndIn(uniqueEmail());
        Post post = posts.createPost(account, "kept").value();
        Order open = order(account);

        assertThatThrownBy(() -> closing.closeAccount(account, account.accountId(), "not the password"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> closing.closeAccount(other, account.accountId(), PASSWORD))
                .isInstanceOf(NotFoundException.class);

        assertThat(identity.verifySession(identity.signIn(new Credentials(email, PASSWORD)).token()).accountId())
                .isEqualTo(account.accountId());
        assertThat(posts.getPost(other, post.id())).isEqualTo(post);
        assertThat(orders.get(account, open.id()).state()).isEqualTo(OrderState.OPEN);
    }

    @Test
    void aClosedAccountCannotSignInAndItsTokensAreDead() {
        String email = uniqueEmail();
        String token = identity.signIn(new Credentials(signUpAndIn(email).account().email(), PASSWORD)).token();
        AuthenticatedSession caller = identity.verifySession(token);

        closing.closeAccount(caller, caller.accountId(), PASSWORD);

        assertThatThrownBy(() -> identity.verifySession(token)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> identity.signIn(new Credentials(email, PASSWORD)))
                .isInstanceOf(AuthenticationException.class);
    }
}
