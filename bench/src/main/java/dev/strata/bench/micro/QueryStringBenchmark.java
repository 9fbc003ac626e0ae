package dev.strata.bench.micro;

import dev.strata.adapters.rest.http.ListParameters;
import dev.strata.core.orders.OrderService;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Set;
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
 * Reading the query string of a filtered, sorted, projected order list: Jersey's split and
 * percent-decoding, then Strata's {@link ListParameters} against the orders' query schema.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class QueryStringBenchmark {

    private final String query = "state=in:open,paid&amount=gte:20&sort=-created_at,%2Bamount"
            + "&fields=id,amount,currency&limit=20";
    private final MultivaluedMap<String, String> decoded = UriComponent.decodeQuery(query, true);

    @Benchmark
    public MultivaluedMap<String, String> decode() {
        return UriComponent.decodeQuery(query, true);
    }

    @Benchmark
    public ListParameters readListParameters() {
        return ListParameters.read(decoded, OrderService.QUERY, Set.of());
    }
}
