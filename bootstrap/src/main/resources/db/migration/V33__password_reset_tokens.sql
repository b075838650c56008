-- Single-use tokens mailed to an account's address (ADR 0027): a password reset for now. Only the
-- SHA-256 of a token is kept; a token counts once (used_at) and until expires_at (30 minutes).
create table account_tokens (
  id         uuid primary key,
  user_id    uuid        not null references users (id),
  purpose    text        not null check (purpose in ('PASSWORD_RESET', 'ADDRESS_CHECK')),
  token_hash text        not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);

-- A redeemed token spends the account's other open tokens of its purpose: only open rows, so the
-- index stays as small as the tokens waiting to be used.
create index account_tokens_open on account_tokens (user_id, purpose) where used_at is null;

-- Self-registered accounts whose address waits for its confirmation (while registration requires
-- one): a row per account, closed (confirmed_at) by the mailed token. Accounts without a row count
-- as confirmed; looked up by primary key at login.
create table address_checks (
  user_id      uuid        primary key references users (id),
  requested_at timestamptz not null,
  confirmed_at timestamptz
);
