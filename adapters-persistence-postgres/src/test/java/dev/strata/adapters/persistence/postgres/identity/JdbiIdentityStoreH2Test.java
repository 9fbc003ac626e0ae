package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.core.identity.store.IdentityStore;

/** The identity store contract, on H2 in PostgreSQL mode. */
class JdbiIdentityStoreH2Test extends IdentityStoreContract {

    @Override
    protected IdentityStore newStore() {
        return new JdbiIdentityStore(TestDatabases.h2().jdbi());
    }
}
