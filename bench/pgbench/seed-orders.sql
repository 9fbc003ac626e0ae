-- 100,000 orders (one item each) for the bench account, spread over the four states, two
-- currencies and the last 100,000 minutes, so that a filtered page of 20 has a large table under
-- it. Ids are well-formed: 'ord_' and 26 base32 characters. Run with -v owner=<account id>.
INSERT INTO orders.orders (id, owner_id, state, currency, amount, comment, created_at, updated_at, version)
SELECT 'ord_0' || lpad(n::text, 25, '0'), :'owner',
       (ARRAY['open', 'paid', 'shipped', 'cancelled'])[1 + n % 4],
       CASE WHEN n % 3 = 0 THEN 'USD' ELSE 'EUR' END,
       (n % 500) + 0.99, '', now() - (100000 - n) * interval '1 minute',
       now() - (100000 - n) * interval '1 minute', 0
FROM generate_series(1, 100000) AS n;
INSERT INTO orders.order_items (order_id, line_number, sku, quantity, unit_price)
SELECT 'ord_0' || lpad(n::text, 25, '0'), 1, 'SKU-' || (n % 1000), 1, (n % 500) + 0.99
FROM generate_series(1, 100000) AS n;
ANALYZE orders.orders;
ANALYZE orders.order_items;
