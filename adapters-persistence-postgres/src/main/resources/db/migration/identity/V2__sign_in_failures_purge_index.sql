-- Serves the periodic purge of every email's failed sign-ins older than the lock-out window
-- (IdentityStore.deleteSignInFailuresBefore), which the (email_normalized, failed_at) index cannot.
CREATE INDEX sign_in_failures_failed_idx ON ${flyway:defaultSchema}.sign_in_failures (failed_at);
