-- Mail written in the same transaction as the change that causes it and
-- sent later by SMTP; without SMTP it stays here for administrators to see.
CREATE TABLE outbox (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- Erased once sent: it may carry a secret tracking link.
    body TEXT,
    purpose TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    -- A sender working on the message holds it until then, so that two
    -- processes never send it twice.
    claimed_until BIGINT,
    sent_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX outbox_newest ON outbox (office_id, id);

-- Files attached to a submission, type checked by content. Kept in the
-- database so that one backup holds everything.
CREATE TABLE attachments (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    submission_id BIGINT REFERENCES submissions (id),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {blob} NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_by_submission ON attachments (submission_id, id);

-- A retried public submission with the same Idempotency-Key returns the first
-- result. Only hashes are kept: the tracking token of the first result is
-- derived again from the key the client sends and this row's salt.
CREATE TABLE idempotency_keys (
    office_id BIGINT NOT NULL REFERENCES offices (id),
    key_hash TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    salt TEXT NOT NULL,
    submission_id BIGINT NOT NULL REFERENCES submissions (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (office_id, key_hash)
);

-- A submission marked as a duplicate points to the one it was merged into.
ALTER TABLE submissions ADD COLUMN duplicate_of BIGINT REFERENCES submissions (id);
-- When the division's collectors were told that the reply target passed.
ALTER TABLE submissions ADD COLUMN escalated_at BIGINT;

-- Things that happened which later milestones act on, in order: a resolved
-- request invites its submitter to a satisfaction survey (milestone 3).
CREATE TABLE domain_events (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    kind TEXT NOT NULL,
    submission_id BIGINT REFERENCES submissions (id),
    at BIGINT NOT NULL,
    processed_at BIGINT
);
CREATE INDEX domain_events_pending ON domain_events (kind, id) WHERE processed_at IS NULL;
