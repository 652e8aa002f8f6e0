-- Files that belong to a document across its versions: the forms a citizen
-- manual offers for download. A version links to a file by its address; the
-- public is served a file only while the version in force links to it.
ALTER TABLE attachments ADD COLUMN document_id BIGINT REFERENCES documents (id);
CREATE INDEX attachments_by_document ON attachments (document_id, id);
