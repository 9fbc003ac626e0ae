package dev.strata.bench.micro;

import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.identity.TokenSigner.SigningKey;
import java.util.List;
import java.util.Optional;
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

/** Signing a session's bearer token, and verifying one: every authenticated request does the second. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class TokenBenchmark {

    private TokenSigner signer;
    private SessionId sessionId;
    private String token;

    @Setup
    public void setUp() {
        signer = new TokenSigner(List.of(SigningKey.generate("k2"), SigningKey.generate("k1")));
        sessionId = SessionId.generate();
        token = signer.sign(sessionId);
    }

    @Benchmark
    public String sign() {
        return signer.sign(sessionId);
    }

    @Benchmark
    public Optional<SessionId> verify() {
        return signer.verify(token);
    }
}
