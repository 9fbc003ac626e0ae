package dev.strata.app;

import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.persistence.postgres.TestDatabases;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Several instances of the whole app in the test's JVM, over one PostgreSQL database (the tests'
 * shared one) and one set of token keys, the way a fleet behind a load balancer runs: nothing but
 * the database and the keys is shared.
 */
final class Fleet implements AutoCloseable {

    private final List<RunningApp> instances;

    private Fleet(List<RunningApp> instances) {
        this.instances = List.copyOf(instances);
    }

    /** {@code size} instances, each with its settings changed by {@code adjust}. */
    static Fleet start(int size, UnaryOperator<Settings> adjust) {
        TestDatabases.postgres();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String keys = "fleet:" + Base64.getEncoder().encodeToString(secret);
        List<RunningApp> started = new ArrayList<>();
        try {
            for (int index = 0; index < size; index++) {
                Settings base = RunningApp.settings(TestDatabases.postgresSettings().url());
                started.add(RunningApp.start(adjust.apply(withTokenKeys(base, keys))));
            }
        } catch (RuntimeException failure) {
            started.forEach(RunningApp::close);
            throw failure;
        }
        return new Fleet(started);
    }

    /** Instance {@code index} of the fleet, counted round, so that any index picks one. */
    RunningApp instance(int index) {
        return instances.get(Math.floorMod(index, instances.size()));
    }

    int size() {
        return instances.size();
    }

    /** {@code settings} with rate limits of {@code limits}. */
    static Settings withRateLimits(Settings settings, RateLimits limits) {
        return copy(settings, settings.tokenKeys(), Optional.of(limits));
    }

    private static Settings withTokenKeys(Settings settings, String keys) {
        return copy(settings, Optional.of(keys), settings.rateLimits());
    }

    private static Settings copy(Settings settings, Optional<String> tokenKeys, Optional<RateLimits> rateLimits) {
        return new Settings(settings.host(), settings.port(), settings.dataDirectory(), settings.databaseUrl(),
                settings.databaseUser(), settings.databasePassword(), settings.poolSize(), settings.statementTimeout(),
                settings.sessionLifetime(), tokenKeys, settings.shutdownGrace(), settings.maxBodyBytes(),
                settings.adminPort(), settings.readTimeout(), settings.tls(), rateLimits, settings.corsOrigins(),
                settings.publicUrl(), settings.trustedProxies(), settings.rateLimitStore(), settings.shutdownDelay());
    }

    @Override
    public void close() {
        instances.forEach(RunningApp::close);
    }
}
