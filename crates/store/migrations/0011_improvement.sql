-- Milestone 3's loop: improvement actions from what surveys found, and the
-- service standards each service is held to per fiscal year.

CREATE TABLE improvement_actions (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    campaign_id BIGINT REFERENCES campaigns (id),
    -- item, dimension or comment; and which (an item or dimension code, a response id).
    source TEXT NOT NULL,
    source_ref TEXT NOT NULL,
    service_id BIGINT REFERENCES services (id),
    what TEXT NOT NULL,
    owner TEXT NOT NULL,
    division_id BIGINT REFERENCES divisions (id),
    due_on TEXT NOT NULL,
    -- planned, in-progress or done
    status TEXT NOT NULL,
    progress BIGINT NOT NULL,
    -- Shown on the public "you said, we did" page, in staff's words, when set.
    public_text TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX improvement_actions_by_campaign ON improvement_actions (office_id, campaign_id, id);

CREATE TABLE service_standards (
    office_id BIGINT NOT NULL REFERENCES offices (id),
    service_id BIGINT NOT NULL REFERENCES services (id),
    fiscal_year BIGINT NOT NULL,
    -- Tenths of a percent (850 = 85.0 %); NULL when not set.
    satisfied_min_permille BIGINT,
    dissatisfied_max_permille BIGINT,
    resolution_days BIGINT,
    PRIMARY KEY (office_id, service_id, fiscal_year)
);

-- A follow-up of an activity may answer through an improvement action.
ALTER TABLE follow_ups ADD COLUMN improvement_id BIGINT REFERENCES improvement_actions (id);
