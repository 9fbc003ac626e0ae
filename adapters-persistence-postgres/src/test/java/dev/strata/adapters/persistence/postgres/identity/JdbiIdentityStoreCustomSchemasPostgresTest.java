package dev.strata.adapters.persistence.postgres.identity;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.core.identity.store.IdentityStore;

/**
 * The identity store contract, on PostgreSQL, over a host's pool with the tables in a schema of the
 * host's naming: every statement of the store must find its tables there.
 */
class JdbiIdentityStoreCustomSchemasPostgresTest extends IdentityStoreContract {

    @Override
    protected IdentityStore newStore() {
        return TestDatabases.postgresInCustomSchemas().identityStore();
    }
}
