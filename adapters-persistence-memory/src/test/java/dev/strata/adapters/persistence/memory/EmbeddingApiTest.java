package dev.strata.adapters.persistence.memory;

import static dev.strata.contracts.identity.IdentityFixtures.FAST_HASHER;
import static dev.strata.contracts.identity.IdentityFixtures.uniqueEmail;
import static dev.strata.contracts.orders.OrderServiceContract.draft;
import static dev.strata.contracts.orders.OrderServiceContract.item;
import static dev.strata.contracts.orders.OrderServiceContract.newCaller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.Page;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.Channel;
import dev.strata.core.posts.Post;
import dev.strata.core.posts.PostQuery;
import dev.strata.core.posts.PostService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API an embedding program calls, over real services on the in-memory stores: the overloads
 * without idempotency keys and with plain ones, the default first pages, and the list-query
 * language paging a list the way a gRPC or GraphQL adapter does (filter, order_by, page_size,
 * page_token).
 */
class EmbeddingApiTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final OrderService orders = new OrderService(new InMemoryOrderStore(), clock);
    private final IdentityService identity = new IdentityService(new InMemoryIdentityStore(), clock, FAST_HASHER,
            IdentityFixtures.newSigner());
    private final PostService posts = new PostService(new InMemoryPostStore(), identity, clock);

    private AuthenticatedSession signUpAndIn() {
        String email = uniqueEmail();
        identity.createAccount(new NewAccount(email, "correct horse battery staple", "Ada"));
        return identity.verifySession(identity.signIn(new Credentials(email, "correct horse battery staple")).token());
    }

    private List<Order> createOrders(AuthenticatedSession caller, int count) {
        List<Order> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(orders.create(caller, draft("EUR", "", item("A-1", 1, (i + 1) + ".00"))).value());
            clock.advance(Duration.ofMillis(1));
        }
        return made;
    }

    @Test
    void anOrderWithoutAKeyIsMadeOnEveryCallAndWithAKeyOnce() {
        AuthenticatedSession caller = newCaller();

        Created<Order> once = orders.create(caller, draft("EUR", "", item("A-1", 1, "1.00")));
        Created<Order> again = orders.create(caller, draft("EUR", "", item("A-1", 1, "1.00")));
        Created<Order> keyed = orders.create(caller, draft("EUR", "", item("A-1", 1, "1.00")), new IdempotencyKey("k"));
        Created<Order> retried = orders.create(caller, draft("EUR", "", item("A-1", 1, "1.00")), new IdempotencyKey("k"));

        assertThat(again.value().id()).isNotEqualTo(once.value().id());
        assertThat(once.replayed()).isFalse();
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.value()).isEqualTo(keyed.value());
        assertThat(orders.list(caller).items()).hasSize(3);
    }

    @Test
    void listWithoutAQueryIsTheFirstPageNewestFirst() {
        AuthenticatedSession caller = newCaller();
        List<Order> made = createOrders(caller, ListQuery.DEFAULT_LIMIT + 1);

        Page<Order> page = orders.list(caller);

        assertThat(page).isEqualTo(orders.list(caller, OrderService.QUERY.firstPage()));
        assertThat(page.items()).hasSize(ListQuery.DEFAULT_LIMIT).first().isEqualTo(made.getLast());
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void aListIsPagedToItsEndWithTheSharedLanguage() {
        AuthenticatedSession caller = newCaller();
        List<Order> made = createOrders(caller, 7);
        orders.cancel(caller, made.get(3).id(), "changed my mind");

        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            ListQuery query = OrderService.QUERY.listQuery("state=eq:open AND amount=gte:2.00", "amount desc", 2, token);
            Page<Order> page = orders.list(caller, query);
            page.items().forEach(order -> seen.add(order.amount().toPlainString()));
            token = OrderService.QUERY.nextPageToken(query, page, OrderService::sortValue, order -> order.id().value());
        } while (!token.isEmpty());

        assertThat(seen).containsExactly("7.00", "6.00", "5.00", "3.00", "2.00");
        assertThatThrownBy(() -> OrderService.QUERY.listQuery("state=eq:paid", "amount desc", 2,
                OrderService.QUERY.pageToken(OrderService.QUERY.listQuery("state=eq:open", "amount desc", 2, ""),
                        KeysetCursor.after(List.of(BigDecimal.ONE), made.get(0).id().value()))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("page_token");
    }

    @Test
    void postsAndChannelsHaveTheSameOverloadsAndFirstPages() {
        AuthenticatedSession author = signUpAndIn();
        Post first = posts.createPost(author, "first").value();
        clock.advance(Duration.ofMillis(1));
        Created<Post> keyed = posts.createPost(author, "second", new IdempotencyKey("p"));
        clock.advance(Duration.ofMillis(1));
        Channel channel = posts.createChannel(author, "team").value();
        Created<Channel> ops = posts.createChannel(author, "ops", new IdempotencyKey("c"));
        assertThat(posts.createChannel(author, "ops", new IdempotencyKey("c"))).isEqualTo(Created.replayed(ops.value()));
        assertThat(posts.createChannel(author, "ops").value().id()).isNotEqualTo(ops.value().id());
        Post inChannel = posts.createChannelPost(author, channel.id(), "for the team").value();
        Created<Post> keyedInChannel = posts.createChannelPost(author, channel.id(), "again", new IdempotencyKey("q"));

        assertThat(posts.createPost(author, "second", new IdempotencyKey("p")).replayed()).isTrue();
        assertThat(posts.createChannelPost(author, channel.id(), "again", new IdempotencyKey("q")).value())
                .isEqualTo(keyedInChannel.value());
        assertThat(posts.listAccountPosts(author, author.accountId()))
                .isEqualTo(posts.listAccountPosts(author, author.accountId(), PostQuery.newest()));
        assertThat(posts.listAccountPosts(author, author.accountId()).items()).extracting(Post::id)
                .contains(keyed.value().id(), first.id());
        assertThat(posts.listChannelPosts(author, channel.id()).items()).extracting(Post::id)
                .containsExactly(keyedInChannel.value().id(), inChannel.id());
        assertThat(posts.searchPosts(author)).isEqualTo(posts.searchPosts(author, PostQuery.newest()));
        assertThat(identity.listSessions(author)).isEqualTo(identity.listSessions(author, author.accountId()))
                .hasSize(1);
    }

    @Test
    void postsArePagedWithTheSharedLanguageToo() {
        AuthenticatedSession author = signUpAndIn();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(0, posts.createPost(author, "post " + i).value().id().value());
            clock.advance(Duration.ofMillis(1));
        }
        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            ListQuery query = PostQuery.SCHEMA.listQuery("", "", 2, token);
            Page<Post> page = posts.listAccountPosts(author, author.accountId(), PostQuery.of(query));
            page.items().forEach(post -> seen.add(post.id().value()));
            token = PostQuery.SCHEMA.nextPageToken(query, page, PostQuery::sortValue, post -> post.id().value());
        } while (!token.isEmpty());

        assertThat(seen).isEqualTo(made);
    }
}
