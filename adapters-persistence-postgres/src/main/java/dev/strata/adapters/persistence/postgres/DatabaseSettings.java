package dev.strata.adapters.persistence.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the database: its JDBC URL ({@code jdbc:postgresql:} or {@code jdbc:h2:}), the user
 * and password (empty when the URL carries them or none is needed), the size of the connection
 * pool, and how long one statement may run before the database cancels it. Start from
 * {@link #of(String)} and change what differs from the defaults (pool of 10, statements cut off
 * after 5 seconds). Immutable; its {@code toString()} never shows the password.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration statementTimeout) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Dialect.of(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection: " + poolSize);
        }
        if (statementTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the statement timeout must be at least a millisecond: "
                    + statementTimeout);
        }
    }

    /** Settings for {@code url} with no separate user or password and the default pool and timeout. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, "", "", DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT);
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(url, newUser, newPassword, poolSize, statementTimeout);
    }

    public DatabaseSettings withPoolSize(int newPoolSize) {
        return new DatabaseSettings(url, user, password, newPoolSize, statementTimeout);
    }

    public DatabaseSettings withStatementTimeout(Duration newStatementTimeout) {
        return new DatabaseSettings(url, user, password, poolSize, newStatementTimeout);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", poolSize=" + poolSize + ", statementTimeout=" + statementTimeout + "]";
    }
}
