-- Evidence packs of a KPI round, made in the background: the row is the
-- job (its state and progress, refreshed as it runs) and, once done, what
-- the finished ZIP holds (its manifest's hash and the audit head it was
-- packed at). The file itself lives in the server's pack folder.
CREATE TABLE evidence_packs (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    fiscal_year BIGINT NOT NULL,
    round BIGINT NOT NULL,
    -- queued, running, done, failed
    state TEXT NOT NULL,
    done BIGINT NOT NULL,
    total BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    file_name TEXT,
    manifest_sha256 TEXT,
    audit_seq BIGINT,
    audit_head TEXT,
    -- The day the round was evaluated as of, and each step's result then (JSON).
    as_of TEXT,
    steps_json TEXT,
    error TEXT,
    requested_by BIGINT REFERENCES users (id),
    requested_at BIGINT NOT NULL,
    -- Refreshed with the progress: a running pack whose heartbeat stopped was cut short.
    heartbeat_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX evidence_packs_by_year ON evidence_packs (office_id, fiscal_year, id);
-- One pack runs at a time per office: a second claim fails on this index.
CREATE UNIQUE INDEX evidence_packs_one_running ON evidence_packs (office_id) WHERE state = 'running';

-- A round sealed by the director: the evaluation as it stood, the pack's
-- manifest hash and the audit head, frozen. A later seal of the same round
-- needs a reason; the earlier ones stay.
CREATE TABLE kpi_seals (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    fiscal_year BIGINT NOT NULL,
    round BIGINT NOT NULL,
    pack_id BIGINT NOT NULL REFERENCES evidence_packs (id),
    manifest_sha256 TEXT NOT NULL,
    audit_seq BIGINT NOT NULL,
    audit_head TEXT NOT NULL,
    -- The evaluation as the API gave it when sealed, and the day it was read up to.
    evaluation_json TEXT NOT NULL,
    as_of TEXT NOT NULL,
    -- Each step's result when sealed (JSON), to tell what changed since.
    steps_json TEXT NOT NULL,
    reason TEXT NOT NULL,
    sealed_by BIGINT REFERENCES users (id),
    sealed_by_label TEXT NOT NULL,
    sealed_at BIGINT NOT NULL
);
CREATE INDEX kpi_seals_by_round ON kpi_seals (office_id, fiscal_year, round, id);

-- The evaluators' remarks on a sealed round's steps, and the answers of
-- the director and the collectors.
CREATE TABLE kpi_seal_comments (
    id {id},
    seal_id BIGINT NOT NULL REFERENCES kpi_seals (id),
    step BIGINT NOT NULL,
    body TEXT NOT NULL,
    author_id BIGINT REFERENCES users (id),
    author_label TEXT NOT NULL,
    author_role TEXT NOT NULL,
    written_at BIGINT NOT NULL
);
CREATE INDEX kpi_seal_comments_by_seal ON kpi_seal_comments (seal_id, step, id);
