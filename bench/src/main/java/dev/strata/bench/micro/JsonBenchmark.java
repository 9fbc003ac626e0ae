package dev.strata.bench.micro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.rest.http.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
 * Writing an order of three lines, and reading the request that creates one, with Strata's one
 * {@link JsonMapper} (the server writes instants but never reads them). Until the orders
 * service's own types exist, {@link OrderShape} and {@link NewOrderShape} stand in for them with
 * the fields an order has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class JsonBenchmark {

    private final ObjectMapper mapper = JsonMapper.mapper();
    private OrderShape order;
    private String request;

    @Setup
    public void setUp() throws JsonProcessingException {
        Instant now = Instant.parse("2026-11-22T00:00:00.123456Z");
        order = new OrderShape("ord_01jd3m7k2x9q4w8e5r6t7y8u9v", "acct_01jd3m7k2x9q4w8e5r6t7y8u9v", "placed",
                List.of(new OrderShape.Line("SKU-1001", 2, new BigDecimal("19.90")),
                        new OrderShape.Line("SKU-2002", 1, new BigDecimal("5.00")),
                        new OrderShape.Line("SKU-3003", 10, new BigDecimal("0.99"))),
                new BigDecimal("54.70"), "EUR", 3, now, now);
        request = mapper.writeValueAsString(new NewOrderShape(order.lines(), order.currency()));
    }

    @Benchmark
    public String write() throws JsonProcessingException {
        return mapper.writeValueAsString(order);
    }

    @Benchmark
    public NewOrderShape read() throws JsonProcessingException {
        return mapper.readValue(request, NewOrderShape.class);
    }

    /** An order as the API would show it. */
    public record OrderShape(String id, String accountId, String status, List<Line> lines, BigDecimal total,
            String currency, long version, Instant createdAt, Instant updatedAt) {

        /** One line of an order. */
        public record Line(String sku, int quantity, BigDecimal unitPrice) {
        }
    }

    /** The body of a request that creates an order. */
    public record NewOrderShape(List<OrderShape.Line> lines, String currency) {
    }
}
