-- What GET /v1/sessions/me asks of PostgreSQL, without the application: the session and its account,
-- read through the identity schema's view by session id. bench/run runs it with -M prepared (as the
-- JDBC driver prepares the app's statement) and -D session=<the bench account's session id>.
SELECT session_id, account_id, session_created_at, expires_at, email, email_normalized, display_name,
       password_hash, account_created_at, account_updated_at, account_version
FROM identity.session_accounts
WHERE session_id = :session;
