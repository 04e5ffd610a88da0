-- The X-Request-Id of the HTTP request that asked for the decision, to join a decision record to the logs of its
-- request. Null for the decisions of portfolio runs (they carry run_id). One script for H2 and PostgreSQL.
alter table decision_record add column request_id varchar(64);
