package dev.strata.peers.spring;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Orders in Strata's {@code orders} schema: created once per idempotency key. */
@Repository
public class Orders {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public Orders(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The result of a creation: the order, and whether it was made by an earlier request. */
    public record Created(Order order, boolean replayed) {
    }

    /**
     * In one transaction: the order the owner made under this key, if any, else a new order and its
     * items. Without a key ({@code null}), always a new order.
     *
     * @throws BadRequest when the key was used for another request
     */
    @Transactional
    public Created create(String ownerId, String key, OrderRequest request) {
        List<OrderRequest.Line> lines = request.lines();
        String comment = request.comment() == null ? "" : request.comment();
        String fingerprint = fingerprint(request.currency(), comment, lines);
        Optional<Order> existing = key == null ? Optional.empty() : findByKey(ownerId, key);
        if (existing.isPresent()) {
            if (!existing.get().fingerprint().equals(fingerprint)) {
                throw new BadRequest("this Idempotency-Key was used for another request");
            }
            return new Created(existing.get(), true);
        }
        BigDecimal amount = lines.stream().map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Order order = new Order(newId(now), ownerId, "open", request.currency(), lines, amount, comment, now, now, 0,
                fingerprint);
        jdbc.sql("""
                        INSERT INTO orders.orders
                            (id, owner_id, state, currency, amount, comment, created_at, updated_at, version,
                             idempotency_key, request_fingerprint)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                        """)
                .params(order.id(), ownerId, order.state(), order.currency(), amount, comment, Timestamp.from(now),
                        Timestamp.from(now), key, fingerprint)
                .update();
        batch.batchUpdate("""
                INSERT INTO orders.order_items (order_id, line_number, sku, quantity, unit_price)
                VALUES (?, ?, ?, ?, ?)
                """, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int index) throws SQLException {
                        OrderRequest.Line line = lines.get(index);
                        statement.setString(1, order.id());
                        statement.setInt(2, index);
                        statement.setString(3, line.sku());
                        statement.setInt(4, line.quantity());
                        statement.setBigDecimal(5, line.unitPrice());
                    }

                    @Override
                    public int getBatchSize() {
                        return lines.size();
                    }
                });
        return new Created(order, false);
    }

    private Optional<Order> findByKey(String ownerId, String key) {
        return jdbc.sql("""
                        SELECT id, owner_id, state, currency, amount, comment, created_at, updated_at, version,
                               request_fingerprint
                        FROM orders.orders WHERE owner_id = ? AND idempotency_key = ?
                        """)
                .params(ownerId, key)
                .query((row, number) -> new Order(row.getString("id"), row.getString("owner_id"),
                        row.getString("state"), row.getString("currency"), List.of(), row.getBigDecimal("amount"),
                        row.getString("comment"), Sessions.instant(row.getObject("created_at", OffsetDateTime.class)),
                        Sessions.instant(row.getObject("updated_at", OffsetDateTime.class)), row.getLong("version"),
                        row.getString("request_fingerprint")))
                .optional()
                .map(order -> new Order(order.id(), order.ownerId(), order.state(), order.currency(),
                        jdbc.sql("""
                                        SELECT sku, quantity, unit_price FROM orders.order_items
                                        WHERE order_id = ? ORDER BY line_number
                                        """)
                                .param(order.id())
                                .query((row, number) -> new OrderRequest.Line(row.getString("sku"),
                                        row.getInt("quantity"), row.getBigDecimal("unit_price")))
                                .list(),
                        order.amount(), order.comment(), order.createdAt(), order.updatedAt(), order.version(),
                        order.fingerprint()));
    }

    /** An order id as Strata makes them: {@code ord_}, then 128 bits (48 of milliseconds first) in base32. */
    private static String newId(Instant now) {
        long high = (now.toEpochMilli() << 16) | (RANDOM.nextInt() & 0xFFFFL);
        long low = RANDOM.nextLong();
        char[] out = new char[26];
        for (int i = 25, bit = 0; i >= 0; i--, bit += 5) {
            long five = bit + 5 <= 64 ? low >>> bit
                    : bit >= 64 ? high >>> (bit - 64) : (low >>> bit) | (high << (64 - bit));
            out[i] = ALPHABET[(int) (five & 31)];
        }
        return "ord_" + new String(out);
    }

    /** The SHA-256 of the request's checked fields: a replay must carry the same request. */
    private static String fingerprint(String currency, String comment, List<OrderRequest.Line> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            StringBuilder text = new StringBuilder(currency).append('\n').append(comment.length()).append(':')
                    .append(comment);
            for (OrderRequest.Line line : lines) {
                text.append('\n').append(line.sku()).append(' ').append(line.quantity()).append(' ')
                        .append(line.unitPrice().toPlainString());
            }
            return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
