package dev.strata.bench.micro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.rest.http.JsonMapper;
import dev.strata.adapters.rest.http.Link;
import dev.strata.adapters.rest.orders.OrderRequest;
import dev.strata.adapters.rest.orders.OrderResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing an order of three items as the API shows it ({@link OrderResponse}) and reading the
 * request that creates one ({@link OrderRequest}), with Strata's one {@link JsonMapper}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class JsonBenchmark {

    private final ObjectMapper mapper = JsonMapper.mapper();
    private OrderResponse order;
    private String request;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-11-22T00:00:00.123456Z");
        String id = "ord_01jd3m7k2x9q4w8e5r6t7y8u9v";
        order = new OrderResponse(id, "acct_01jd3m7k2x9q4w8e5r6t7y8u9v", "open", "EUR",
                List.of(new OrderResponse.ItemResponse("BOOK-1", 2, "12.50"),
                        new OrderResponse.ItemResponse("PEN-7", 3, "1.99"),
                        new OrderResponse.ItemResponse("MUG-3", 1, "5.00")),
                "35.97", "gift", now, now, 3, Map.of("self", new Link("/v1/orders/" + id)));
        request = "{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unit_price\":\"12.50\"},"
                + "{\"sku\":\"PEN-7\",\"quantity\":3,\"unit_price\":\"1.99\"},"
                + "{\"sku\":\"MUG-3\",\"quantity\":1,\"unit_price\":\"5.00\"}],\"comment\":\"gift\"}";
    }

    @Benchmark
    public String writeOrder() throws JsonProcessingException {
        return mapper.writeValueAsString(order);
    }

    @Benchmark
    public OrderRequest readCreateOrderRequest() throws JsonProcessingException {
        return mapper.readValue(request, OrderRequest.class);
    }
}
