package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.core.identity.store.IdentityStore;

/** The identity store contract, on PostgreSQL. */
class JdbiIdentityStorePostgresTest extends IdentityStoreContract {

    @Override
    protected IdentityStore newStore() {
        return new JdbiIdentityStore(TestDatabases.postgres().jdbi());
    }
}
