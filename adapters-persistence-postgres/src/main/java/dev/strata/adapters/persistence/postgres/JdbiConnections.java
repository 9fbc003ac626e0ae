package dev.strata.adapters.persistence.postgres;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A host's {@link Jdbi} seen as a {@link DataSource}, for what needs plain JDBC connections
 * (Flyway, Bucket4j): each connection is a handle the Jdbi opens, and closing the connection closes
 * the handle, which gives the connection back to wherever the host's Jdbi got it.
 */
final class JdbiConnections implements DataSource {

    private final Jdbi jdbi;

    JdbiConnections(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Connection getConnection() {
        Handle handle = jdbi.open();
        Connection connection = handle.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        handle.close();
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("connections come from the host's Jdbi, with its credentials");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Nothing is logged through DriverManager-era log writers.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The host's Jdbi decides how long to wait for a connection.
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
        throw new java.sql.SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
