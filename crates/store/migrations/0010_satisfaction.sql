-- Milestone 3: questionnaires and their versions, survey campaigns, the
-- responses, and the aggregate cells that reports read instead of answers.

CREATE TABLE questionnaires (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    name TEXT NOT NULL,
    -- 'standard' for the built-in questionnaire; NULL for the Center's own.
    builtin TEXT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX questionnaires_by_builtin ON questionnaires (office_id, builtin);

CREATE TABLE questionnaire_versions (
    id {id},
    questionnaire_id BIGINT NOT NULL REFERENCES questionnaires (id),
    version BIGINT NOT NULL,
    -- Sections and items as JSON; never changed once a response uses them.
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- Set by the first response: from then on an edit makes a new version.
    locked_at BIGINT,
    UNIQUE (questionnaire_id, version)
);

CREATE TABLE campaigns (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    name TEXT NOT NULL,
    version_id BIGINT NOT NULL REFERENCES questionnaire_versions (id),
    fiscal_year BIGINT NOT NULL,
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    -- anonymous, token or identified
    mode TEXT NOT NULL,
    -- equal (0.8-wide bands) or rounded (bands around the integers)
    band_scheme TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX campaigns_by_office ON campaigns (office_id, opens_at);

CREATE TABLE campaign_services (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    service_id BIGINT NOT NULL REFERENCES services (id),
    PRIMARY KEY (campaign_id, service_id)
);

CREATE TABLE campaign_groups (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    -- How many people the group has, for Taro Yamane's sample size; NULL when unknown.
    population BIGINT,
    PRIMARY KEY (campaign_id, group_id)
);

CREATE TABLE responses (
    id {id},
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    service_id BIGINT NOT NULL REFERENCES services (id),
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    -- Anonymous and token campaigns keep the day only (Bangkok midnight).
    received_at BIGINT NOT NULL,
    -- The Bangkok month (yyyymm) its cells count it in.
    month BIGINT NOT NULL,
    -- web or paper
    source TEXT NOT NULL,
    -- 1 when any five-point answer is 1 or 2.
    dissatisfied BIGINT NOT NULL,
    -- Identified campaigns only.
    respondent_name TEXT,
    respondent_email TEXT
);
CREATE INDEX responses_by_campaign ON responses (campaign_id, dissatisfied, id);

CREATE TABLE answers (
    response_id BIGINT NOT NULL REFERENCES responses (id),
    item TEXT NOT NULL,
    -- 1..5 for a five-point item (NULL: not applicable), 0..10 for the recommendation.
    score BIGINT,
    -- A choice code, choice codes as a JSON array, or a text.
    value TEXT,
    PRIMARY KEY (response_id, item)
);

-- The cells, updated in the same transaction as each response. Each is a
-- sum, so cells of any selection add up to the figures of its answers.
CREATE TABLE response_cells (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    service_id BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    month BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    dissatisfied BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, service_id, group_id, month)
);

CREATE TABLE item_cells (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    service_id BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    month BIGINT NOT NULL,
    item TEXT NOT NULL,
    c1 BIGINT NOT NULL,
    c2 BIGINT NOT NULL,
    c3 BIGINT NOT NULL,
    c4 BIGINT NOT NULL,
    c5 BIGINT NOT NULL,
    na BIGINT NOT NULL,
    -- Over the respondents who scored every item of this item's dimension
    -- (for Cronbach's alpha): the sum and sum of squares of this item.
    complete_sum BIGINT NOT NULL,
    complete_squares BIGINT NOT NULL,
    -- The same over the respondents who scored every five-point item (the
    -- overall alpha).
    all_complete_sum BIGINT NOT NULL,
    all_complete_squares BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, service_id, group_id, month, item)
);

-- Per dimension ('' for all five-point items together): the respondents
-- who scored every item of it, and the sum and sum of squares of their totals.
CREATE TABLE dimension_cells (
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    service_id BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    month BIGINT NOT NULL,
    dimension TEXT NOT NULL,
    complete BIGINT NOT NULL,
    total_sum BIGINT NOT NULL,
    total_squares BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, service_id, group_id, month, dimension)
);

-- Single-use tokens of token campaigns. Who received one is kept here and
-- nowhere else; nothing (no time, no order) ties a token to a response.
CREATE TABLE survey_tokens (
    id {id},
    campaign_id BIGINT NOT NULL REFERENCES campaigns (id),
    token_hash TEXT NOT NULL UNIQUE,
    recipient TEXT,
    issued_at BIGINT NOT NULL,
    used BIGINT NOT NULL
);
