package dev.strata.examples.plain;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.OrderService;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.PostStore;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/** Strata's identity, posts and orders services, wired for a plain Java service. */
public final class StrataServices implements AutoCloseable {

    /** Accounts and sessions. */
    public final IdentityService identity;
    /** Posts and channels. */
    public final PostService posts;
    /** Orders. */
    public final OrderService orders;
    private final AutoCloseable database;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();

    /** On the in-memory stores: for tests and demos, everything ends with the process. */
    public static StrataServices inMemory(TokenSigner signer) {
        return new StrataServices(new InMemoryIdentityStore(), new InMemoryPostStore(), new InMemoryOrderStore(),
                signer, () -> { });
    }

    /** On PostgreSQL, over the service's own pool, which stays open when this closes. */
    public static StrataServices onPostgres(DataSource pool, TokenSigner signer) {
        StrataDatabase database = StrataDatabase.over(pool);
        database.migrate(); // or run Flyway yourself on classpath:db/migration/{identity,posts,orders}
        return new StrataServices(database.identityStore(), database.postStore(), database.orderStore(),
                signer, database);
    }

    /**
     * The token signer from a key kept outside the process (an environment variable, a secret
     * file): base64 of at least 32 random bytes, made once with {@code openssl rand -base64 32}.
     * A generated key ({@code SigningKey.generate}) would end every session when the process does.
     */
    public static TokenSigner signer(String keyId, String base64Key) {
        return new TokenSigner(List.of(new TokenSigner.SigningKey(keyId, Base64.getDecoder().decode(base64Key.strip()))));
    }

    private StrataServices(IdentityStore identityStore, PostStore postStore, OrderStore orderStore,
            TokenSigner signer, AutoCloseable database) {
        Clock clock = Clock.systemUTC();
        this.identity = new IdentityService(identityStore, clock, new PasswordHasher(), signer);
        this.posts = new PostService(postStore, identity, clock);
        this.orders = new OrderService(orderStore, clock);
        this.database = database;
        // Expired sessions and old failed sign-ins are deleted only when asked: ask every 10 minutes.
        housekeeping.scheduleWithFixedDelay(this::purgeExpired, 10, 10, TimeUnit.MINUTES);
    }

    private void purgeExpired() {
        try {
            identity.purgeExpired();
        } catch (RuntimeException failure) { // a failed run must not cancel the next ones
            LoggerFactory.getLogger(StrataServices.class).warn("housekeeping failed; it runs again later", failure);
        }
    }

    /** Stops the housekeeping and closes the database, not the pool it was opened over. */
    @Override
    public void close() throws Exception {
        housekeeping.shutdownNow();
        database.close();
    }
}
