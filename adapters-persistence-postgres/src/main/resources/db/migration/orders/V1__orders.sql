-- The orders service's tables: orders and their items. Runs unchanged on PostgreSQL 15+ and on
-- H2 2.x in PostgreSQL mode. Flyway creates the schema "orders" itself. There is no foreign key
-- to identity.accounts: each service owns its schema and could move to a database of its own.
-- Constraint names are part of the store's contract: JdbiOrderStore translates violations of
-- orders_pk and orders_owner_idempotency_key_unique by name.

CREATE TABLE ${flyway:defaultSchema}.orders (
    id                  text                     NOT NULL,
    owner_id            text                     NOT NULL,
    state               text                     NOT NULL,
    currency            text                     NOT NULL,
    -- Money is exact: 100 items of 10,000 at 999,999,999.99 fit.
    amount              numeric(20, 2)           NOT NULL,
    comment             text                     NOT NULL,
    created_at          timestamp with time zone NOT NULL,
    updated_at          timestamp with time zone NOT NULL,
    version             bigint                   NOT NULL DEFAULT 0,
    -- Both or neither: the key a creating request came with, and that request's fingerprint.
    idempotency_key     text,
    request_fingerprint text,
    paid_at             timestamp with time zone,
    shipped_at          timestamp with time zone,
    cancelled_at        timestamp with time zone,
    cancellation_reason text,
    CONSTRAINT orders_pk PRIMARY KEY (id),
    -- NULL keys are distinct, so orders made without a key never collide.
    CONSTRAINT orders_owner_idempotency_key_unique UNIQUE (owner_id, idempotency_key),
    CONSTRAINT orders_state_known CHECK (state IN ('open', 'paid', 'shipped', 'cancelled')),
    CONSTRAINT orders_amount_not_negative CHECK (amount >= 0),
    CONSTRAINT orders_version_not_negative CHECK (version >= 0)
);

CREATE TABLE ${flyway:defaultSchema}.order_items (
    order_id    text           NOT NULL,
    line_number integer        NOT NULL,
    sku         text           NOT NULL,
    quantity    integer        NOT NULL,
    unit_price  numeric(12, 2) NOT NULL,
    CONSTRAINT order_items_pk PRIMARY KEY (order_id, line_number),
    CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES ${flyway:defaultSchema}.orders (id) ON DELETE CASCADE,
    CONSTRAINT order_items_quantity_positive CHECK (quantity > 0),
    CONSTRAINT order_items_unit_price_not_negative CHECK (unit_price >= 0)
);

-- Every list is one owner's, so every index leads with owner_id and ends with id, the final
-- tiebreaker of every order, so that keyset pages are index range scans
-- (see docs/ORDERS_QUERY_PLANS.md).
-- The default order (created_at descending) and created_at ranges.
CREATE INDEX orders_owner_created_idx ON ${flyway:defaultSchema}.orders (owner_id, created_at, id);
-- Sorting by amount and amount ranges.
CREATE INDEX orders_owner_amount_idx ON ${flyway:defaultSchema}.orders (owner_id, amount, id);
-- Sorting by updated_at and its ranges.
CREATE INDEX orders_owner_updated_idx ON ${flyway:defaultSchema}.orders (owner_id, updated_at, id);
-- A state filter in the default order, and sorting by state.
CREATE INDEX orders_owner_state_created_idx ON ${flyway:defaultSchema}.orders (owner_id, state, created_at, id);
-- "Orders containing this SKU".
CREATE INDEX order_items_sku_idx ON ${flyway:defaultSchema}.order_items (sku, order_id);
