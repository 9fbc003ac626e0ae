package dev.strata.adapters.persistence.memory.posts;

import dev.strata.contracts.posts.PostStoreContract;
import dev.strata.core.posts.store.PostStore;

class InMemoryPostStoreTest extends PostStoreContract {

    @Override
    protected PostStore newStore() {
        return new InMemoryPostStore();
    }
}
