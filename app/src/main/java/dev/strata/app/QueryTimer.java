package dev.strata.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every SQL statement JDBI runs into {@code strata.db.queries}, tagged by what the statement
 * does, its verb and the first table it names (such as {@code select identity.session_accounts} or
 * {@code insert orders.order_items}: a bounded set, never the SQL text or its arguments), and
 * whether it succeeded. Thread-safe.
 */
final class QueryTimer implements SqlLogger {

    private static final Pattern VERB = Pattern.compile("^\\s*([A-Za-z]+)");
    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:FROM|INTO|UPDATE|JOIN)\\s+([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)",
            Pattern.CASE_INSENSITIVE);

    private final MeterRegistry registry;

    QueryTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        record(context, "success");
    }

    @Override
    public void logException(StatementContext context, SQLException exception) {
        record(context, "error");
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

    private void record(StatementContext context, String outcome) {
        long nanos = context.getElapsedTime(ChronoUnit.NANOS);
        if (nanos < 0) {
            return;
        }
        Timer.builder("strata.db.queries").description("SQL statements by verb and table, and outcome")
                .tag("statement", label(context.getRawSql())).tag("outcome", outcome)
                .register(registry).record(Duration.ofNanos(nanos));
    }
}
