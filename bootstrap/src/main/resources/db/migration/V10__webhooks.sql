-- Webhooks: registrations and their delivery log. The secret is kept as is: receivers check an
-- HMAC keyed with it, so the sender needs it back (it is never shown after the registration).
create table webhooks (
  id               uuid primary key,
  url              text        not null check (char_length(url) between 1 and 2048),
  events           text[]      not null default '{}',
  active           boolean     not null,
  include_internal boolean     not null,
  secret           text        not null,
  created_by       uuid        not null,
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);

-- One delivery per (webhook, event), queued by the relay's webhook consumer with its body fixed,
-- so every attempt sends the same bytes. Senders claim due PENDING rows with FOR UPDATE SKIP
-- LOCKED and lease them (lease_until, lease_token) while the request is out; only the lease's
-- holder records the outcome.
create table webhook_deliveries (
  id                 uuid primary key,
  webhook_id         uuid        not null references webhooks (id) on delete cascade,
  event_id           uuid        not null,
  event_type         text        not null,
  body               text        not null,
  status             text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
  attempts           integer     not null default 0,
  last_response_code integer,
  last_error         text,
  next_attempt_at    timestamptz,
  delivered_at       timestamptz,
  created_at         timestamptz not null,
  lease_until        timestamptz,
  lease_token        uuid,
  unique (webhook_id, event_id)
);

-- What is due, without scanning delivered or dead rows.
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at)
  where status = 'PENDING';
-- A webhook's delivery log, newest first, in keyset pages.
create index webhook_deliveries_log on webhook_deliveries (webhook_id, created_at desc, id desc);
