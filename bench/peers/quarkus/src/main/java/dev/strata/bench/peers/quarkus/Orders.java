package dev.strata.bench.peers.quarkus;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * Orders in the Strata app's tables {@code orders.orders} and {@code orders.order_items}, written
 * as Strata writes them (an order made under an idempotency key keeps the key and its request's
 * fingerprint, under the unique constraint on owner and key), so that each server reads the
 * other's orders and replays the other's keys.
 */
@ApplicationScoped
public class Orders {

    private static final String KEY_CONSTRAINT = "orders_owner_idempotency_key_unique";
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String FIND_BY_KEY = """
            SELECT id, owner_id, state, currency, amount, comment, created_at, updated_at, version, request_fingerprint
            FROM orders.orders WHERE owner_id = ? AND idempotency_key = ?
            """;
    private static final String ITEMS = """
            SELECT sku, quantity, unit_price FROM orders.order_items WHERE order_id = ? ORDER BY line_number
            """;
    private static final String INSERT = """
            INSERT INTO orders.orders (id, owner_id, state, currency, amount, comment, created_at, updated_at, version,
                                       idempotency_key, request_fingerprint)
            VALUES (?, ?, 'open', ?, ?, ?, ?, ?, 0, ?, ?)
            """;
    private static final String INSERT_ITEM = """
            INSERT INTO orders.order_items (order_id, line_number, sku, quantity, unit_price) VALUES (?, ?, ?, ?, ?)
            """;

    private final AgroalDataSource dataSource;

    Orders(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What creating came to: the order, and whether it was made by an earlier request with the same key. */
    public record Outcome(StoredOrder order, boolean replayed) {
    }

    /** Another request took the idempotency key between this one's look-up and its insert. */
    public static final class KeyTaken extends RuntimeException {

        private static final long serialVersionUID = 1L;

        KeyTaken(Throwable cause) {
            super("the idempotency key was taken meanwhile", cause, false, false);
        }
    }

    /**
     * In one transaction: the order already made under {@code key} by this owner, or else a new
     * order with its items. Strata's store does the same steps; a concurrent duplicate loses on the
     * unique constraint, and its caller then calls again to read the winner.
     *
     * @param key the request's idempotency key, or null for none
     * @throws Problem  422 when the key was used with another request
     * @throws KeyTaken when a concurrent request took the key first (the transaction is rolled back)
     */
    @Transactional
    public Outcome create(Caller caller, OrderRules.Checked order, String key) {
        String fingerprint = key == null ? null : order.fingerprint();
        try (Connection connection = dataSource.getConnection()) {
            if (key != null) {
                Optional<StoredOrder> existing = findByKey(connection, caller.accountId(), key);
                if (existing.isPresent()) {
                    if (!fingerprint.equals(existing.get().fingerprint())) {
                        throw Problem.keyReused();
                    }
                    return new Outcome(existing.get(), true);
                }
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            StoredOrder created = new StoredOrder(Ids.ordered("ord"), caller.accountId(), "open", order.currency(),
                    order.items(), order.amount(), order.comment(), now, now, 0, fingerprint);
            insert(connection, created, key);
            return new Outcome(created, false);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && e instanceof PSQLException pg
                    && pg.getServerErrorMessage() != null
                    && KEY_CONSTRAINT.equals(pg.getServerErrorMessage().getConstraint())) {
                throw new KeyTaken(e);
            }
            throw new IllegalStateException("the order could not be written", e);
        }
    }

    private static Optional<StoredOrder> findByKey(Connection connection, String ownerId, String key) throws SQLException {
        StoredOrder found;
        try (PreparedStatement select = connection.prepareStatement(FIND_BY_KEY)) {
            select.setString(1, ownerId);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                found = new StoredOrder(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        null, row.getBigDecimal(5), row.getString(6), Sessions.instant(row, 7), Sessions.instant(row, 8),
                        row.getLong(9), row.getString(10));
            }
        }
        List<OrderRules.Line> items = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ITEMS)) {
            select.setString(1, found.id());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    items.add(new OrderRules.Line(row.getString(1), row.getInt(2), row.getBigDecimal(3)));
                }
            }
        }
        return Optional.of(new StoredOrder(found.id(), found.ownerId(), found.state(), found.currency(), items,
                found.amount(), found.comment(), found.createdAt(), found.updatedAt(), found.version(),
                found.fingerprint()));
    }

    private static void insert(Connection connection, StoredOrder order, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            OffsetDateTime now = order.createdAt().atOffset(ZoneOffset.UTC);
            insert.setString(1, order.id());
            insert.setString(2, order.ownerId());
            insert.setString(3, order.currency());
            insert.setBigDecimal(4, order.amount());
            insert.setString(5, order.comment());
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.setString(8, key);
            insert.setString(9, order.fingerprint());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ITEM)) {
            List<OrderRules.Line> items = order.items();
            for (int i = 0; i < items.size(); i++) {
                OrderRules.Line item = items.get(i);
                insert.setString(1, order.id());
                insert.setInt(2, i);
                insert.setString(3, item.sku());
                insert.setInt(4, item.quantity());
                insert.setBigDecimal(5, item.unitPrice());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
