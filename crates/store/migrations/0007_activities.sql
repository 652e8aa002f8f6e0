-- Milestone 2: relationship activities and their registrations.
CREATE TABLE activities (
    id {id},
    office_id BIGINT NOT NULL REFERENCES offices (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    venue TEXT NOT NULL,
    capacity BIGINT NOT NULL,
    -- Places taken; changed only by a guarded UPDATE in the registering
    -- transaction, so it never passes capacity, even under concurrency.
    registered BIGINT NOT NULL DEFAULT 0,
    registration_opens_at BIGINT NOT NULL,
    registration_closes_at BIGINT NOT NULL,
    division_id BIGINT REFERENCES divisions (id),
    -- planned, held, cancelled or postponed ("open" and "full" are derived).
    status TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    CHECK (registered >= 0 AND registered <= capacity)
);
CREATE INDEX activities_by_start ON activities (office_id, starts_at);

CREATE TABLE activity_groups (
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    PRIMARY KEY (activity_id, group_id)
);

CREATE TABLE activity_services (
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    service_id BIGINT NOT NULL REFERENCES services (id),
    PRIMARY KEY (activity_id, service_id)
);

CREATE TABLE registrations (
    id {id},
    activity_id BIGINT NOT NULL REFERENCES activities (id),
    code TEXT NOT NULL UNIQUE,
    group_id BIGINT NOT NULL REFERENCES stakeholder_groups (id),
    -- Personal data: erased on request, keeping the anonymous counts.
    name TEXT,
    organisation TEXT,
    email TEXT,
    phone TEXT,
    -- registered, waitlisted or cancelled.
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT,
    checked_in_at BIGINT
);
CREATE INDEX registrations_by_activity ON registrations (activity_id, status, id);
-- One live registration per e-mail address and activity.
CREATE UNIQUE INDEX registrations_one_per_email ON registrations (activity_id, email)
    WHERE email IS NOT NULL AND status <> 'cancelled';
