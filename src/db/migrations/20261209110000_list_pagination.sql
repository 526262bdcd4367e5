-- The staff's lists, a page at a time (spec: Lists). The caseload finds a user's cases through two
-- indexed look-ups of the current assignments, one for the support person (support_assignment_current_by_user)
-- and this one for the named coordinator; an OR over both columns could use neither.
CREATE INDEX support_assignment_current_by_coordinator ON support_assignment (coordinator_user_id)
  WHERE ended_at IS NULL AND coordinator_user_id IS NOT NULL;
