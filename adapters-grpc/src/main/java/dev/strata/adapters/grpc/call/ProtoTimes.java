package dev.strata.adapters.grpc.call;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** {@link Instant}s as {@link Timestamp}s. */
public final class ProtoTimes {

    private ProtoTimes() {
    }

    /** The timestamp of {@code instant}, to the nanosecond. */
    public static Timestamp of(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
