package dev.strata.adapters.persistence.postgres.orders;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.orders.OrderServiceContract;
import dev.strata.core.orders.store.OrderStore;

/** The orders service's contract, run over the JDBI order store on PostgreSQL. */
class OrderServiceJdbiPostgresTest extends OrderServiceContract {

    @Override
    protected OrderStore newStore() {
        return new JdbiOrderStore(TestDatabases.postgres().jdbi());
    }
}
