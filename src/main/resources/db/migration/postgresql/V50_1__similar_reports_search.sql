-- Similar reports: trigram similarity of titles (pg_trgm, a trusted extension the database's
-- owner may create) beside full-text search with the indonesian configuration.
create extension if not exists pg_trgm;
create index report_title_trigram on report using gin (title gin_trgm_ops);
