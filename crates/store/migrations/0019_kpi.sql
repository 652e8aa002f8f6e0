-- The indicators the Center is scored on, per fiscal year (the KPI engine).
-- A year with no indicator stored is read as the predefined set (indicator 4);
-- the first write to a year stores that set, so every later change, value and
-- sign-off belongs to a row.

-- The scale of a year's scorecard, in ten-thousandths for its top score;
-- a year without a row scores 1–5.
CREATE TABLE kpi_scorecards (
    office_id BIGINT NOT NULL REFERENCES offices (id),
    fiscal_year BIGINT NOT NULL,
    scale_levels BIGINT NOT NULL,
    scale_top BIGINT NOT NULL,
    PRIMARY KEY (office_id, fiscal_year)
);

CREATE TABLE kpi_indicators (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    fiscal_year BIGINT NOT NULL,
    code TEXT NOT NULL,
    -- Order on the scorecard.
    position BIGINT NOT NULL,
    -- The JSON of the domain's indicator definition.
    definition TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (office_id, fiscal_year, code)
);

-- A range indicator's value entered by a collector for a reporting round;
-- the newest entry of a round counts, the earlier ones stay as history.
CREATE TABLE kpi_values (
    id {id},
    indicator_id BIGINT NOT NULL REFERENCES kpi_indicators (id),
    round BIGINT NOT NULL,
    -- Ten-thousandths.
    value BIGINT NOT NULL,
    note TEXT NOT NULL,
    entered_by BIGINT REFERENCES users (id),
    entered_at BIGINT NOT NULL
);
CREATE INDEX kpi_values_by_indicator ON kpi_values (indicator_id, entered_at);

-- The director's judgement of a milestone step, with the reason; the
-- newest one on a day decides the step as of that day.
CREATE TABLE kpi_sign_offs (
    id {id},
    indicator_id BIGINT NOT NULL REFERENCES kpi_indicators (id),
    step BIGINT NOT NULL,
    met BIGINT NOT NULL,
    reason TEXT NOT NULL,
    signed_by BIGINT REFERENCES users (id),
    signed_at BIGINT NOT NULL
);
CREATE INDEX kpi_sign_offs_by_indicator ON kpi_sign_offs (indicator_id, step, signed_at);

-- Evidence files of a value or a sign-off.
ALTER TABLE attachments ADD COLUMN kpi_value_id BIGINT REFERENCES kpi_values (id);
ALTER TABLE attachments ADD COLUMN kpi_sign_off_id BIGINT REFERENCES kpi_sign_offs (id);
