-- Which of the three notices permitted after a cease-communication request a logged contact was (Regulation F,
-- 12 CFR 1006.6(c)); null for an ordinary contact. One script for H2 and PostgreSQL.
alter table contact_entry add column purpose varchar(32);
