-- The trace id (W3C Trace Context: 32 lowercase hex digits) of the request that asked for the decision, to find the
-- decision's trace in a tracing backend and its log lines. Null while traces are off, and for the decisions of
-- portfolio runs (they carry run_id). One script for H2 and PostgreSQL.
alter table decision_record add column trace_id varchar(32);
