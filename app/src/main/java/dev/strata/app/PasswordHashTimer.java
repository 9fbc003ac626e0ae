package dev.strata.app;

import dev.strata.core.identity.PasswordHasher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Publishes Argon2 durations as {@code strata.password.hash} (tagged {@code operation=hash|verify}):
 * the core's {@link PasswordHasher.Observer}, implemented here because core knows no metrics
 * library. Thread-safe.
 */
final class PasswordHashTimer implements PasswordHasher.Observer {

    private final Timer hash;
    private final Timer verify;

    PasswordHashTimer(MeterRegistry registry) {
        this.hash = timer(registry, PasswordHasher.Operation.HASH);
        this.verify = timer(registry, PasswordHasher.Operation.VERIFY);
    }

    private static Timer timer(MeterRegistry registry, PasswordHasher.Operation operation) {
        return Timer.builder("strata.password.hash").description("Argon2id computations")
                .tag("operation", operation.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(registry);
    }

    @Override
    public void computed(PasswordHasher.Operation operation, Duration took) {
        (operation == PasswordHasher.Operation.HASH ? hash : verify).record(took);
    }
}
