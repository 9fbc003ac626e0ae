package dev.strata.adapters.persistence.postgres.identity;

import static dev.strata.contracts.identity.IdentityFixtures.FAST_HASHER;
import static dev.strata.contracts.identity.IdentityFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.ForwardingIdentityStore;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.identity.AccountChanges;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityPolicy;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.NewAccountRecord;
import dev.strata.core.identity.store.SessionAccountRecord;
import dev.strata.core.identity.store.SessionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The session cache's rules, with an injected clock and the test playing the change feed (no
 * listener, no sleeps), over the JDBI store on H2 counting what reaches it.
 */
class CachingIdentityStoreTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final JdbiIdentityStore database = new JdbiIdentityStore(TestDatabases.h2().jdbi());
    private final AtomicInteger reads = new AtomicInteger();
    private Consumer<SessionId> duringRead = id -> { };
    private final CachingIdentityStore cache = new CachingIdentityStore(
            new ForwardingIdentityStore(database) {
                @Override
                public Optional<SessionAccountRecord> findSession(SessionId id) {
                    reads.incrementAndGet();
                    Optional<SessionAccountRecord> found = super.findSession(id);
                    duringRead.accept(id);
                    return found;
                }
            }, clock, TTL, 100);

    private void feedAliveForASecond() {
        cache.feedAlive(clock.instant().plusSeconds(1));
    }

    private SessionRecord newSession() {
        String email = uniqueEmail();
        AccountRecord account = database.insertAccount(new NewAccountRecord(AccountId.generate(clock), email, email,
                "Ada", "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA", clock.instant()));
        SessionRecord session = new SessionRecord(SessionId.generate(), account.id(), clock.instant(),
                clock.instant().plus(Duration.ofDays(1)));
        database.insertSession(session);
        return session;
    }

    @Nested
    class WhileTheFeedIsAlive {

        @Test
        void aFoundSessionIsReadFromTheStoreOnce() {
            SessionRecord session = newSession();
            feedAliveForASecond();

            assertThat(cache.findSession(session.id())).isPresent();
            assertThat(cache.findSession(session.id())).isPresent();

            assertThat(reads).hasValue(1);
        }

        @Test
        void aMissIsNotKept() {
            feedAliveForASecond();
            SessionId later = SessionId.generate();
            assertThat(cache.findSession(later)).isEmpty();

            SessionRecord session = newSession();
            assertThat(cache.findSession(session.id())).isPresent();
            assertThat(cache.findSession(SessionId.generate())).isEmpty();
            assertThat(reads).hasValue(3);
        }

        @Test
        void anEntryIsKeptNoLongerThanItsTimeToLive() {
            SessionRecord session = newSession();
            cache.feedAlive(clock.instant().plus(Duration.ofMinutes(1)));
            cache.findSession(session.id());

            clock.advance(TTL.minusMillis(1));
            cache.findSession(session.id());
            assertThat(reads).hasValue(1);

            clock.advance(Duration.ofMillis(1));
            database.deleteSession(session.id());
            assertThat(cache.findSession(session.id())).isEmpty();
        }

        @Test
        void aChangeAnnouncedForAnAccountDropsItsSessionsAndNoOthers() {
            SessionRecord changed = newSession();
            SessionRecord other = newSession();
            feedAliveForASecond();
            cache.findSession(changed.id());
            cache.findSession(other.id());

            database.deleteSession(changed.id());
            cache.accountChanged(changed.accountId());

            assertThat(cache.findSession(changed.id())).isEmpty();
            assertThat(cache.findSession(other.id())).isPresent();
            assertThat(reads).hasValue(3);
        }

        @Test
        void signingOutThroughTheCacheIsSeenAtOnce() {
            SessionRecord session = newSession();
            feedAliveForASecond();
            cache.findSession(session.id());

            cache.deleteSession(session.id());

            assertThat(cache.findSession(session.id())).isEmpty();
        }

        @Test
        void endingEverySessionOfAnAccountThroughTheCacheIsSeenAtOnce() {
            SessionRecord session = newSession();
            feedAliveForASecond();
            cache.findSession(session.id());

            cache.deleteSessions(session.accountId());

            assertThat(cache.findSession(session.id())).isEmpty();
        }

        @Test
        void purgingExpiredSessionsThroughTheCacheIsSeenAtOnce() {
            SessionRecord session = newSession();
            feedAliveForASecond();
            cache.findSession(session.id());

            cache.deleteSessionsExpiredBefore(session.expiresAt());

            assertThat(cache.findSession(session.id())).isEmpty();
        }

        @Test
        void aReadThatOverlapsAChangeIsNotKept() {
            SessionRecord session = newSession();
            feedAliveForASecond();
            // The change is announced while the read is on its way back from the store.
            duringRead = id -> cache.accountChanged(session.accountId());

            cache.findSession(session.id());
            duringRead = id -> { };
            cache.findSession(session.id());

            assertThat(reads).hasValue(2);
        }

        @Test
        void itKeepsAtMostItsBound() {
            CachingIdentityStore small = new CachingIdentityStore(database, clock, TTL, 2);
            small.feedAlive(clock.instant().plusSeconds(1));

            for (int i = 0; i < 5; i++) {
                assertThat(small.findSession(newSession().id())).isPresent();
                assertThat(small.size()).isLessThanOrEqualTo(2);
            }
        }
    }

    @Nested
    class WhenTheFeedIsNotAlive {

        @Test
        void nothingIsKeptBeforeTheFeedFirstSaysItIsAlive() {
            SessionRecord session = newSession();

            cache.findSession(session.id());
            cache.findSession(session.id());

            assertThat(reads).hasValue(2);
            assertThat(cache.size()).isZero();
            assertThat(cache.isActive()).isFalse();
        }

        @Test
        void aLostFeedEmptiesTheCacheAndEveryReadGoesToTheStore() {
            SessionRecord session = newSession();
            feedAliveForASecond();
            cache.findSession(session.id());

            cache.feedLost();
            database.deleteSession(session.id());

            assertThat(cache.size()).isZero();
            assertThat(cache.findSession(session.id())).isEmpty();
        }

        @Test
        void aFeedNotConfirmedInTimeIsBypassed() {
            SessionRecord session = newSession();
            feedAliveForASecond();
            cache.findSession(session.id());

            clock.advance(Duration.ofSeconds(1));
            database.deleteSession(session.id());

            assertThat(cache.isActive()).isFalse();
            assertThat(cache.findSession(session.id())).isEmpty();
        }

        @Test
        void aFeedThatComesBackAfterALapseStartsEmptyBecauseItMayHaveMissedChanges() {
            SessionRecord session = newSession();
            feedAliveForASecond();
            cache.findSession(session.id());
            // The feed stalls (no loss reported), a change is made meanwhile and its notice never comes.
            clock.advance(Duration.ofSeconds(2));
            database.deleteSession(session.id());

            feedAliveForASecond();

            assertThat(cache.findSession(session.id())).isEmpty();
        }
    }

    @Nested
    class UnderTheService {

        private final TokenSigner signer = IdentityFixtures.newSigner();
        private final IdentityService identity =
                new IdentityService(cache, clock, FAST_HASHER, signer, IdentityPolicy.DEFAULT);

        private IssuedSession signedIn(String password) {
            String email = uniqueEmail();
            identity.createAccount(new NewAccount(email, password, "Ada"));
            return identity.signIn(new Credentials(email, password));
        }

        @Test
        void aCachedSessionStillExpiresByTheServicesClock() {
            CachingIdentityStore longLived = new CachingIdentityStore(database, clock, Duration.ofDays(30), 100);
            longLived.feedAlive(clock.instant().plus(Duration.ofDays(30)));
            IdentityService service = new IdentityService(longLived, clock, FAST_HASHER, signer, IdentityPolicy.DEFAULT);
            String email = uniqueEmail();
            service.createAccount(new NewAccount(email, "correct horse", "Ada"));
            IssuedSession issued = service.signIn(new Credentials(email, "correct horse"));
            service.verifySession(issued.token());

            clock.advance(IdentityPolicy.DEFAULT.sessionLifetime());

            assertThatThrownBy(() -> service.verifySession(issued.token())).isInstanceOf(AuthenticationException.class);
        }

        @Test
        void aPasswordChangeEndsTheOtherSessionsAtOnce() {
            IssuedSession kept = signedIn("correct horse");
            IssuedSession other = identity.signIn(new Credentials(kept.account().email(), "correct horse"));
            feedAliveForASecond();
            AuthenticatedSession caller = identity.verifySession(kept.token());
            identity.verifySession(other.token());

            identity.updateAccount(caller, caller.accountId(),
                    AccountChanges.none().withNewPassword("battery staple").withCurrentPassword("correct horse"), 0);

            assertThatThrownBy(() -> identity.verifySession(other.token())).isInstanceOf(AuthenticationException.class);
            assertThat(identity.verifySession(kept.token()).account().version()).isEqualTo(1);
        }
    }
}
