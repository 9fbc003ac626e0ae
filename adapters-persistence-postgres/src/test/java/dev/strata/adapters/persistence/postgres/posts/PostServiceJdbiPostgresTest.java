package dev.strata.adapters.persistence.postgres.posts;

import dev.strata.adapters.persistence.postgres.TestDatabases;
import dev.strata.adapters.persistence.postgres.identity.JdbiIdentityStore;
import dev.strata.contracts.posts.PostServiceContract;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.posts.store.PostStore;

/** The posts service's contract, over the JDBI stores on PostgreSQL. */
class PostServiceJdbiPostgresTest extends PostServiceContract {

    @Override
    protected PostStore newStore() {
        return new JdbiPostStore(TestDatabases.postgres().jdbi());
    }

    @Override
    protected IdentityStore newIdentityStore() {
        return new JdbiIdentityStore(TestDatabases.postgres().jdbi());
    }
}
