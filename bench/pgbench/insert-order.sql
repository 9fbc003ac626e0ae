-- One order and its idempotency key in one transaction, as POST /v1/orders does.
\set key random(1, 1000000000000)
BEGIN;
INSERT INTO bench_orders.orders (id, owner_id, state, amount, currency, version, created_at, updated_at)
VALUES ('ord_' || :client_id || '_' || :key || '_' || txid_current(), 'acct_bench', 'placed', 42.50, 'EUR', 0, now(), now());
INSERT INTO bench_orders.idempotency_keys (owner_id, idempotency_key, fingerprint, order_id, created_at)
VALUES ('acct_bench', :client_id || '-' || :key || '-' || txid_current(), md5(:key::text), 'ord_' || :client_id || '_' || :key || '_' || txid_current(), now());
COMMIT;
