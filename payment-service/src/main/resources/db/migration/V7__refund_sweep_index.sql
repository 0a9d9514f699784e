-- The sweep asks for refunds still SUBMITTED and older than two request timeouts, oldest first
-- (RefundRepository.submittedBefore: state = 'SUBMITTED' AND requested_at < ? ORDER BY requested_at): without this
-- index each pass scans the whole refund table, which only grows.
CREATE INDEX ix_refund_state_requested ON refund (state, requested_at);
