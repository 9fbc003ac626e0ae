package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.identity.IdentityServiceContract;
import dev.strata.core.identity.store.IdentityStore;
import java.time.Clock;
import java.time.Duration;

/** The identity service contract, over the session cache (its feed alive throughout) in front of H2. */
class CachingIdentityServiceContractH2Test extends IdentityServiceContract {

    @Override
    protected IdentityStore newStore() {
        CachingIdentityStore cache = new CachingIdentityStore(new JdbiIdentityStore(TestDatabases.h2().jdbi()),
                Clock.systemUTC(), Duration.ofMinutes(1), 1_000);
        cache.feedAlive(Clock.systemUTC().instant().plus(Duration.ofDays(1)));
        return cache;
    }
}
