-- PostgreSQL only (H2 has neither extensions nor trigram indexes; see Dialect): a trigram GIN
-- index on the post body, so that the case-insensitive substring search of GET /v1/posts?q=
-- (body ILIKE '%...%') is served by the index rather than by reading every post.
-- pg_trgm ships with PostgreSQL's contrib and is a trusted extension (PostgreSQL 13+): the owner
-- of the database may create it. Where the role may not, a superuser runs this CREATE EXTENSION
-- once beforehand and the IF NOT EXISTS makes it a no-op here.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX posts_body_trigram_idx ON ${flyway:defaultSchema}.posts USING gin (body public.gin_trgm_ops);
