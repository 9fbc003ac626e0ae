package dev.strata.adapters.persistence.postgres.identity;

import static dev.strata.contracts.identity.IdentityFixtures.FAST_HASHER;
import static dev.strata.contracts.identity.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.postgres.DatabaseSettings;
import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.identity.ForwardingIdentityStore;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.identity.AccountChanges;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.TokenSigner;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances over one PostgreSQL database, each with its own session cache and listener, as two
 * app instances have: what one ends, the other refuses within one second.
 *
 * <p>The one-second bound is checked without trusting a sleep or a wall-clock deadline: the test
 * reads a monotonic clock after the change returned (the commit happened before that) and before each
 * verification on the other instance starts (an answer comes from the state at that time or later),
 * and fails if any verification that started a second or more after the change still accepted the
 * token. It polls until the token is refused, with a generous overall guard that only stops a test
 * that would otherwise never end. The listener's own event times give the delivery latency, logged.
 */
class SessionCacheAcrossInstancesPostgresTest {

    private static final Duration BOUND = Duration.ofSeconds(1);
    private static final Duration GUARD = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(SessionCacheAcrossInstancesPostgresTest.class);

    private final TokenSigner signer = IdentityFixtures.newSigner();
    private Instance a;
    private Instance b;

    /** One instance: its store, cache, listener and service; its listener's connections may be held back. */
    private final class Instance implements AutoCloseable {

        final AtomicInteger reads = new AtomicInteger();
        final CachingIdentityStore cache;
        final IdentityChangeListener listener;
        final IdentityService identity;
        final Queue<IdentityChangeListener.Event> events = new ConcurrentLinkedQueue<>();
        final AtomicReference<CountDownLatch> connecting = new AtomicReference<>(new CountDownLatch(0));

        Instance() {
            DatabaseSettings settings = TestDatabases.postgresSettings();
            IdentityChangeListener.Connector direct =
                    IdentityChangeListener.Connector.direct(settings.url(), settings.user(), settings.password());
            cache = new CachingIdentityStore(new ForwardingIdentityStore(new JdbiIdentityStore(TestDatabases.postgres().jdbi())) {
                @Override
                public java.util.Optional<dev.strata.core.identity.store.SessionAccountRecord> findSession(
                        dev.strata.core.identity.SessionId id) {
                    reads.incrementAndGet();
                    return super.findSession(id);
                }
            }, Clock.systemUTC(), Duration.ofMinutes(5), 1_000);
            listener = IdentityChangeListener.start(() -> {
                awaitUninterruptibly(connecting.get());
                return direct.connect();
            }, "identity", cache, Clock.systemUTC(), events::add);
            identity = new IdentityService(cache, Clock.systemUTC(), FAST_HASHER, signer);
        }

        /** Verifies {@code token} here and says whether this answer came from the cache (no read of the store). */
        boolean verifiedFromCache(String token) {
            int before = reads.get();
            identity.verifySession(token);
            return reads.get() == before;
        }

        @Override
        public void close() {
            connecting.get().countDown();
            listener.close();
        }
    }

    @BeforeEach
    void startTwoInstances() {
        a = new Instance();
        b = new Instance();
        await("both listeners listen", () -> a.cache.isActive() && b.cache.isActive());
    }

    @AfterEach
    void stopThem() {
        a.close();
        b.close();
    }

    private IssuedSession signedIn(String password) {
        String email = uniqueEmail();
        a.identity.createAccount(new NewAccount(email, password, "Ada"));
        return a.identity.signIn(new Credentials(email, password));
    }

    /** Makes {@code instance} keep the token's session: verified twice, the second time from its cache. */
    private static void cached(Instance instance, String token) {
        instance.identity.verifySession(token);
        await("the session is kept", () -> instance.verifiedFromCache(token));
    }

    @Test
    void aSignOutOnOneInstanceIsRefusedByTheOtherWithinOneSecond() {
        IssuedSession session = signedIn("correct horse");
        cached(b, session.token());
        AuthenticatedSession onA = a.identity.verifySession(session.token());

        a.identity.endSession(onA);

        assertRefusedWithinTheBound(b, session.token(), System.nanoTime());
    }

    @Test
    void signingOutEverywhereOnOneInstanceIsRefusedByTheOtherWithinOneSecond() {
        IssuedSession first = signedIn("correct horse");
        IssuedSession second = a.identity.signIn(new Credentials(first.account().email(), "correct horse"));
        cached(b, first.token());
        cached(b, second.token());
        AuthenticatedSession onA = a.identity.verifySession(first.token());

        a.identity.endAllSessions(onA, onA.accountId());

        long changed = System.nanoTime();
        assertRefusedWithinTheBound(b, first.token(), changed);
        assertRefusedWithinTheBound(b, second.token(), changed);
    }

    @Test
    void aPasswordChangeOnOneInstanceEndsTheOtherSessionsOnTheOtherWithinOneSecond() {
        IssuedSession kept = signedIn("correct horse");
        IssuedSession other = a.identity.signIn(new Credentials(kept.account().email(), "correct horse"));
        cached(b, kept.token());
        cached(b, other.token());
        AuthenticatedSession onA = a.identity.verifySession(kept.token());

        a.identity.updateAccount(onA, onA.accountId(),
                AccountChanges.none().withNewPassword("battery staple").withCurrentPassword("correct horse"), 0);

        assertRefusedWithinTheBound(b, other.token(), System.nanoTime());
        assertThat(b.identity.verifySession(kept.token()).account().version()).isEqualTo(1);
    }

    @Test
    void anAccountChangedOnOneInstanceIsSeenByTheOtherWithinOneSecond() {
        IssuedSession session = signedIn("correct horse");
        cached(b, session.token());
        AuthenticatedSession onA = a.identity.verifySession(session.token());

        a.identity.updateAccount(onA, onA.accountId(), AccountChanges.none().withDisplayName("Countess"), 0);

        long changed = System.nanoTime();
        await("the other instance sees the new name", () -> {
            long started = System.nanoTime();
            if (b.identity.verifySession(session.token()).account().displayName().equals("Countess")) {
                return true;
            }
            assertThat(Duration.ofNanos(started - changed))
                    .as("a verification on the other instance still saw the old account after the change")
                    .isLessThan(BOUND);
            return false;
        });
    }

    @Test
    void whileItsListenerIsDownAnInstanceBypassesItsCacheAndAfterwardsHonoursWhatChangedMeanwhile() throws Exception {
        IssuedSession ended = signedIn("correct horse");
        IssuedSession kept = a.identity.signIn(new Credentials(ended.account().email(), "correct horse"));
        cached(b, ended.token());
        cached(b, kept.token());
        int killedBackend = b.listener.backendPid();
        b.connecting.set(new CountDownLatch(1));

        terminate(killedBackend);
        await("the cache is bypassed", () -> !b.cache.isActive());

        assertThat(b.cache.size()).isZero();
        assertThat(b.verifiedFromCache(kept.token())).isFalse();
        assertThat(b.verifiedFromCache(kept.token())).isFalse();
        // A change whose notification the instance cannot hear.
        a.identity.endSession(a.identity.verifySession(ended.token()));
        assertThatThrownBy(() -> b.identity.verifySession(ended.token())).isInstanceOf(AuthenticationException.class);

        b.connecting.get().countDown();
        await("the listener is back", () -> b.cache.isActive() && b.listener.backendPid() != killedBackend);

        assertThatThrownBy(() -> b.identity.verifySession(ended.token())).isInstanceOf(AuthenticationException.class);
        cached(b, kept.token());
        assertThat(b.events).extracting(IdentityChangeListener.Event::kind).contains("lost");
    }

    private void assertRefusedWithinTheBound(Instance instance, String token, long changedAt) {
        await("the other instance refuses the token", () -> {
            long started = System.nanoTime();
            try {
                instance.identity.verifySession(token);
            } catch (AuthenticationException refused) {
                return true;
            }
            // Accepted by a verification that began this long after the change had committed.
            assertThat(Duration.ofNanos(started - changedAt))
                    .as("a verification on the other instance still accepted the token after the change")
                    .isLessThan(BOUND);
            return false;
        });
        instance.events.stream().filter(event -> event.kind().equals("changed")).reduce((first, last) -> last)
                .ifPresent(event -> LOG.info("Last change heard by the other instance's listener at {}", event.at()));
    }

    private static void terminate(int backendPid) throws Exception {
        try (Connection connection = IdentityChangeListener.Connector.direct(TestDatabases.postgresSettings().url(),
                TestDatabases.postgresSettings().user(), TestDatabases.postgresSettings().password()).connect();
                var statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, backendPid);
            try (var result = statement.executeQuery()) {
                assertThat(result.next() && result.getBoolean(1)).as("the listener's backend was terminated").isTrue();
            }
        }
    }

    /** Polls {@code condition} until it holds; the guard only ends a test that would otherwise hang. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened within " + GUARD + ": " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
