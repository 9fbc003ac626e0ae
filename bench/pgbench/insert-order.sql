-- What POST /v1/orders with an Idempotency-Key asks of PostgreSQL, without the application: look
-- the key up (a miss), then insert the order and its two items in one transaction, into the
-- orders service's own tables (bench/run creates them from its Flyway migration).
\set n random(1, 1000000000000)
SELECT id FROM orders.orders WHERE owner_id = 'acct_pgbench' AND idempotency_key = 'k-' || :client_id || '-' || :n;
BEGIN;
INSERT INTO orders.orders (id, owner_id, state, currency, amount, comment, created_at, updated_at, version,
    idempotency_key, request_fingerprint)
VALUES ('ord_' || :client_id || '_' || :n, 'acct_pgbench', 'open', 'EUR', 30.97, 'gift', now(), now(), 0,
    'k-' || :client_id || '-' || :n, md5(:n::text));
INSERT INTO orders.order_items (order_id, line_number, sku, quantity, unit_price)
VALUES ('ord_' || :client_id || '_' || :n, 1, 'BOOK-1', 2, 12.50), ('ord_' || :client_id || '_' || :n, 2, 'PEN-7', 3, 1.99);
COMMIT;
