package dev.strata.adapters.persistence.postgres.orders;

import dev.strata.adapters.persistence.postgres.DatabaseErrors;
import dev.strata.adapters.persistence.postgres.IdempotentInserts;
import dev.strata.adapters.persistence.postgres.IdempotentInserts.Keyed;
import dev.strata.adapters.persistence.postgres.SqlListQuery;
import dev.strata.adapters.persistence.postgres.SchemaNames;
import dev.strata.adapters.persistence.postgres.ServiceSchema;
import dev.strata.adapters.persistence.postgres.StrataJdbiPlugin;
import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.Created;
import dev.strata.core.common.KeysetCursor;
import dev.strata.core.common.ListQuery;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.Page;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.store.OrderItemRecord;
import dev.strata.core.orders.store.OrderRecord;
import dev.strata.core.orders.store.OrderStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The order store over SQL, through JDBI, on PostgreSQL or on H2 in PostgreSQL mode; the tables are
 * in the schema {@code orders}. An order and its items are written in one transaction; concurrent
 * changes are settled by the {@code version} column, duplicate ids and idempotency keys by
 * constraints, never by checking first. Lists are built by {@link SqlListQuery} from a fixed table
 * of fields, and served by the indexes of the migration. Thread-safe: it holds no state but the
 * {@link Jdbi}.
 */
public final class JdbiOrderStore implements OrderStore {

    private static final DatabaseErrors ERRORS = DatabaseErrors.translating(Map.of(
            "orders_pk", () -> new AlreadyExistsException("order_already_exists", "an order with this id exists"),
            "orders_owner_idempotency_key_unique", IdempotentInserts::keyTaken));

    private static final SqlListQuery LISTS = new SqlListQuery(Map.of(
            "state", SqlListQuery.column("o.state"),
            "currency", SqlListQuery.column("o.currency"),
            "amount", SqlListQuery.column("o.amount"),
            "created_at", SqlListQuery.column("o.created_at"),
            "updated_at", SqlListQuery.column("o.updated_at"),
            "sku", SqlListQuery.exists("FROM orders.order_items i WHERE i.order_id = o.id", "i.sku")), "o.id");

    private final Jdbi jdbi;
    private final ServiceSchema schema;

    /**
     * A store over {@code jdbi}, on which it installs {@link StrataJdbiPlugin}; the tables are in the
     * schema {@code orders}.
     */
    public JdbiOrderStore(Jdbi jdbi) {
        this(jdbi, SchemaNames.DEFAULT.orders());
    }

    /**
     * A store over {@code jdbi} whose tables are in the schema {@code schemaName} rather than
     * {@code orders} (the name given to {@link SchemaNames}, under which the schema was migrated); it
     * installs the same plugins as {@link #JdbiOrderStore(Jdbi)}.
     */
    public JdbiOrderStore(Jdbi jdbi, String schemaName) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi").installPlugin(new StrataJdbiPlugin());
        this.schema = ServiceSchema.of(SchemaNames.DEFAULT.orders(), schemaName);
    }

    @Override
    public Created<OrderRecord> insert(OrderRecord order) {
        return IdempotentInserts.insertOnce(order.idempotency(),
                () -> order.idempotency().flatMap(request -> findByKey(order.ownerId(), request.key().value())),
                () -> {
                    ERRORS.run(() -> jdbi.useTransaction(handle -> insertRow(handle, order)));
                    return atVersion(order, 0);
                });
    }

    @Override
    public Optional<OrderRecord> find(OrderId id) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> findIn(handle, id.value())));
    }

    @Override
    public Page<OrderRecord> list(AccountId ownerId, ListQuery query) {
        SqlListQuery.Rendered sql = LISTS.render(query);
        return ERRORS.call(() -> jdbi.withHandle(handle -> {
            List<OrderRows.OrderRow> rows = sql.bindTo(handle.createQuery(schema.sql(listSql(sql))))
                    .bind("owner", ownerId.value())
                    .map((row, context) -> OrderRows.order(row))
                    .list();
            boolean hasMore = rows.size() > query.limit();
            List<OrderRows.OrderRow> page = new ArrayList<>(hasMore ? rows.subList(0, query.limit()) : rows);
            if (query.cursor().map(KeysetCursor::before).orElse(false)) {
                Collections.reverse(page);
            }
            Map<String, List<OrderItemRecord>> items = itemsOf(handle,
                    page.stream().map(row -> row.withoutItems().id().value()).toList());
            return new Page<>(page.stream()
                    .map(row -> row.with(items.getOrDefault(row.withoutItems().id().value(), List.of())))
                    .toList(), hasMore);
        }));
    }

    /** The SQL of one page of an owner's orders (bind {@code owner} and the rendered parameters). */
    static String listSql(SqlListQuery.Rendered sql) {
        return "SELECT " + OrderRows.COLUMNS + " FROM orders.orders o WHERE o.owner_id = :owner AND " + sql.where()
                + " ORDER BY " + sql.orderBy() + " " + sql.limitOffset();
    }

    /** The list query of {@code query}, rendered, for showing its plan. */
    static SqlListQuery.Rendered render(ListQuery query) {
        return LISTS.render(query);
    }

    @Override
    public OrderRecord update(OrderRecord order, long expectedVersion) {
        String id = order.id().value();
        return ERRORS.call(() -> jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate(schema.sql("""
                            UPDATE orders.orders
                            SET state = :state, currency = :currency, amount = :amount, comment = :comment,
                                updated_at = :updatedAt, version = version + 1, paid_at = :paidAt,
                                shipped_at = :shippedAt, cancelled_at = :cancelledAt,
                                cancellation_reason = :cancellationReason
                            WHERE id = :id AND version = :expectedVersion
                            """))
                    .bind("id", id)
                    .bind("expectedVersion", expectedVersion)
                    .bind("state", order.state().wireName())
                    .bind("currency", order.currency())
                    .bind("amount", order.amount())
                    .bind("comment", order.comment())
                    .bind("updatedAt", order.updatedAt())
                    .bind("paidAt", order.paidAt().orElse(null))
                    .bind("shippedAt", order.shippedAt().orElse(null))
                    .bind("cancelledAt", order.cancelledAt().orElse(null))
                    .bind("cancellationReason", order.cancellationReason().orElse(null))
                    .execute();
            if (updated == 0) {
                throw failureOf(handle, id, expectedVersion);
            }
            handle.createUpdate(schema.sql("DELETE FROM orders.order_items WHERE order_id = :id")).bind("id", id).execute();
            insertItems(handle, id, order.items());
            return findIn(handle, id).orElseThrow();
        }));
    }

    @Override
    public void delete(OrderId id, long expectedVersion) {
        ERRORS.run(() -> jdbi.useTransaction(handle -> {
            int deleted = handle.createUpdate(schema.sql("DELETE FROM orders.orders WHERE id = :id AND version = :expectedVersion"))
                    .bind("id", id.value())
                    .bind("expectedVersion", expectedVersion)
                    .execute();
            if (deleted == 0) {
                throw failureOf(handle, id.value(), expectedVersion);
            }
        }));
    }

    private RuntimeException failureOf(Handle handle, String id, long expectedVersion) {
        // Nothing matched: either there is no such order or it has moved on.
        boolean exists = handle.createQuery(schema.sql("SELECT COUNT(*) FROM orders.orders WHERE id = :id")).bind("id", id)
                .mapTo(Long.class).one() > 0;
        return exists ? PreconditionFailedException.versionMismatch("the order", expectedVersion)
                : new NotFoundException("order_not_found", "no such order");
    }

    private Optional<Keyed<OrderRecord>> findByKey(AccountId ownerId, String key) {
        return ERRORS.call(() -> jdbi.withHandle(handle -> handle.createQuery(schema.sql("SELECT " + OrderRows.COLUMNS
                        + " FROM orders.orders o WHERE o.owner_id = :owner AND o.idempotency_key = :key"))
                .bind("owner", ownerId.value())
                .bind("key", key)
                .map((row, context) -> OrderRows.order(row))
                .findOne()
                .map(row -> withItems(handle, row))))
                .map(order -> new Keyed<>(order, order.idempotency().orElseThrow().fingerprint()));
    }

    private Optional<OrderRecord> findIn(Handle handle, String id) {
        return handle.createQuery(schema.sql("SELECT " + OrderRows.COLUMNS + " FROM orders.orders o WHERE o.id = :id"))
                .bind("id", id)
                .map((row, context) -> OrderRows.order(row))
                .findOne()
                .map(row -> withItems(handle, row));
    }

    private OrderRecord withItems(Handle handle, OrderRows.OrderRow row) {
        String id = row.withoutItems().id().value();
        return row.with(itemsOf(handle, List.of(id)).getOrDefault(id, List.of()));
    }

    private Map<String, List<OrderItemRecord>> itemsOf(Handle handle, List<String> orderIds) {
        Map<String, List<OrderItemRecord>> items = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return items;
        }
        handle.createQuery(schema.sql("""
                        SELECT order_id, line_number, sku, quantity, unit_price FROM orders.order_items
                        WHERE order_id IN (<ids>) ORDER BY order_id, line_number
                        """))
                .bindList("ids", orderIds)
                .map((row, context) -> OrderRows.item(row))
                .forEach(item -> items.computeIfAbsent(item.orderId(), ignored -> new ArrayList<>()).add(item.item()));
        return items;
    }

    private void insertRow(Handle handle, OrderRecord order) {
        handle.createUpdate(schema.sql("""
                        INSERT INTO orders.orders
                            (id, owner_id, state, currency, amount, comment, created_at, updated_at, version,
                             idempotency_key, request_fingerprint, paid_at, shipped_at, cancelled_at,
                             cancellation_reason)
                        VALUES (:id, :owner, :state, :currency, :amount, :comment, :createdAt, :updatedAt, 0,
                                :key, :fingerprint, :paidAt, :shippedAt, :cancelledAt, :cancellationReason)
                        """))
                .bind("id", order.id().value())
                .bind("owner", order.ownerId().value())
                .bind("state", order.state().wireName())
                .bind("currency", order.currency())
                .bind("amount", order.amount())
                .bind("comment", order.comment())
                .bind("createdAt", order.createdAt())
                .bind("updatedAt", order.updatedAt())
                .bind("key", order.idempotency().map(request -> request.key().value()).orElse(null))
                .bind("fingerprint", order.idempotency().map(request -> request.fingerprint().value()).orElse(null))
                .bind("paidAt", order.paidAt().orElse(null))
                .bind("shippedAt", order.shippedAt().orElse(null))
                .bind("cancelledAt", order.cancelledAt().orElse(null))
                .bind("cancellationReason", order.cancellationReason().orElse(null))
                .execute();
        insertItems(handle, order.id().value(), order.items());
    }

    private void insertItems(Handle handle, String orderId, List<OrderItemRecord> items) {
        PreparedBatch batch = handle.prepareBatch(schema.sql("""
                INSERT INTO orders.order_items (order_id, line_number, sku, quantity, unit_price)
                VALUES (:orderId, :lineNumber, :sku, :quantity, :unitPrice)
                """));
        for (int i = 0; i < items.size(); i++) {
            OrderItemRecord item = items.get(i);
            batch.bind("orderId", orderId).bind("lineNumber", i).bind("sku", item.sku())
                    .bind("quantity", item.quantity()).bind("unitPrice", item.unitPrice()).add();
        }
        if (!items.isEmpty()) {
            batch.execute();
        }
    }

    private static OrderRecord atVersion(OrderRecord order, long version) {
        return new OrderRecord(order.id(), order.ownerId(), order.state(), order.currency(), order.items(),
                order.amount(), order.comment(), order.createdAt(), order.updatedAt(), version, order.idempotency(),
                order.paidAt(), order.shippedAt(), order.cancelledAt(), order.cancellationReason());
    }
}
