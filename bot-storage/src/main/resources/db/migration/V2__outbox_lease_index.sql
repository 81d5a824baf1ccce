-- Abandoned claims (a crashed worker) are found by their lease, not by scanning every row being sent.
CREATE INDEX ix_outbox_lease ON outbox (status, lease_until);
