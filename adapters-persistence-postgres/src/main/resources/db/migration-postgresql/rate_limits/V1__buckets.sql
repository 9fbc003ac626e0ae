-- Rate-limit buckets shared by every instance of the app (Bucket4j's PostgreSQL backend,
-- select-for-update flavour). Bucket4j creates no table itself: this is the layout it reads and
-- writes, with text keys ("account:acc_...", "ip:203.0.113.7", "sign-up:...") instead of its
-- default BIGINT. state is Bucket4j's serialized bucket; expires_at (epoch milliseconds) is when a
-- bucket would be full again, after which the row can go (housekeeping deletes such rows).
CREATE TABLE rate_limits.buckets (
    id         text   PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX buckets_expires_at ON rate_limits.buckets (expires_at);
