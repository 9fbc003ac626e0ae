package dev.strata.adapters.grpc.call;

import io.grpc.stub.StreamObserver;

/** Answers a unary call. */
public final class Replies {

    private Replies() {
    }

    /** Sends {@code response} and completes the call. */
    public static <T> void reply(StreamObserver<T> responses, T response) {
        responses.onNext(response);
        responses.onCompleted();
    }
}
