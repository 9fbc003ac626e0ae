package dev.strata.adapters.persistence.postgres;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * Configures a {@link Jdbi} the way Strata's stores expect: exception messages that name a failed
 * statement but not its arguments, and {@link Instant}s written and read as {@code timestamp with
 * time zone} values at UTC. JDBI's default goes through {@code java.sql.Timestamp} and the JVM's
 * time zone, which H2 resolves ambiguously in the hour a daylight-saving change repeats; an
 * {@link OffsetDateTime} at UTC means the same instant everywhere. Installing it twice is harmless
 * (it is a {@link JdbiPlugin.Singleton}).
 */
public final class StrataJdbiPlugin extends JdbiPlugin.Singleton {

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        // A failed statement's exception message names the statement but not its arguments, which
        // carry password hashes and emails, and such messages end up in logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, (results, column, context) -> {
            OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {

        InstantArgumentFactory() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
            return (position, statement, context) -> statement.setObject(position, utc);
        }
    }
}
