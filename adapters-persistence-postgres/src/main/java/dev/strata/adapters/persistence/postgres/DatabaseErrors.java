package dev.strata.adapters.persistence.postgres;

import dev.strata.core.common.StrataException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.common.ValidationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The one place where database failures become core exceptions, so that no JDBI or SQL type
 * crosses a store port. A store names the constraints it expects to be violated and the exception
 * each stands for (a unique email is {@code email_already_registered}); failures to reach the
 * database, or a database too busy to answer in time, become {@link UnavailableException}; text
 * the database cannot hold (U+0000, which the adapters refuse before it gets here) becomes a
 * {@link ValidationException} rather than a failure; any
 * other failure is a bug and becomes an {@link IllegalStateException} that keeps the cause.
 *
 * <p>Internal to the persistence module: public only so that every feature package can use it.
 * Immutable and thread-safe.
 */
public final class DatabaseErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 reports a missing parent row with its own state; PostgreSQL uses 23503 for both directions. */
    private static final String H2_PARENT_MISSING = "23506";

    /**
     * States that mean "try again later": the statement was cancelled by the statement timeout
     * (57014), the server is shutting down or starting (57P01-57P03), out of resources such as
     * connections (class 53), or a lock could not be had in time (55P03; H2's HYT00) or deadlocked
     * (40001, 40P01). H2's 90067, 90098 and 90121 are its broken, closed and shutting-down database.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "57014", "57P01", "57P02", "57P03", "55P03", "40001", "40P01", "HYT00", "90067", "90098", "90121");

    /**
     * PostgreSQL's "character not in repertoire" (22021: a U+0000 in a {@code text} parameter) and
     * "untranslatable character" (22P05: U+0000 in {@code jsonb}): the client sent text no column
     * can hold.
     */
    private static final Set<String> UNSTORABLE_TEXT_STATES = Set.of("22021", "22P05");

    private static final int MAX_CAUSES = 32;

    /**
     * What HikariCP's proxy says, with no SQLState, when a connection it has already closed (for
     * instance after marking it broken on a 08 failure) is used again, such as by a library's rollback
     * after the failed statement: the 08 failure itself is then lost, and this is all that is left.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private final Map<String, Supplier<? extends StrataException>> byConstraint;

    private DatabaseErrors(Map<String, Supplier<? extends StrataException>> byConstraint) {
        this.byConstraint = Map.copyOf(byConstraint);
    }

    /**
     * A translator for a store whose expected constraint violations are {@code byConstraint}:
     * constraint name (as written in the migration, without schema) to the exception it means.
     */
    public static DatabaseErrors translating(Map<String, Supplier<? extends StrataException>> byConstraint) {
        return new DatabaseErrors(Objects.requireNonNull(byConstraint, "byConstraint"));
    }

    /** Runs {@code work}, translating any database failure it throws; other exceptions pass unchanged. */
    public <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException failure) {
            throw translate(failure);
        }
    }

    /** Like {@link #call(Supplier)}, for work without a result. */
    public void run(Runnable work) {
        try {
            work.run();
        } catch (JdbiException failure) {
            throw translate(failure);
        }
    }

    /** The core exception (or, for a bug, the {@link IllegalStateException}) that stands for {@code failure}. */
    public RuntimeException translate(JdbiException failure) {
        if (failure instanceof ConnectionException || isUnavailable(failure)) {
            return new UnavailableException("the database did not answer", failure);
        }
        Optional<SQLException> sqlFailure = sqlExceptionIn(failure);
        String state = sqlFailure.map(SQLException::getSQLState).orElse("none");
        if (UNSTORABLE_TEXT_STATES.contains(state)) {
            return ValidationException.of("text", "invalid_character",
                    "holds a character that cannot be stored (such as U+0000)");
        }
        if (state.equals(UNIQUE_VIOLATION) || state.equals(FOREIGN_KEY_VIOLATION) || state.equals(H2_PARENT_MISSING)) {
            Optional<Supplier<? extends StrataException>> meaning =
                    sqlFailure.flatMap(DatabaseErrors::constraintName).map(byConstraint::get);
            if (meaning.isPresent()) {
                return meaning.get().get();
            }
        }
        return new IllegalStateException("unexpected database failure (SQLState " + state + ")", failure);
    }

    /**
     * Whether {@code failure} means the database could not be reached or could not answer in
     * time: a connection refused, broken or closed (SQLState class 08, the JDBC connection
     * exception types), no connection from the pool (JDBI's {@link ConnectionException}: the pool
     * timed out or was closed), a statement cancelled by the timeout, or a server out of resources.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof ConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLTimeoutException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sqlFailure) {
                String state = sqlFailure.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state))) {
                    return true;
                }
                if (state == null && HIKARI_CLOSED_CONNECTION.equals(sqlFailure.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<SQLException> sqlExceptionIn(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SQLException sqlFailure) {
                return Optional.of(sqlFailure);
            }
        }
        return Optional.empty();
    }

    /** {@code failure} and its causes, outermost first; bounded, since a cause chain may loop. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < MAX_CAUSES; cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The name of the violated constraint, without its schema. */
    static Optional<String> constraintName(SQLException failure) {
        if (failure instanceof PSQLException postgresFailure) {
            ServerErrorMessage details = postgresFailure.getServerErrorMessage();
            return Optional.ofNullable(details).map(ServerErrorMessage::getConstraint);
        }
        return h2ConstraintName(failure.getMessage());
    }

    /**
     * H2 has no structured field for it, but starts its message with the constraint, quoted:
     * {@code Unique index or primary key violation: "identity.accounts_email_normalized_unique INDEX ...}
     * or {@code Referential integrity constraint violation: "sessions_account_fk: identity.sessions ...}.
     * Only that leading name is read, never the rest, which holds the offending values.
     */
    static Optional<String> h2ConstraintName(String message) {
        if (message == null) {
            return Optional.empty();
        }
        int start = message.indexOf('"');
        if (start < 0) {
            return Optional.empty();
        }
        int end = start + 1;
        while (end < message.length() && " :\"".indexOf(message.charAt(end)) < 0) {
            end++;
        }
        String qualified = message.substring(start + 1, end);
        String name = qualified.substring(qualified.lastIndexOf('.') + 1);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
