-- The posts service's tables: channels, their members, and posts (public, or in a channel).
-- Runs unchanged on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode. Flyway creates the schema
-- "posts" itself. Accounts live in another service's schema, so author_id, owner_id and
-- account_id are plain columns, not foreign keys: the service checks accounts through the
-- identity service. Constraint names are part of the store's contract: JdbiPostStore
-- translates violations of them by name.
--
-- Idempotent creation: the client's idempotency key and the SHA-256 fingerprint of its request
-- are kept with the record they created, unique per author (posts) or owner (channels). Rows
-- created without a key have NULL in both, and NULLs never collide under a unique constraint.

CREATE TABLE posts.channels (
    id                  text                     NOT NULL,
    name                text                     NOT NULL,
    owner_id            text                     NOT NULL,
    created_at          timestamp with time zone NOT NULL,
    version             bigint                   NOT NULL DEFAULT 0,
    idempotency_key     text,
    request_fingerprint text,
    CONSTRAINT channels_pk PRIMARY KEY (id),
    CONSTRAINT channels_owner_idempotency_key_unique UNIQUE (owner_id, idempotency_key),
    CONSTRAINT channels_idempotency_pair CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL)),
    CONSTRAINT channels_version_not_negative CHECK (version >= 0)
);

CREATE TABLE posts.members (
    channel_id text                     NOT NULL,
    account_id text                     NOT NULL,
    joined_at  timestamp with time zone NOT NULL,
    CONSTRAINT members_pk PRIMARY KEY (channel_id, account_id),
    CONSTRAINT members_channel_fk FOREIGN KEY (channel_id) REFERENCES posts.channels (id) ON DELETE CASCADE
);

-- Serves "which channels is this account a member of", asked by every visibility check.
CREATE INDEX members_account_idx ON posts.members (account_id, channel_id);

CREATE TABLE posts.posts (
    id                  text                     NOT NULL,
    author_id           text                     NOT NULL,
    -- NULL for a public post.
    channel_id          text,
    body                text                     NOT NULL,
    created_at          timestamp with time zone NOT NULL,
    updated_at          timestamp with time zone NOT NULL,
    version             bigint                   NOT NULL DEFAULT 0,
    idempotency_key     text,
    request_fingerprint text,
    CONSTRAINT posts_pk PRIMARY KEY (id),
    CONSTRAINT posts_channel_fk FOREIGN KEY (channel_id) REFERENCES posts.channels (id) ON DELETE CASCADE,
    CONSTRAINT posts_author_idempotency_key_unique UNIQUE (author_id, idempotency_key),
    CONSTRAINT posts_idempotency_pair CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL)),
    CONSTRAINT posts_version_not_negative CHECK (version >= 0)
);

-- Keyset pagination, newest first by (created_at, id): over everything, by author, by channel.
CREATE INDEX posts_created_idx ON posts.posts (created_at, id);
CREATE INDEX posts_author_created_idx ON posts.posts (author_id, created_at, id);
CREATE INDEX posts_channel_created_idx ON posts.posts (channel_id, created_at, id);
