-- Milestone 1: submissions (requests, suggestions, complaints, compliments,
-- questions) and their timeline. The service-level clock is computed from
-- the timeline when read, so changing a target never loses paused time.

-- The last tracking sequence given out per office and fiscal year.
CREATE TABLE tracking_sequences (
    office_id BIGINT NOT NULL REFERENCES offices (id),
    fiscal_year BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (office_id, fiscal_year)
);

CREATE TABLE submissions (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    fiscal_year BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    -- SHA-256 of the secret token given with the tracking code.
    token_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    -- NULL: a general submission, not about one service.
    service_id BIGINT REFERENCES services (id),
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    -- Personal data: optional, purged after the retention period.
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    status TEXT NOT NULL,
    -- The staff member who logged a telephone, letter, walk-in or meeting submission.
    logged_by BIGINT REFERENCES users (id),
    assignee_id BIGINT REFERENCES users (id),
    -- When the reply and the next progress update fall due, computed from the
    -- timeline and the service's targets at every step (NULL while paused or answered).
    reply_due_at BIGINT,
    update_due_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    first_public_reply_at BIGINT,
    answered_at BIGINT,
    UNIQUE (office_id, fiscal_year, seq)
);
-- The inbox reads an office's submissions newest first; without this index a
-- bound office parameter led SQLite to sort the whole table (seconds at a million rows).
CREATE INDEX submissions_newest ON submissions (office_id, id);
CREATE INDEX submissions_inbox ON submissions (office_id, status, created_at);
CREATE INDEX submissions_by_service ON submissions (office_id, service_id, created_at);
CREATE INDEX submissions_due ON submissions (office_id, reply_due_at) WHERE answered_at IS NULL;

-- Everything that happened to a submission, oldest first: status changes,
-- public replies and internal notes.
CREATE TABLE submission_events (
    id {id},
    submission_id BIGINT NOT NULL REFERENCES submissions (id),
    at BIGINT NOT NULL,
    actor_id BIGINT REFERENCES users (id),
    -- The status entered by this event, when it changed the status.
    status TEXT,
    body TEXT,
    -- 1: shown to the submitter on the tracking page; 0: internal.
    public BIGINT NOT NULL
);
CREATE INDEX submission_events_by_submission ON submission_events (submission_id, id);

-- Service-level targets per service; a service without a row uses the
-- defaults of the Royal Decree on Good Governance (15 and 7 calendar days).
CREATE TABLE service_targets (
    service_id BIGINT PRIMARY KEY REFERENCES services (id),
    reply_days BIGINT NOT NULL,
    update_days BIGINT NOT NULL,
    day_count TEXT NOT NULL
);

-- Public holidays (Bangkok dates, YYYY-MM-DD) for targets counted in working days.
CREATE TABLE holidays (
    office_id BIGINT NOT NULL REFERENCES offices (id),
    day TEXT NOT NULL,
    name_th TEXT NOT NULL,
    PRIMARY KEY (office_id, day)
);
