package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.contracts.posts.PostStoreContract;
import dev.strata.core.posts.store.PostStore;

/** The post store contract, on PostgreSQL. */
class JdbiPostStorePostgresTest extends PostStoreContract {

    @Override
    protected PostStore newStore() {
        return new JdbiPostStore(TestDatabases.postgres().jdbi());
    }
}
