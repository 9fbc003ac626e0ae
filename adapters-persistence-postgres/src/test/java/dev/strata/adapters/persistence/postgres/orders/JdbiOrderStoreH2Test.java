package dev.strata.adapters.persistence.postgres.orders;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.orders.OrderStoreContract;
import dev.strata.core.orders.store.OrderStore;

/** The order store contract, on H2 in PostgreSQL mode. */
class JdbiOrderStoreH2Test extends OrderStoreContract {

    @Override
    protected OrderStore newStore() {
        return new JdbiOrderStore(TestDatabases.h2().jdbi());
    }
}
