-- A decision record keeps the request and the conclusions (the reasons' codes, rules and sources), JSON deflated
-- against a fixed dictionary (org.autocollections.audit.RecordPayload), instead of the request and the whole response
-- as text: about 0.25 KB per decision in place of 13 KB before compression. The reasons' words and the fired rules
-- are given back by deciding the recorded request again with the recorded version (GET /api/v1/decisions/{id}).
-- Records written before this stay as they are, and are read as they were: the database refuses to rewrite them (V8).
-- One script for H2 and PostgreSQL (BYTEA is binary varying in both).
alter table decision_record add column payload bytea;
alter table decision_record alter column request drop not null;
alter table decision_record alter column response drop not null;
alter table decision_record add constraint decision_record_content
    check (payload is not null or (request is not null and response is not null));
