package dev.strata.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The parts of error translation that need no database; the rest runs against both databases. */
class DatabaseErrorsTest {

    @Test
    void h2UniqueViolationsNameTheConstraintNotTheIndex() {
        String message = "Unique index or primary key violation: \"identity.accounts_email_normalized_unique INDEX "
                + "identity.accounts_email_normalized_unique_INDEX_8 ON identity.accounts(email_normalized NULLS LAST) "
                + "VALUES ( /* 1 */ 'x@y' )\"; SQL statement:";

        assertThat(DatabaseErrors.h2ConstraintName(message)).contains("accounts_email_normalized_unique");
    }

    @Test
    void h2ForeignKeyViolationsNameTheConstraint() {
        String message = "Referential integrity constraint violation: \"sessions_account_fk: identity.sessions "
                + "FOREIGN KEY(account_id) REFERENCES identity.accounts(id) ('acct_x')\"; SQL statement:";

        assertThat(DatabaseErrors.h2ConstraintName(message)).contains("sessions_account_fk");
    }

    @Test
    void aValueThatLooksLikeAConstraintNameIsNotMistakenForOne() {
        String message = "Unique index or primary key violation: \"identity.accounts_pk INDEX identity.PRIMARY_KEY_8 "
                + "ON identity.accounts(id) VALUES ( /* 1 */ 'accounts_email_normalized_unique' )\"";

        assertThat(DatabaseErrors.h2ConstraintName(message)).contains("accounts_pk");
    }

    @Test
    void aPoolTimeoutAConnectionFailureAndACancelledStatementAreUnavailable() {
        assertThat(DatabaseErrors.isUnavailable(new SQLTransientConnectionException("strata - Connection is not available")))
                .isTrue();
        assertThat(DatabaseErrors.isUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseErrors.isUnavailable(new SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
    }

    @Test
    void usingAConnectionThePoolHasClosedAfterItBrokeIsUnavailable() {
        // HikariCP's words, without SQLState, when a library rolls back a connection already marked
        // broken (Bucket4j's PostgreSQL backend did, hiding the 08006 before it).
        assertThat(DatabaseErrors.isUnavailable(new RuntimeException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void aBugIsNotUnavailable() {
        assertThat(DatabaseErrors.isUnavailable(new SQLException("syntax error", "42601"))).isFalse();
    }
}
