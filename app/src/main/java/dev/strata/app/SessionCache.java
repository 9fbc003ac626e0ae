package dev.strata.app;

import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.adapters.persistence.postgres.identity.CachingIdentityStore;
import dev.strata.adapters.persistence.postgres.identity.IdentityChangeListener;
import dev.strata.core.identity.store.IdentityStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity store the app's services use: on PostgreSQL with the cache on, the database's store
 * behind a {@link CachingIdentityStore} fed by an {@link IdentityChangeListener} on a connection of
 * its own; otherwise the database's store itself (H2 is embedded in one process and fast enough as
 * it is). Closing it stops the listener.
 */
final class SessionCache implements AutoCloseable {

    /** The most verified sessions one instance keeps. */
    static final int MAX_ENTRIES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SessionCache.class);

    private final IdentityStore store;
    private final Optional<IdentityChangeListener> listener;

    private SessionCache(IdentityStore store, Optional<IdentityChangeListener> listener) {
        this.store = store;
        this.listener = listener;
    }

    /** Starts the cache and its listener when the settings and the database call for them. */
    static SessionCache start(Settings settings, StrataDatabase database, Clock clock) {
        SessionCacheSettings cache = settings.sessionCache();
        Optional<String> postgres = settings.databaseUrl().filter(url -> url.startsWith("jdbc:postgresql:"));
        if (!cache.enabled() || postgres.isEmpty()) {
            return new SessionCache(database.identityStore(), Optional.empty());
        }
        CachingIdentityStore caching = new CachingIdentityStore(database.identityStore(), clock, cache.timeToLive(),
                MAX_ENTRIES);
        IdentityChangeListener.Connector direct = IdentityChangeListener.Connector.direct(
                cache.listenUrl().orElse(postgres.get()), settings.databaseUser().orElse(""),
                settings.databasePassword().orElse(""));
        IdentityChangeListener listener = IdentityChangeListener.start(direct, database.schemas().identity(), caching,
                clock, event -> LOG.debug("session cache: {}", event));
        return new SessionCache(caching, Optional.of(listener));
    }

    /** The store for the identity service. */
    IdentityStore store() {
        return store;
    }

    @Override
    public void close() {
        listener.ifPresent(IdentityChangeListener::close);
    }
}
