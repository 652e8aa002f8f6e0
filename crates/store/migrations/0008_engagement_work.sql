-- Milestone 2 at work: cancelling by link, walk-ins, outcomes, follow-ups,
-- the stakeholder directory and invitations.

-- The secret of the link in a registration's confirmation (hashed, as
-- tracking tokens are): it shows the registration and cancels it.
ALTER TABLE registrations ADD COLUMN token_hash TEXT;
CREATE UNIQUE INDEX registrations_by_token ON registrations (token_hash);

-- After the activity: what was said and decided.
ALTER TABLE activities ADD COLUMN minutes TEXT;
ALTER TABLE activities ADD COLUMN minutes_at BIGINT;

-- Photos of the activity, images only, with a small thumbnail for lists.
CREATE TABLE activity_photos (
    id {id},
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content {blob} NOT NULL,
    thumbnail {blob} NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX activity_photos_by_activity ON activity_photos (activity_id, id);

-- Follow-up actions decided at an activity, tracked to done.
CREATE TABLE follow_ups (
    id {id},
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    what TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT NOT NULL,
    -- open or done
    status TEXT NOT NULL,
    submission_id BIGINT REFERENCES submissions (id),
    created_at BIGINT NOT NULL,
    done_at BIGINT
);
CREATE INDEX follow_ups_by_activity ON follow_ups (activity_id, id);

-- The stakeholder directory: organisations and the people to contact there.
CREATE TABLE organisations (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    name TEXT NOT NULL,
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    province TEXT,
    org_type TEXT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX organisations_by_name ON organisations (office_id, name);

CREATE TABLE contacts (
    id {id},
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    -- Personal data: erased on request (erased_at set, these emptied).
    name TEXT,
    position TEXT,
    email TEXT,
    phone TEXT,
    -- Why the Center may keep this contact under the PDPA, and since when.
    pdpa_basis TEXT NOT NULL,
    given_on TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    erased_at BIGINT
);
CREATE INDEX contacts_by_organisation ON contacts (organisation_id, id);

-- The directory contact a registration came from, when it came from an invitation.
ALTER TABLE registrations ADD COLUMN contact_id BIGINT REFERENCES contacts (id);

-- Who was invited to what (the printable invitation list).
CREATE TABLE invitations (
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    contact_id BIGINT NOT NULL REFERENCES contacts (id),
    invited_at BIGINT NOT NULL,
    PRIMARY KEY (activity_id, contact_id)
);
