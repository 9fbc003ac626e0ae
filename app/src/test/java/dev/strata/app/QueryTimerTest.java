package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

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
}
