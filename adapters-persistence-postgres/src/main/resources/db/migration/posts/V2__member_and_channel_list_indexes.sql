-- Keyset pagination of the lists added with them: a channel's members, earliest joined first by
-- (joined_at, account_id), and an account's channels, newest first by (created_at, id), reached
-- through members_account_idx. Runs unchanged on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode.

CREATE INDEX members_channel_joined_idx ON ${flyway:defaultSchema}.members (channel_id, joined_at, account_id);
CREATE INDEX channels_created_idx ON ${flyway:defaultSchema}.channels (created_at, id);
