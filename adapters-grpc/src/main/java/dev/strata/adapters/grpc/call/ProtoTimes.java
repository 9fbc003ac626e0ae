package dev.strata.adapters.grpc.call;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;

/** {@link Instant}s as {@link Timestamp}s. */
public final class ProtoTimes {

    private ProtoTimes() {
    }

    /** The timestamp of {@code instant}, to the nanosecond. */
    public static Timestamp of(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** The instant of {@code timestamp}. */
    public static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** RFC 3339 text of {@code instant}, as filters and logs write it. */
    public static String format(Instant instant) {
        return Timestamps.toString(of(instant));
    }
}
