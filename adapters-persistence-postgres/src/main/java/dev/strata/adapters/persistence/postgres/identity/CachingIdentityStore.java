package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.AccountUpdateRecord;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.NewAccountRecord;
import dev.strata.core.identity.store.SessionAccountRecord;
import dev.strata.core.identity.store.SessionRecord;
import dev.strata.core.identity.store.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link IdentityStore} that keeps what {@link #findSession} found (a session joined to its
 * account: what verifying a bearer token reads on every request) for a short time, and passes
 * everything else to the store it wraps. It is correct across instances only together with a feed
 * of the changes other instances make: {@link IdentityChangeListener} on PostgreSQL, which calls
 * {@link #accountChanged}, {@link #feedAlive} and {@link #feedLost}.
 *
 * <p>The rules it keeps:
 * <ul>
 *   <li>The cache is used only while the feed is known to be alive: until the instant the last
 *   {@link #feedAlive} allowed (by the injected clock). Before the first call, after
 *   {@link #feedLost} and once that instant has passed, every read goes to the store and nothing
 *   is kept; when the feed comes back after a lapse, everything kept before is dropped, since
 *   changes may have been missed meanwhile.</li>
 *   <li>A change made through this object drops what it affects before returning; a change
 *   announced by the feed ({@link #accountChanged}) drops every session of that account. A read
 *   that started before a change is never kept after it (a generation count decides).</li>
 *   <li>An entry is kept at most {@code timeToLive} (by the clock), whatever the feed says, and at
 *   most {@code maxEntries} entries are kept. Only sessions that were found are kept: a miss is
 *   asked again every time. Whether a session has expired is still the service's call on every
 *   request, by its clock, as for any store.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class CachingIdentityStore implements IdentityStore {

    private final IdentityStore store;
    private final Clock clock;
    private final Duration timeToLive;
    private final int maxEntries;
    private final ConcurrentHashMap<SessionId, Entry> entries = new ConcurrentHashMap<>();
    /** Rises on every change that may make a kept entry wrong; a read keeps its result only if it did not move. */
    private final AtomicLong generation = new AtomicLong();
    /** Epoch milliseconds until which the feed is known to be alive; {@link Long#MIN_VALUE} when it is lost. */
    private volatile long feedAliveUntil = Long.MIN_VALUE;

    private record Entry(SessionAccountRecord found, long keptUntil) {
    }

    /**
     * A cache in front of {@code store}, keeping each session at most {@code timeToLive} and at
     * most {@code maxEntries} sessions; it keeps nothing until the feed first calls {@link #feedAlive}.
     */
    public CachingIdentityStore(IdentityStore store, Clock clock, Duration timeToLive, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("the time to live must be positive: " + timeToLive);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the cache must hold at least one entry: " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    // The feed's side.

    /**
     * The feed is alive and has delivered every change committed before now: the cache may be used
     * until {@code until}. When it had lapsed (lost, or not confirmed in time), everything kept so
     * far is dropped first.
     */
    public void feedAlive(Instant until) {
        long now = clock.millis();
        if (feedAliveUntil <= now) {
            dropAll();
        }
        feedAliveUntil = until.toEpochMilli();
    }

    /** The feed is lost (disconnected, or failing): the cache is bypassed and emptied until it is alive again. */
    public void feedLost() {
        feedAliveUntil = Long.MIN_VALUE;
        dropAll();
    }

    /** Something of this account changed (its sessions, or the account itself): drops its sessions. */
    public void accountChanged(AccountId accountId) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.found().account().id().equals(accountId));
    }

    /** Whether the cache is in use now: the feed is known to be alive. */
    public boolean isActive() {
        return clock.millis() < feedAliveUntil;
    }

    /** How many sessions are kept now. */
    public int size() {
        return entries.size();
    }

    // The store's side.

    @Override
    public Optional<SessionAccountRecord> findSession(SessionId id) {
        long now = clock.millis();
        if (now >= feedAliveUntil) {
            return store.findSession(id);
        }
        Entry kept = entries.get(id);
        if (kept != null && now < kept.keptUntil()) {
            return Optional.of(kept.found());
        }
        long before = generation.get();
        Optional<SessionAccountRecord> found = store.findSession(id);
        if (found.isPresent()) {
            keep(id, new Entry(found.get(), now + timeToLive.toMillis()), before);
        }
        return found;
    }

    @Override
    public AccountRecord updateAccount(AccountUpdateRecord update) {
        try {
            return store.updateAccount(update);
        } finally {
            accountChanged(update.id());
        }
    }

    @Override
    public boolean deleteAccount(AccountId id) {
        try {
            return store.deleteAccount(id);
        } finally {
            accountChanged(id);
        }
    }

    @Override
    public boolean deleteSession(SessionId id) {
        try {
            return store.deleteSession(id);
        } finally {
            generation.incrementAndGet();
            entries.remove(id);
        }
    }

    @Override
    public int deleteSessions(AccountId accountId) {
        try {
            return store.deleteSessions(accountId);
        } finally {
            accountChanged(accountId);
        }
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff) {
        try {
            return store.deleteSessionsExpiredBefore(cutoff);
        } finally {
            dropAll();
        }
    }

    @Override
    public AccountRecord insertAccount(NewAccountRecord account) {
        return store.insertAccount(account);
    }

    @Override
    public Optional<AccountRecord> findAccount(AccountId id) {
        return store.findAccount(id);
    }

    @Override
    public List<AccountRecord> findAccounts(Set<AccountId> ids) {
        return store.findAccounts(ids);
    }

    @Override
    public Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
        return store.findAccountByEmail(emailNormalized);
    }

    @Override
    public void insertSession(SessionRecord session) {
        store.insertSession(session);
    }

    @Override
    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
        return store.listSessions(accountId, liveAt);
    }

    @Override
    public int deleteSignInFailuresBefore(Instant cutoff) {
        return store.deleteSignInFailuresBefore(cutoff);
    }

    @Override
    public void recordSignInFailure(String emailNormalized, Instant at, Instant forgetBefore) {
        store.recordSignInFailure(emailNormalized, at, forgetBefore);
    }

    @Override
    public SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
        return store.signInFailuresSince(emailNormalized, since);
    }

    @Override
    public void clearSignInFailures(String emailNormalized) {
        store.clearSignInFailures(emailNormalized);
    }

    /**
     * Keeps {@code entry} unless a change came between the read (at generation {@code before}) and
     * now. A change that bumps the generation after the first check drops the entry itself (it bumps
     * first, then drops), or the second check sees it: either way nothing read before a change
     * outlives it.
     */
    private void keep(SessionId id, Entry entry, long before) {
        if (generation.get() != before) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(entry.keptUntil() - timeToLive.toMillis());
        }
        entries.put(id, entry);
        if (generation.get() != before) {
            entries.remove(id, entry);
        }
    }

    /** Drops what has outlived its time, and if that is not enough, any tenth of the entries. */
    private void makeRoom(long now) {
        entries.values().removeIf(entry -> entry.keptUntil() <= now);
        int excess = entries.size() - maxEntries + Math.max(1, maxEntries / 10);
        Iterator<Map.Entry<SessionId, Entry>> iterator = entries.entrySet().iterator();
        while (excess-- > 0 && iterator.hasNext()) {
            iterator.next();
            iterator.remove();
        }
    }

    private void dropAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
