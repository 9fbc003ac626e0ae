package dev.strata.bench.micro;

import dev.strata.core.identity.PasswordHasher;
import java.time.Duration;
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
 * The raw Argon2id rate with the parameters the server uses ({@link PasswordHasher#RECOMMENDED}):
 * the ceiling of sign-in throughput, which verifies one hash per request. Run it on as many
 * cores as the server gets (bench/run pins both to the same one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class PasswordHashBenchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private PasswordHasher hasher;
    private String hash;

    @Setup
    public void setUp() {
        // Permits well above the benchmark's threads: this measures the hash, not the semaphore.
        hasher = new PasswordHasher(PasswordHasher.RECOMMENDED, 64, Duration.ofMinutes(1));
        hash = hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean verify() {
        return hasher.verify(PASSWORD, hash);
    }

    @Benchmark
    public String hash() {
        return hasher.hash(PASSWORD);
    }
}
