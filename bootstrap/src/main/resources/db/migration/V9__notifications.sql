-- In-app notifications: each user's inbox, filled by the outbox relay's notification consumer in
-- the relay's own transaction. One row per (user, event): a relay that runs an event again after a
-- failure inserts nothing new (on conflict do nothing). kind says why the user hears of it;
-- internal and requester_id are kept so a read can apply the access policy as it stands now
-- (customers never see internal events, and only on tickets they opened). No foreign keys: the
-- recipient may be an API token (it can open tickets), and tickets and accounts are never deleted.
create table notifications (
  id            uuid        primary key,
  user_id       uuid        not null,
  event_id      uuid        not null,
  kind          text        not null,
  event_type    text        not null,
  internal      boolean     not null,
  ticket_id     uuid        not null,
  ticket_number text        not null,
  requester_id  uuid        not null,
  actor_id      uuid        not null,
  occurred_at   timestamptz not null,
  created_at    timestamptz not null,
  read_at       timestamptz,
  unique (user_id, event_id)
);

-- The inbox page: newest first, continued from the last (occurred_at, id) seen.
create index notifications_inbox on notifications (user_id, occurred_at desc, id desc);
-- The unread page and the unread count: only unread rows, so both stay small however long the
-- inbox grows.
create index notifications_unread on notifications (user_id, occurred_at desc, id desc)
  where read_at is null;
