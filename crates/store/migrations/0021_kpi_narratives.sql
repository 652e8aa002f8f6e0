-- What the data collectors write for a reporting round of an indicator (the
-- self-assessment report's four headings). The newest of a round counts;
-- the earlier ones stay as history.
CREATE TABLE kpi_narratives (
    id {id},
    indicator_id BIGINT NOT NULL REFERENCES kpi_indicators (id),
    round BIGINT NOT NULL,
    performance TEXT NOT NULL,
    explanation TEXT NOT NULL,
    factors TEXT NOT NULL,
    obstacles TEXT NOT NULL,
    written_by BIGINT REFERENCES users (id),
    written_at BIGINT NOT NULL
);
CREATE INDEX kpi_narratives_by_round ON kpi_narratives (indicator_id, round, id);
