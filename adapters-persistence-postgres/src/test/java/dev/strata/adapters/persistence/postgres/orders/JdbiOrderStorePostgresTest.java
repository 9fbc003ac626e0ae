package dev.strata.adapters.persistence.postgres.orders;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.orders.OrderStoreContract;
import dev.strata.core.orders.store.OrderStore;

/** The order store contract, on PostgreSQL. */
class JdbiOrderStorePostgresTest extends OrderStoreContract {

    @Override
    protected OrderStore newStore() {
        return new JdbiOrderStore(TestDatabases.postgres().jdbi());
    }
}
