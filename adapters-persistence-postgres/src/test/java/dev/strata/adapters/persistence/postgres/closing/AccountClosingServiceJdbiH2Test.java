package dev.strata.adapters.persistence.postgres.closing;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.adapters.persistence.postgres.identity.JdbiIdentityStore;
import dev.strata.adapters.persistence.postgres.orders.JdbiOrderStore;
import dev.strata.adapters.persistence.postgres.posts.JdbiPostStore;
import dev.strata.contracts.closing.AccountClosingServiceContract;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.store.PostStore;

/** Closing an account, over the JDBI stores on H2 in PostgreSQL mode. */
class AccountClosingServiceJdbiH2Test extends AccountClosingServiceContract {

    @Override
    protected IdentityStore newIdentityStore() {
        return new JdbiIdentityStore(TestDatabases.h2().jdbi());
    }

    @Override
    protected PostStore newPostStore() {
        return new JdbiPostStore(TestDatabases.h2().jdbi());
    }

    @Override
    protected OrderStore newOrderStore() {
        return new JdbiOrderStore(TestDatabases.h2().jdbi());
    }
}
