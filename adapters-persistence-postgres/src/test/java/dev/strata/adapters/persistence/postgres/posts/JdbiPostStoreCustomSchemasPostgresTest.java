package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.posts.PostStoreContract;
import dev.strata.core.posts.store.PostStore;

/**
 * The posts store contract, on PostgreSQL, over a host's pool with the tables in a schema of the
 * host's naming: every statement of the store must find its tables there.
 */
class JdbiPostStoreCustomSchemasPostgresTest extends PostStoreContract {

    @Override
    protected PostStore newStore() {
        return TestDatabases.postgresInCustomSchemas().postStore();
    }
}
