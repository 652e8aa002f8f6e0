-- Submissions counted per fiscal year (of filing), channel and Bangkok day
-- (days since 1970-01-01), so that indicator 4's first step reads a few
-- thousand rows instead of every submission of the year:
-- `received` on the day of filing, `answered` and `answered_in_time` on the
-- day of the first answer. Kept by the writes that change them
-- (`store/src/participation/cells.rs`); filled here from what is stored.
CREATE TABLE submission_cells (
    office_id BIGINT NOT NULL,
    fiscal_year BIGINT NOT NULL,
    channel TEXT NOT NULL,
    day BIGINT NOT NULL,
    received BIGINT NOT NULL DEFAULT 0,
    answered BIGINT NOT NULL DEFAULT 0,
    answered_in_time BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (office_id, fiscal_year, channel, day)
);

INSERT INTO submission_cells (office_id, fiscal_year, channel, day, received, answered, answered_in_time)
SELECT office_id, fiscal_year, channel, day, SUM(received), SUM(answered), SUM(met)
FROM (
    SELECT office_id, fiscal_year, channel, (created_at + 25200000) / 86400000 AS day,
           1 AS received, 0 AS answered, 0 AS met
    FROM submissions
    UNION ALL
    SELECT office_id, fiscal_year, channel, (answered_at + 25200000) / 86400000, 0, 1, reply_met
    FROM submissions WHERE reply_met IS NOT NULL AND answered_at IS NOT NULL
) x
GROUP BY office_id, fiscal_year, channel, day;
