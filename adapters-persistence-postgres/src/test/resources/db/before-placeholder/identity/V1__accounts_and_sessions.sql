-- The identity service's tables: accounts, their sessions, and failed sign-in attempts.
-- Runs unchanged on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode, so it uses neither
-- expression indexes nor RETURNING. Flyway creates the schema "identity" itself.
-- Constraint names are part of the store's contract: JdbiIdentityStore translates a violation
-- of accounts_email_normalized_unique and of sessions_account_fk by name.

CREATE TABLE identity.accounts (
    id               text                     NOT NULL,
    email            text                     NOT NULL,
    -- Lower-cased by the service; uniqueness is decided on it. A plain column under a plain
    -- unique constraint, because H2 has no unique index on lower(email).
    email_normalized text                     NOT NULL,
    display_name     text                     NOT NULL,
    password_hash    text                     NOT NULL,
    created_at       timestamp with time zone NOT NULL,
    updated_at       timestamp with time zone NOT NULL,
    version          bigint                   NOT NULL DEFAULT 0,
    CONSTRAINT accounts_pk PRIMARY KEY (id),
    CONSTRAINT accounts_email_normalized_unique UNIQUE (email_normalized),
    CONSTRAINT accounts_version_not_negative CHECK (version >= 0)
);

CREATE TABLE identity.sessions (
    id         text                     NOT NULL,
    account_id text                     NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT sessions_pk PRIMARY KEY (id),
    CONSTRAINT sessions_account_fk FOREIGN KEY (account_id) REFERENCES identity.accounts (id) ON DELETE CASCADE
);

-- Serves an account's sessions newest first (created_at, then id, descending) and the foreign key.
CREATE INDEX sessions_account_created_idx ON identity.sessions (account_id, created_at, id);
-- Serves the purge of expired sessions.
CREATE INDEX sessions_expires_idx ON identity.sessions (expires_at);

-- Verifying a bearer token reads its session and the session's account in one query.
CREATE VIEW identity.session_accounts AS
SELECT sessions.id                 AS session_id,
       sessions.account_id         AS account_id,
       sessions.created_at         AS session_created_at,
       sessions.expires_at         AS expires_at,
       accounts.email              AS email,
       accounts.email_normalized   AS email_normalized,
       accounts.display_name       AS display_name,
       accounts.password_hash      AS password_hash,
       accounts.created_at         AS account_created_at,
       accounts.updated_at         AS account_updated_at,
       accounts.version            AS account_version
FROM identity.sessions sessions
JOIN identity.accounts accounts ON accounts.id = sessions.account_id;

-- One row per failed sign-in. Emails here need not belong to an account (unknown emails are
-- throttled too), so there is no foreign key.
CREATE TABLE identity.sign_in_failures (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    email_normalized text                     NOT NULL,
    failed_at        timestamp with time zone NOT NULL,
    CONSTRAINT sign_in_failures_pk PRIMARY KEY (id)
);

-- Serves counting an email's recent failures and forgetting its old ones.
CREATE INDEX sign_in_failures_email_failed_idx ON identity.sign_in_failures (email_normalized, failed_at);
