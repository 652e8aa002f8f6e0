-- When a registrant's personal data was erased on request (the row stays,
-- anonymous, so that counts of registration and attendance still add up).
ALTER TABLE registrations ADD COLUMN erased_at BIGINT;
-- Invitations are listed per activity and counted per contact.
CREATE INDEX invitations_by_contact ON invitations (contact_id);
