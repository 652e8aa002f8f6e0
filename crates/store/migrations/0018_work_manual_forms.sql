-- The forms a work manual's revisions link to: files kept with the manual,
-- across revisions, as a citizen manual's are kept with its document.
ALTER TABLE attachments ADD COLUMN work_manual_id BIGINT REFERENCES work_manuals (id);
CREATE INDEX attachments_by_work_manual ON attachments (work_manual_id, id);
