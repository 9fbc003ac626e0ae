package dev.strata.adapters.rest.testing;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The API over real services and in-memory stores, served by a real server: what HTTP tests run
 * against. Fakes, not mocks: every request goes through every filter, resource and service.
 *
 * <p>Register it once per test class; the server stops after the class:
 * <pre>{@code @RegisterExtension static final TestApi api = new TestApi();}</pre>
 */
public final class TestApi implements AutoCloseable, AfterAllCallback {

    public final MutableClock clock = MutableClock.startingNow();
    public final InMemoryIdentityStore identityStore = new InMemoryIdentityStore();
    public final IdentityService identity =
            new IdentityService(identityStore, clock, IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
    public final InMemoryPostStore postStore = new InMemoryPostStore();
    public final PostService posts = new PostService(postStore, identity, clock);
    public final InMemoryOrderStore orderStore = new InMemoryOrderStore();
    public final OrderService orders = new OrderService(orderStore, clock);
    public final TestServer server;
    public final HttpDriver http;

    public TestApi() {
        this(api -> api);
    }

    /** The API with settings of its own, such as {@code new TestApi(api -> api.rateLimits(limits))}. */
    public TestApi(UnaryOperator<StrataApi.Builder> settings) {
        this.server = TestServer.start(settings.apply(StrataApi.builder(identity).posts(posts).orders(orders)).build());
        this.http = new HttpDriver(server.uri());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // @Nested classes inherit the extension; only the outermost class's end stops the server.
        if (!context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
            close();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
