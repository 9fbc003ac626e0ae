package dev.strata.adapters.persistence.memory.posts;

import dev.strata.core.posts.store.PostStore;
import dev.strata.core.posts.store.PostStoreContract;

class InMemoryPostStoreTest extends PostStoreContract {

    @Override
    protected PostStore newStore() {
        return new InMemoryPostStore();
    }
}
