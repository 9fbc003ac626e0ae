package dev.strata.adapters.persistence.memory.posts;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.contracts.posts.PostServiceContract;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.posts.store.PostStore;

class PostServiceOnMemoryTest extends PostServiceContract {

    @Override
    protected PostStore newStore() {
        return new InMemoryPostStore();
    }

    @Override
    protected IdentityStore newIdentityStore() {
        return new InMemoryIdentityStore();
    }
}
