-- Rate limits shared by every gateway replica (vn.motcua.gateway.ratelimit.DatabaseRateLimiter, ADR 0011): one row
-- per client key ("sub:<token subject>", "ip:<address>", "provider-ip:<address>"), holding the bucket as the
-- generic cell rate algorithm's theoretical arrival time in microseconds since the epoch (UTC). A request is admitted
-- by one conditional UPDATE of the row; a row whose time has passed is a full bucket and is deleted by the sweep
-- (lease gateway-rate-limit-sweep), hence the index on tat_micros. Rows are created on a client's first request.
CREATE TABLE gateway_rate_limit (
    client_key VARCHAR(160) NOT NULL PRIMARY KEY,
    tat_micros BIGINT       NOT NULL
) DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_gateway_rate_limit_tat ON gateway_rate_limit (tat_micros);
