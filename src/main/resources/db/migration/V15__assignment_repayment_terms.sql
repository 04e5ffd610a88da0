-- What a case's outcome is measured with, as it stood when the case was first assigned: its monthly instalment, the
-- day of the month instalments fall due and the borrower's time zone. The report then needs no stored case at all.
-- due_day 0: the case had no schedule when assigned (no instalment or nothing due); null: assigned before these
-- columns, when the report reads the stored case instead.
alter table experiment_assignment add column instalment numeric(19, 2);
alter table experiment_assignment add column due_day smallint;
alter table experiment_assignment add column time_zone varchar(64);
