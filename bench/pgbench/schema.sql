-- The database's own ceiling for creating an order: tables shaped like an order and its
-- idempotency record (owner + key unique, SHA-256 fingerprint), without any application in front.
-- Until the orders branch's migration is merged, these mirror DESIGN.md rather than that schema.
create schema bench_orders;
create table bench_orders.orders (
    id text primary key,
    owner_id text not null,
    state text not null,
    amount numeric(19, 4) not null,
    currency text not null,
    version bigint not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index orders_owner_created on bench_orders.orders (owner_id, created_at desc, id desc);
create table bench_orders.idempotency_keys (
    owner_id text not null,
    idempotency_key text not null,
    fingerprint text not null,
    order_id text not null references bench_orders.orders (id),
    created_at timestamp with time zone not null,
    primary key (owner_id, idempotency_key)
);
