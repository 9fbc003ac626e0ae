package dev.strata.adapters.grpc.plantedstore;

import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;

/** A planted violation: the gRPC adapter reaching past core's services into a store adapter. */
public class GrpcUsingTheMemoryStore {

    public Class<?> store() {
        return InMemoryOrderStore.class;
    }
}
