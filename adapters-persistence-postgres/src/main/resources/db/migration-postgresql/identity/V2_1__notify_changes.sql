-- PostgreSQL only (see Dialect): announce every change that can make a verified session wrong, so
-- that the app's session cache (CachingIdentityStore, fed by IdentityChangeListener) on every
-- instance drops it. A session deleted (sign-out, sign-out everywhere, the password change that ends
-- the other sessions, expiry housekeeping, the cascade of an account's deletion) or an account
-- updated or deleted sends the account's id on the channel "strata.<this schema>". pg_notify in a
-- trigger runs in the changing transaction, so listeners hear of it when, and only if, it commits;
-- identical notifications of one transaction are delivered once.
-- Statement-level triggers with transition tables: one notification per account, not per row, when
-- the housekeeping deletes many sessions at once.

CREATE FUNCTION ${flyway:defaultSchema}.notify_session_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('strata.' || TG_TABLE_SCHEMA, account_id)
    FROM (SELECT DISTINCT account_id FROM old_rows) AS changed;
    RETURN NULL;
END
$$;

CREATE FUNCTION ${flyway:defaultSchema}.notify_account_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('strata.' || TG_TABLE_SCHEMA, id) FROM old_rows;
    RETURN NULL;
END
$$;

CREATE TRIGGER notify_change_sessions_deleted AFTER DELETE ON ${flyway:defaultSchema}.sessions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${flyway:defaultSchema}.notify_session_changes();

CREATE TRIGGER notify_change_sessions_updated AFTER UPDATE ON ${flyway:defaultSchema}.sessions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${flyway:defaultSchema}.notify_session_changes();

CREATE TRIGGER notify_change_accounts_deleted AFTER DELETE ON ${flyway:defaultSchema}.accounts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${flyway:defaultSchema}.notify_account_changes();

CREATE TRIGGER notify_change_accounts_updated AFTER UPDATE ON ${flyway:defaultSchema}.accounts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ${flyway:defaultSchema}.notify_account_changes();
