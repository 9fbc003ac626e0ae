package dev.strata.adapters.persistence.postgres.orders;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.orders.OrderStoreContract;
import dev.strata.core.orders.store.OrderStore;

/**
 * The orders store contract, on PostgreSQL, over a host's pool with the tables in a schema of the
 * host's naming: every statement of the store must find its tables there.
 */
class JdbiOrderStoreCustomSchemasPostgresTest extends OrderStoreContract {

    @Override
    protected OrderStore newStore() {
        return TestDatabases.postgresInCustomSchemas().orderStore();
    }
}
