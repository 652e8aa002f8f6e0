-- Whether the answer came within the service's reply target (1 or 0), fixed
-- when the submission is answered; NULL while it is open. Reports count it.
ALTER TABLE submissions ADD COLUMN reply_met BIGINT;
CREATE INDEX submissions_by_created ON submissions (office_id, created_at);

-- "You said, we did": a resolved suggestion or complaint that staff chose to
-- publish, in words free of personal data, with the action taken.
ALTER TABLE submissions ADD COLUMN published_said TEXT;
ALTER TABLE submissions ADD COLUMN published_did TEXT;
ALTER TABLE submissions ADD COLUMN published_at BIGINT;
CREATE INDEX submissions_published ON submissions (office_id, published_at) WHERE published_at IS NOT NULL;
