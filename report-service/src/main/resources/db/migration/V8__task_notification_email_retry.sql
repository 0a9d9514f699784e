-- Issue 14, reminders: when the next e-mail attempt of a notification may be made. It is both the
-- back-off after a failed attempt and the claim of the sweep that is sending it (set to now + a few SMTP timeouts
-- before the conversation starts), so two sweeps racing for a moment never e-mail the same notification twice.
-- NULL: may be attempted now.
ALTER TABLE task_notification ADD COLUMN email_next_attempt_at DATETIME(6);
