package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class QueryTimerTest {

    @Test
    void aStatementIsNamedByItsVerbAndFirstTableNeverByItsArguments() {
        assertThat(QueryTimer.label("""
                SELECT session_id, account_id
                FROM identity.session_accounts
                WHERE session_id = :id
                """)).isEqualTo("select identity.session_accounts");
        assertThat(QueryTimer.label("INSERT INTO orders.order_items (order_id) VALUES (:id)"))
                .isEqualTo("insert orders.order_items");
        assertThat(QueryTimer.label("UPDATE identity.accounts SET email = 'ada@example.com' WHERE id = :id"))
                .isEqualTo("update identity.accounts");
        assertThat(QueryTimer.label("delete from identity.sessions where expires_at <= :cutoff"))
                .isEqualTo("delete identity.sessions");
        assertThat(QueryTimer.label("SELECT 1")).isEqualTo("other");
        assertThat(QueryTimer.label(null)).isEqualTo("other");
    }

    /**
     * A statement sent again is found by its text, not named again; the metric it feeds is the
     * same, series by series, and an outcome that never happened has no series.
     */
    @Test
    void aStatementIsNamedOnceAndTimedUnderTheSameSeriesEveryTime() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueryTimer timer = new QueryTimer(registry);
        Jdbi jdbi = timed(timer);
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE things (id INT PRIMARY KEY)"));
        int kept = timer.statementsKept();

        for (int row = 0; row < 50; row++) {
            int id = row;
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO things (id) VALUES (:id)").bind("id", id).execute());
        }
        assertThatThrownBy(() -> jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO things (id) VALUES (:id)")
                .bind("id", 0).execute())).as("a duplicate id").isInstanceOf(RuntimeException.class);

        assertThat(timer.statementsKept()).as("one more statement known, however often it ran").isEqualTo(kept + 1);
        assertThat(series(registry, "insert things", "success").count()).isEqualTo(50);
        assertThat(series(registry, "insert things", "error").count()).isEqualTo(1);
        assertThat(registry.find("strata.db.queries").timers()).hasSize(3);
    }

    @Test
    void theStatementsKeptAreBoundedAndStatementsBeyondAreStillNamed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueryTimer timer = new QueryTimer(registry);
        Jdbi jdbi = timed(timer);
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE answers (n INT)"));

        for (int statement = 0; statement < QueryTimer.MOST_STATEMENTS + 20; statement++) {
            String sql = "SELECT n FROM answers WHERE n = " + statement;
            jdbi.useHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).list());
        }

        assertThat(timer.statementsKept()).isEqualTo(QueryTimer.MOST_STATEMENTS);
        assertThat(series(registry, "select answers", "success").count()).isEqualTo(QueryTimer.MOST_STATEMENTS + 20);
    }

    private static Jdbi timed(QueryTimer timer) {
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbi.setSqlLogger(timer);
        return jdbi;
    }

    private static Timer series(SimpleMeterRegistry registry, String statement, String outcome) {
        return registry.get("strata.db.queries").tag("statement", statement).tag("outcome", outcome).timer();
    }
}
