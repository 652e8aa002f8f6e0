-- Automatic survey invitations: a token campaign invites a sample of the
-- people whose requests for a service were resolved, some hours later,
-- with a single-use link that expires.
ALTER TABLE campaign_services ADD COLUMN invite_rate BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_services ADD COLUMN invite_delay_hours BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_services ADD COLUMN invite_expiry_days BIGINT NOT NULL DEFAULT 14;
-- NULL: valid until the campaign closes.
ALTER TABLE survey_tokens ADD COLUMN expires_at BIGINT;
