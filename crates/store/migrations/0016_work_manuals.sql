-- Staff work manuals (milestone 5) under document control: several per
-- service, each with a code, numbered revisions signed by three different
-- people, periodic reviews, and the acknowledgements of the staff it is
-- addressed to. A revision's content is the JSON of the domain's type.

-- The position printed under an official's name on approvals.
ALTER TABLE users ADD COLUMN job_title TEXT NOT NULL DEFAULT '';

CREATE TABLE work_manuals (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    service_id BIGINT NOT NULL REFERENCES services (id),
    -- Whose officers write it and whose collector reviews it.
    division_id BIGINT NOT NULL REFERENCES divisions (id),
    code TEXT NOT NULL,
    title_th TEXT NOT NULL,
    title_en TEXT NOT NULL,
    -- Who must read it: role codes and division codes, comma separated;
    -- empty for any.
    audience_roles TEXT NOT NULL,
    audience_divisions TEXT NOT NULL,
    -- When it was made public (its effective revision listed for the public).
    public_since BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (office_id, code)
);
CREATE INDEX work_manuals_by_service ON work_manuals (office_id, service_id);
CREATE INDEX work_manuals_by_division ON work_manuals (office_id, division_id);

CREATE TABLE work_manual_revisions (
    id {id},
    work_manual_id BIGINT NOT NULL REFERENCES work_manuals (id),
    -- 0, 1, 2 … for each major revision; corrections counted under it.
    number BIGINT NOT NULL,
    correction BIGINT NOT NULL,
    -- draft, in_review, reviewed, approved
    stage TEXT NOT NULL,
    content TEXT NOT NULL,
    -- SHA-256 of the canonical content, printed in the footer.
    content_hash TEXT NOT NULL,
    -- major or minor, with the author's reason for a minor one.
    change_kind TEXT NOT NULL,
    change_reason TEXT NOT NULL,
    change_summary TEXT NOT NULL,
    -- 1 when the staff addressed must read it again, else 0.
    requires_reading BIGINT NOT NULL,
    -- The reviewer's or approver's comment when it was sent back.
    return_comment TEXT NOT NULL,
    -- ISO date it takes effect; set on approval.
    effective_on TEXT,
    -- When the staff addressed were told to read it.
    readers_notified_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    -- The content's words as the product's segmenter cuts them, space separated.
    search_text TEXT NOT NULL,
    UNIQUE (work_manual_id, number, correction)
);
CREATE INDEX work_manual_revisions_by_stage ON work_manual_revisions (stage, effective_on);

-- Who wrote, reviewed and approved a revision, with the name and position
-- they signed under at the time.
CREATE TABLE work_manual_signatures (
    id {id},
    revision_id BIGINT NOT NULL REFERENCES work_manual_revisions (id),
    -- author, reviewer, approver
    duty TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    job_title TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    UNIQUE (revision_id, duty)
);

CREATE TABLE work_manual_reviews (
    id {id},
    work_manual_id BIGINT NOT NULL REFERENCES work_manuals (id),
    -- The revision in force that was reviewed.
    revision_id BIGINT NOT NULL REFERENCES work_manual_revisions (id),
    reviewed_on TEXT NOT NULL,
    reviewer_id BIGINT NOT NULL REFERENCES users (id),
    -- no_change or revise
    outcome TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX work_manual_reviews_by_manual ON work_manual_reviews (work_manual_id, reviewed_on);

-- "I have read and understood": once per account and major revision; a
-- minor correction keeps it.
CREATE TABLE work_manual_acknowledgements (
    id {id},
    work_manual_id BIGINT NOT NULL REFERENCES work_manuals (id),
    number BIGINT NOT NULL,
    -- The revision read, and the hash of what it said.
    revision_id BIGINT NOT NULL REFERENCES work_manual_revisions (id),
    content_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    acknowledged_at BIGINT NOT NULL,
    UNIQUE (work_manual_id, number, user_id)
);

--@sqlite
CREATE VIRTUAL TABLE work_manual_search USING fts5(
    search_text, content = 'work_manual_revisions', content_rowid = 'id', tokenize = 'unicode61'
);
CREATE TRIGGER work_manual_search_insert AFTER INSERT ON work_manual_revisions BEGIN
    INSERT INTO work_manual_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER work_manual_search_update AFTER UPDATE OF search_text ON work_manual_revisions BEGIN
    INSERT INTO work_manual_search (work_manual_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO work_manual_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER work_manual_search_delete AFTER DELETE ON work_manual_revisions BEGIN
    INSERT INTO work_manual_search (work_manual_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--@postgres
CREATE INDEX work_manual_revisions_search ON work_manual_revisions
    USING gin (array_to_tsvector(string_to_array(search_text, ' ')));
--@end
