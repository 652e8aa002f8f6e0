-- The evaluating committee's score of an indicator for a reporting round,
-- entered by an evaluator: the second column of the evaluation form. The
-- newest of an indicator counts; the earlier ones stay as history.
CREATE TABLE kpi_assessments (
    id {id},
    indicator_id BIGINT NOT NULL REFERENCES kpi_indicators (id),
    round BIGINT NOT NULL,
    -- Ten-thousandths, on the year's scale.
    score BIGINT NOT NULL,
    note TEXT NOT NULL,
    assessed_by BIGINT REFERENCES users (id),
    assessed_at BIGINT NOT NULL
);
CREATE INDEX kpi_assessments_by_indicator ON kpi_assessments (indicator_id, assessed_at);
