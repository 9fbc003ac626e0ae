package dev.strata.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Why the app cannot start, in one line that names the setting to change: a port in use, a
 * PostgreSQL database that does not exist, a database that cannot be reached. {@link Main} prints
 * the message alone on stderr, without a stack trace, and exits with status 1.
 */
final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** PostgreSQL's SQLState for a database that does not exist (invalid_catalog_name). */
    private static final String NO_SUCH_DATABASE = "3D000";
    /** PostgreSQL's SQLState class for a refused user or password (invalid_authorization_specification). */
    private static final String AUTHENTICATION_CLASS = "28";

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Fails when the API port or the admin port is taken, before anything is created (the data
     * folder, the embedded database, the token key): each is bound once and let go at once. Port 0
     * (any free port) needs no check.
     */
    static void requirePortsFree(Settings settings) {
        requireFree(settings.host(), settings.port(), "STRATA_PORT", "--port");
        requireFree(settings.host(), settings.adminPort(), "STRATA_ADMIN_PORT", "--admin-port");
    }

    /** The one line for a port that cannot be listened on. */
    static StartupFailure portInUse(int port, String variable, String flag, IOException cause) {
        return new StartupFailure("port " + port + " is in use: set " + variable + " (or " + flag + ") to a free port",
                cause);
    }

    private static void requireFree(String host, int port, String variable, String flag) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (BindException inUse) {
            throw portInUse(port, variable, flag, inUse);
        } catch (IOException | IllegalArgumentException | SecurityException failure) {
            throw new StartupFailure("cannot listen on " + host + ":" + port + " (" + firstLine(failure) + "): set "
                    + variable + " (or " + flag + ") and STRATA_HOST (or --host) to an address and port of this machine",
                    failure);
        }
    }

    /**
     * The one line for a database that could not be opened, when {@code failure} came from the
     * database at all (an {@link SQLException} among its causes); empty otherwise.
     */
    static Optional<StartupFailure> ofDatabase(Settings settings, RuntimeException failure) {
        Optional<SQLException> sql = sqlExceptionIn(failure);
        if (sql.isEmpty()) {
            return Optional.empty();
        }
        String state = Optional.ofNullable(sql.get().getSQLState()).orElse("");
        Optional<Properties> postgres = settings.databaseUrl().map(url -> Driver.parseURL(url, null));
        if (postgres.isEmpty() || postgres.get() == null) {
            return Optional.of(new StartupFailure("cannot open the embedded database in " + settings.dataDirectory()
                    + " (" + firstLine(sql.get()) + "): set STRATA_DATA_DIR (or --data-dir) to a folder no other"
                    + " Strata is using, or STRATA_DB_URL to a PostgreSQL database", failure));
        }
        Properties url = postgres.get();
        String host = url.getProperty("PGHOST", "localhost");
        String port = url.getProperty("PGPORT", "5432");
        String database = url.getProperty("PGDBNAME", "");
        String user = settings.databaseUser().orElse(url.getProperty("user", ""));
        if (state.equals(NO_SUCH_DATABASE)) {
            return Optional.of(new StartupFailure("database '" + database + "' does not exist: create it with createdb -h "
                    + host + " -p " + port + (user.isEmpty() ? "" : " -U " + user) + " " + database
                    + " (or set STRATA_DB_URL to an existing one)", failure));
        }
        if (state.startsWith(AUTHENTICATION_CLASS)) {
            return Optional.of(new StartupFailure("the database at " + host + ":" + port + "/" + database
                    + " refused user '" + user + "': set STRATA_DB_USER and STRATA_DB_PASSWORD (or --db-user,"
                    + " --db-password)", failure));
        }
        return Optional.of(new StartupFailure("cannot reach the database at " + host + ":" + port + "/" + database
                + " (" + firstLine(sql.get()) + "): check STRATA_DB_URL (or --db-url) and that PostgreSQL is running"
                + " there", failure));
    }

    private static Optional<SQLException> sqlExceptionIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Throwable failure) {
        String message = Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
        return message.lines().findFirst().orElse("").strip();
    }
}
