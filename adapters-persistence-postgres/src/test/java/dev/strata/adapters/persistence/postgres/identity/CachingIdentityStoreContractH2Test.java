package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.core.identity.store.IdentityStore;
import java.time.Clock;
import java.time.Duration;

/** The identity store contract, over the session cache (its feed alive throughout) in front of H2. */
class CachingIdentityStoreContractH2Test extends IdentityStoreContract {

    @Override
    protected IdentityStore newStore() {
        CachingIdentityStore cache = new CachingIdentityStore(new JdbiIdentityStore(TestDatabases.h2().jdbi()),
                Clock.systemUTC(), Duration.ofMinutes(1), 1_000);
        cache.feedAlive(Clock.systemUTC().instant().plus(Duration.ofDays(1)));
        return cache;
    }
}
