package dev.strata.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Times every SQL statement JDBI runs into {@code strata.db.queries}, tagged by the DAO method that
 * ran it (such as {@code AccountDao.insert}, a bounded set, never the SQL text or its arguments)
 * and whether it succeeded. Thread-safe.
 */
final class QueryTimer implements SqlLogger {

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

    private void record(StatementContext context, String outcome) {
        long nanos = context.getElapsedTime(ChronoUnit.NANOS);
        if (nanos < 0) {
            return;
        }
        ExtensionMethod method = context.getExtensionMethod();
        String statement = method == null ? "other"
                : method.getType().getSimpleName() + "." + method.getMethod().getName();
        Timer.builder("strata.db.queries").description("SQL statements by DAO method and outcome")
                .tag("statement", statement).tag("outcome", outcome)
                .register(registry).record(Duration.ofNanos(nanos));
    }
}
