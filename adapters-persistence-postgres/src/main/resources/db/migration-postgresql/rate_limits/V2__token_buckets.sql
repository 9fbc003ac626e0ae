-- Rate-limit buckets charged in one statement each (one round trip, a row lock held for that
-- statement only), replacing Bucket4j's select-for-update backend (BEGIN, SELECT ... FOR UPDATE,
-- UPDATE, COMMIT: three round trips with the row locked across them).
--
-- A bucket is one number, full_at: the moment (nanoseconds since the epoch, by the database's
-- clock, so every instance reads the same time) at which it would hold its whole budget again.
-- Each charge pushes it one refill interval (period / requests) later; a bucket whose full_at is
-- more than period - interval ahead has no token left. A bucket whose full_at has passed is full,
-- the same as no row, and housekeeping deletes such rows. charged_at and took are the last charge's
-- clock reading and outcome, which the charging statement returns.
--
-- A new table rather than a changed rate_limits.buckets, so that instances of the previous version
-- keep working during a rolling upgrade (each version then counts its own charges until the last
-- old instance stops); rate_limits.buckets is no longer written and a later migration drops it.
CREATE TABLE rate_limits.token_buckets (
    id         text    PRIMARY KEY,
    full_at    bigint  NOT NULL,
    charged_at bigint  NOT NULL,
    took       boolean NOT NULL
);

CREATE INDEX token_buckets_full_at ON rate_limits.token_buckets (full_at);
