-- Search in the inbox finds any fragment of a subject or details, Thai
-- (written without spaces) included, through a trigram index on each
-- database: no word segmentation, so a name, a phone number or half a word
-- is found exactly as LIKE would find it, only without reading every row.
--@sqlite
CREATE VIRTUAL TABLE submissions_search USING fts5(
    subject, details, content = 'submissions', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER submissions_search_insert AFTER INSERT ON submissions BEGIN
    INSERT INTO submissions_search (rowid, subject, details) VALUES (new.id, new.subject, new.details);
END;
CREATE TRIGGER submissions_search_update AFTER UPDATE OF subject, details ON submissions BEGIN
    INSERT INTO submissions_search (submissions_search, rowid, subject, details)
        VALUES ('delete', old.id, old.subject, old.details);
    INSERT INTO submissions_search (rowid, subject, details) VALUES (new.id, new.subject, new.details);
END;
CREATE TRIGGER submissions_search_delete AFTER DELETE ON submissions BEGIN
    INSERT INTO submissions_search (submissions_search, rowid, subject, details)
        VALUES ('delete', old.id, old.subject, old.details);
END;
INSERT INTO submissions_search (submissions_search) VALUES ('rebuild');
--@postgres
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX submissions_subject_trgm ON submissions USING gin (LOWER(subject) gin_trgm_ops);
CREATE INDEX submissions_details_trgm ON submissions USING gin (LOWER(details) gin_trgm_ops);
--@end
