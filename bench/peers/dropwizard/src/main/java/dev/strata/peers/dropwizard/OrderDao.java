package dev.strata.peers.dropwizard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Orders in Strata's {@code orders} schema, created once per idempotency key. */
public interface OrderDao {

    /** The result of a creation: the order and its items, and whether an earlier request made it. */
    record Created(OrderRow order, List<OrderRequest.Line> items, boolean replayed) {
    }

    @SqlQuery("""
            SELECT id, owner_id, state, currency, amount, comment, created_at, updated_at, version,
                   request_fingerprint
            FROM orders.orders WHERE owner_id = :owner AND idempotency_key = :key
            """)
    @RegisterConstructorMapper(OrderRow.class)
    Optional<OrderRow> findByKey(@Bind("owner") String ownerId, @Bind("key") String key);

    @SqlQuery("SELECT sku, quantity, unit_price FROM orders.order_items WHERE order_id = :id ORDER BY line_number")
    @RegisterConstructorMapper(OrderRequest.Line.class)
    List<OrderRequest.Line> itemsOf(@Bind("id") String orderId);

    @SqlUpdate("""
            INSERT INTO orders.orders
                (id, owner_id, state, currency, amount, comment, created_at, updated_at, version,
                 idempotency_key, request_fingerprint)
            VALUES (:o.id, :o.ownerId, :o.state, :o.currency, :o.amount, :o.comment, :o.createdAt, :o.updatedAt, 0,
                    :key, :o.requestFingerprint)
            """)
    void insert(@BindMethods("o") OrderRow order, @Bind("key") String key);

    @SqlBatch("""
            INSERT INTO orders.order_items (order_id, line_number, sku, quantity, unit_price)
            VALUES (:orderId, :lineNumber, :line.sku, :line.quantity, :line.unitPrice)
            """)
    void insertItems(@Bind("orderId") String orderId, @Bind("lineNumber") List<Integer> lineNumbers,
            @BindMethods("line") List<OrderRequest.Line> lines);

    /**
     * In one transaction: the order the owner made under this key, if any, else a new order and its
     * items. Without a key ({@code null}), always a new order.
     */
    @Transaction
    default Created create(String ownerId, String key, OrderRequest request) {
        List<OrderRequest.Line> lines = request.lines();
        String comment = request.comment() == null ? "" : request.comment();
        String fingerprint = fingerprint(request.currency(), comment, lines);
        Optional<OrderRow> existing = key == null ? Optional.empty() : findByKey(ownerId, key);
        if (existing.isPresent()) {
            if (!existing.get().requestFingerprint().equals(fingerprint)) {
                throw Problem.badRequest("this Idempotency-Key was used for another request");
            }
            return new Created(existing.get(), itemsOf(existing.get().id()), true);
        }
        BigDecimal amount = lines.stream().map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderRow order = new OrderRow(Ids.order(now), ownerId, "open", request.currency(), amount, comment, now, now,
                0, fingerprint);
        insert(order, key);
        insertItems(order.id(), IntStream.range(0, lines.size()).boxed().toList(), lines);
        return new Created(order, lines, false);
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

    /** Order ids as Strata makes them. */
    final class Ids {

        private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
        private static final SecureRandom RANDOM = new SecureRandom();

        private Ids() {
        }

        /** {@code ord_}, then 128 bits (48 of milliseconds first) in lowercase Crockford base32. */
        static String order(Instant now) {
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
    }
}
