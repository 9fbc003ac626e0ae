package dev.strata.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every SQL statement JDBI runs into {@code strata.db.queries}, tagged by what the statement
 * does, its verb and the first table it names (such as {@code select identity.session_accounts} or
 * {@code insert orders.order_items}: a bounded set, never the SQL text or its arguments), and
 * whether it succeeded. The stores send a fixed set of statements, so each statement's name and
 * timers are worked out once and then found by its SQL text (at most {@value #MOST_STATEMENTS}
 * statements are kept; any beyond are named afresh each time, correctly, only slower). Thread-safe.
 */
final class QueryTimer implements SqlLogger {

    private static final Pattern VERB = Pattern.compile("^\\s*([A-Za-z]+)");
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:FROM|INTO|UPDATE|JOIN)\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)",
            Pattern.CASE_INSENSITIVE);

    /** How many statements' names and timers are kept; the stores send far fewer. */
    static final int MOST_STATEMENTS = 1_000;

    private final MeterRegistry registry;
    private final Map<String, Named> bySql = new ConcurrentHashMap<>();
    private final Named unreadable;

    QueryTimer(MeterRegistry registry) {
        this.registry = registry;
        this.unreadable = new Named("other");
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        record(context, true);
    }

    @Override
    public void logException(StatementContext context, SQLException exception) {
        record(context, false);
    }

    /** {@code "select identity.sessions"}; {@code "other"} for SQL it cannot read that way. */
    static String label(String sql) {
        if (sql == null) {
            return "other";
        }
        Matcher verb = VERB.matcher(sql);
        Matcher table = TABLE.matcher(sql);
        if (!verb.find() || !table.find()) {
            return "other";
        }
        return verb.group(1).toLowerCase(Locale.ROOT) + " " + table.group(1).toLowerCase(Locale.ROOT);
    }

    /** How many statements' names and timers are kept now (at most {@link #MOST_STATEMENTS}). */
    int statementsKept() {
        return bySql.size();
    }

    private void record(StatementContext context, boolean succeeded) {
        long nanos = context.getElapsedTime(ChronoUnit.NANOS);
        if (nanos < 0) {
            return;
        }
        named(context.getRawSql()).timer(succeeded).record(Duration.ofNanos(nanos));
    }

    private Named named(String sql) {
        if (sql == null) {
            return unreadable;
        }
        Named known = bySql.get(sql);
        if (known != null) {
            return known;
        }
        Named named = new Named(label(sql));
        if (bySql.size() < MOST_STATEMENTS) {
            Named raced = bySql.putIfAbsent(sql, named);
            return raced == null ? named : raced;
        }
        return named;
    }

    /**
     * One statement's name and its two timers, each registered on first use (so that an outcome
     * that never happened has no series, as before).
     */
    private final class Named {

        private final String label;
        private volatile Timer success;
        private volatile Timer error;

        Named(String label) {
            this.label = label;
        }

        Timer timer(boolean succeeded) {
            Timer timer = succeeded ? success : error;
            if (timer == null) {
                // Registering twice under a race is harmless: the registry returns the same timer.
                timer = Timer.builder("strata.db.queries").description("SQL statements by verb and table, and outcome")
                        .tag("statement", label).tag("outcome", succeeded ? "success" : "error")
                        .register(registry);
                if (succeeded) {
                    success = timer;
                } else {
                    error = timer;
                }
            }
            return timer;
        }
    }
}
