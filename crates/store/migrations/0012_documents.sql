-- Versioned documents that are reviewed, approved and published: the
-- citizen manual of each service (milestone 4) and, later, staff work
-- manuals (milestone 5). Every version is kept; content is the JSON of the
-- domain's document type.

CREATE TABLE documents (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    -- citizen-manual (later: work-manual)
    kind TEXT NOT NULL,
    -- The service a citizen manual is about.
    service_id BIGINT REFERENCES services (id),
    -- Whose officers write it and whose collector approves it.
    division_id BIGINT NOT NULL REFERENCES divisions (id),
    created_at BIGINT NOT NULL,
    UNIQUE (office_id, kind, service_id)
);

CREATE TABLE document_versions (
    id {id},
    document_id BIGINT NOT NULL REFERENCES documents (id),
    revision BIGINT NOT NULL,
    -- draft, in_review, approved, published
    stage TEXT NOT NULL,
    content TEXT NOT NULL,
    change_summary TEXT NOT NULL,
    -- The reviewer's comment when a version is sent back.
    review_comment TEXT NOT NULL,
    author_id BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT,
    approved_by BIGINT REFERENCES users (id),
    approved_at BIGINT,
    published_by BIGINT REFERENCES users (id),
    -- When the version takes effect; set on publishing (may be in the future).
    publish_at BIGINT,
    -- The content's words as the product's segmenter cuts them, space separated.
    search_text TEXT NOT NULL,
    UNIQUE (document_id, revision)
);
CREATE INDEX document_versions_published ON document_versions (stage, publish_at);

CREATE TABLE announcements (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    version_id BIGINT NOT NULL UNIQUE REFERENCES document_versions (id),
    announced_on TEXT NOT NULL,
    -- Channel codes, comma separated, in the order chosen.
    channels TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Evidence of an announcement: a scanned letter, a photo of the notice board.
ALTER TABLE attachments ADD COLUMN announcement_id BIGINT REFERENCES announcements (id);
CREATE INDEX attachments_by_announcement ON attachments (announcement_id, id);

--@sqlite
CREATE VIRTUAL TABLE document_search USING fts5(
    search_text, content = 'document_versions', content_rowid = 'id', tokenize = 'unicode61'
);
CREATE TRIGGER document_search_insert AFTER INSERT ON document_versions BEGIN
    INSERT INTO document_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER document_search_update AFTER UPDATE OF search_text ON document_versions BEGIN
    INSERT INTO document_search (document_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO document_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER document_search_delete AFTER DELETE ON document_versions BEGIN
    INSERT INTO document_search (document_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--@postgres
-- The words are already cut: the index takes them as lexemes as they are,
-- without PostgreSQL's parser, which would depend on the server's locale.
CREATE INDEX document_versions_search ON document_versions
    USING gin (array_to_tsvector(string_to_array(search_text, ' ')));
--@end
