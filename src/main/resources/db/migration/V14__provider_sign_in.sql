-- Signing in to the analyst's page with the lender's identity provider (OpenID Connect). Such a session names no
-- account of ours: it keeps the roles the provider's groups gave at sign-in, and the provider's sign-out address.
-- Like signin_session, it is found by the SHA-256 of its cookie. One script for H2 and PostgreSQL.
create table provider_session (
    token_hash    varchar(64)   primary key,
    subject       varchar(128)  not null,
    roles         varchar(300)  not null, -- comma-separated, as security.Roles names them
    sign_out_url  varchar(2048),          -- the provider's end-session address, when it has one
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);

create index provider_session_subject on provider_session (subject);

-- The trail says how each sign-in was made: with a password here (PASSWORD) or at the identity provider (PROVIDER).
alter table signin_event add column method varchar(16) default 'PASSWORD' not null;
