-- The open matters a staff home counts (open, overdue, escalated, assigned,
-- per division) read from this index alone, however many closed ones the
-- years have gathered. Its condition is the home's, word for word, so that
-- both databases know the index holds every row the count needs.
CREATE INDEX submissions_open ON submissions (office_id, status, service_id, reply_due_at, answered_at, escalated_at, assignee_id)
    WHERE status IN ('received', 'acknowledged', 'in_progress', 'waiting_for_submitter');
