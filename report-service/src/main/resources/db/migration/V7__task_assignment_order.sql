-- Issue 14: the order AssignTask named the assignees in (V6's key is (task_id, unit_code), which sorts by
-- code): the board, a task's assignments and a campaign's consolidation list units in the issuer's order. The
-- campaign issuer's UPWARD row comes after its assignees.
ALTER TABLE task_assignment ADD COLUMN ordinal INT NOT NULL DEFAULT 0;
