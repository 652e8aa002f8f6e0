-- Consultations: a draft put before the public between two dates, its
-- moderated comments, and the response published after it closes.
CREATE TABLE consultations (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    draft TEXT NOT NULL,
    -- Bangkok dates (YYYY-MM-DD), both inclusive.
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    response TEXT,
    responded_at BIGINT
);
CREATE INDEX consultations_newest ON consultations (office_id, id);

CREATE TABLE consultation_groups (
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    PRIMARY KEY (consultation_id, group_id)
);

CREATE TABLE consultation_comments (
    id {id},
    consultation_id BIGINT NOT NULL REFERENCES consultations (id),
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    body TEXT NOT NULL,
    -- Shown with a published comment when given.
    name TEXT,
    organisation TEXT,
    -- Personal data, never shown: kept to answer the person.
    email TEXT,
    created_at BIGINT NOT NULL,
    -- pending, published or rejected.
    moderation TEXT NOT NULL,
    moderated_by BIGINT REFERENCES users (id),
    moderated_at BIGINT
);
CREATE INDEX consultation_comments_by_consultation ON consultation_comments (consultation_id, moderation, id);

-- The draft document of a consultation, stored like a submission's files.
ALTER TABLE attachments ADD COLUMN consultation_id BIGINT REFERENCES consultations (id);
CREATE INDEX attachments_by_consultation ON attachments (consultation_id, id);
