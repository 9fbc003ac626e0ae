package dev.strata.bench.micro;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.uri.UriComponent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing the query string of a filtered list request the way Jersey does for every
 * {@code @QueryParam}: split and percent-decode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class QueryStringBenchmark {

    private final String query = "status=placed&created_after=2026-11-01T00%3A00%3A00Z&sort=-created_at"
            + "&limit=20&cursor=b3JkXzAxamQzbTdrMng5cTR3OGU1cjZ0N3k4dTl2";

    @Benchmark
    public MultivaluedMap<String, String> decode() {
        return UriComponent.decodeQuery(query, true);
    }
}
