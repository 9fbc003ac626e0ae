package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.identity.IdentityServiceContract;
import dev.strata.core.identity.store.IdentityStore;

/** The identity service's contract, run over the JDBI identity store on PostgreSQL. */
class IdentityServiceJdbiPostgresTest extends IdentityServiceContract {

    @Override
    protected IdentityStore newStore() {
        return new JdbiIdentityStore(TestDatabases.postgres().jdbi());
    }
}
