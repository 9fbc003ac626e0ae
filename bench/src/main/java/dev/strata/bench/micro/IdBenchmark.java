package dev.strata.bench.micro;

import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import java.time.Clock;
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
 * Making identifiers (time-ordered, and 128 random bits for sessions) and parsing one from text,
 * as every request with an id in its path or token does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class IdBenchmark {

    private final Clock clock = Clock.systemUTC();
    private String text;

    @Setup
    public void setUp() {
        text = AccountId.generate(clock).value();
    }

    @Benchmark
    public AccountId generateOrdered() {
        return AccountId.generate(clock);
    }

    @Benchmark
    public SessionId generateRandom() {
        return SessionId.generate();
    }

    @Benchmark
    public AccountId parse() {
        return new AccountId(text);
    }
}
