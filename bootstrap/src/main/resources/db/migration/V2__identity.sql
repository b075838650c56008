-- Accounts, refresh tokens and API tokens. Secrets are stored only as hashes.
create table users (
  id            uuid primary key,
  email         text        not null unique,
  display_name  text        not null,
  role          text        not null check (role in ('CUSTOMER', 'AGENT', 'ADMIN')),
  active        boolean     not null,
  password_hash text        not null,
  -- Every token carries the epoch it was minted in; raising it ends all sessions of the account.
  session_epoch bigint      not null default 0,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  version       bigint      not null
);

create table refresh_tokens (
  id          uuid primary key,
  user_id     uuid        not null references users (id),
  family_id   uuid        not null,
  token_hash  text        not null unique,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  revoked_at  timestamptz
);
create index refresh_tokens_by_family on refresh_tokens (family_id);
create index refresh_tokens_by_user on refresh_tokens (user_id) where revoked_at is null;

create table api_tokens (
  id           uuid primary key,
  name         text        not null,
  token_hash   text        not null unique,
  scopes       text[]      not null,
  -- An admin's user id, or the id of the admin-scoped API token that made it.
  created_by   uuid        not null,
  created_at   timestamptz not null,
  revoked_at   timestamptz,
  last_used_at timestamptz
);
