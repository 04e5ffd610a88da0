-- Portfolio runs: the nightly scoring of every stored case (or of a file), split into shards that separate
-- processes may score against the same database, each resumable from its last committed chunk.

create table portfolio_run (
    run_id          varchar(64) primary key,
    source          varchar(16) not null,   -- STORED: the stored cases; FILE: a file of cases, written to a file
    input           varchar(500),
    output          varchar(500),
    ruleset_version varchar(16) not null,
    as_of           timestamp with time zone not null,
    shard_count     integer not null,
    previous_run_id varchar(64),            -- the run the roll between buckets is measured from
    status          varchar(16) not null,   -- RUNNING, COMPLETED, CANCELLED, FAILED
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    summary         varchar                 -- JSON, written when the last shard completes
);

create index portfolio_run_created on portfolio_run (created_at);

create table portfolio_run_shard (
    run_id          varchar(64) not null references portfolio_run (run_id),
    shard_index     integer not null,
    status          varchar(16) not null,
    total           bigint not null,
    scored          bigint not null,
    failed          bigint not null,
    checkpoint      varchar(200),           -- where the last committed chunk ended: a case id, or line:byte of a file
    tally           varchar,                -- JSON: the shard's counts and totals so far, committed with its checkpoint
    started_at      timestamp with time zone not null,
    resumed_at      timestamp with time zone not null,
    scored_at_resume bigint not null,
    updated_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    error           varchar(2000),
    primary key (run_id, shard_index)
);

-- One row per case and run: the figures the summary, the roll rates and the work list need. The primary key is
-- what guarantees a case is never decided twice in a run, however often the run is resumed.
create table portfolio_decision (
    run_id          varchar(64) not null,
    case_id         varchar(64) not null,
    decision_id     varchar(36),
    days_past_due   integer,
    bucket          varchar(16),
    classification  varchar(16),
    rating          varchar(16),
    score           integer,
    next_action     varchar(32),
    priority        integer,
    channel         varchar(16),
    currency        varchar(3),
    exposure        numeric(16, 2),
    expected_loss   numeric(16, 2),
    error           varchar(500),          -- the case could not be decided (it is counted as failed)
    primary key (run_id, case_id)
);

create index portfolio_decision_worklist on portfolio_decision (run_id, next_action, priority, exposure);

-- Decisions of a stored run are recorded like any other, and know their run.
alter table decision_record add column run_id varchar(64);
