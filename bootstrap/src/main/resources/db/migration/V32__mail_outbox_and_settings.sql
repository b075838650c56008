-- E-mail (ADR 0026). Each user's choice of which notification kinds reach them by mail: only the
-- kinds switched off are kept, so an account with no rows hears of everything by mail.
create table notification_settings (
  user_id    uuid        not null,
  kind       text        not null,
  email      boolean     not null,
  updated_at timestamptz not null,
  primary key (user_id, kind)
);

-- The mail outbox: one mail per (recipient, event), queued by the relay's mail consumer with its
-- subject, bodies and threading headers fixed, so every attempt sends the same message (and the
-- same Message-ID, which lets mail clients fold the one repeat a replica dying mid-send can cause).
-- Senders claim due PENDING rows with FOR UPDATE SKIP LOCKED and lease them (lease_until,
-- lease_token) while the SMTP exchange is out; only the lease's holder records the outcome.
-- event_id is null for mails no ticket event caused (password resets, address checks).
create table mail_deliveries (
  id              uuid primary key,
  user_id         uuid,
  event_id        uuid,
  kind            text        not null,
  ticket_id       uuid,
  recipient       text        not null,
  subject         text        not null,
  text_body       text        not null,
  html_body       text        not null,
  message_id      text        not null,
  in_reply_to     text,
  refs            text,
  reply_to        text,
  status          text        not null check (status in ('PENDING', 'SENT', 'DEAD')),
  attempts        integer     not null default 0,
  last_error      text,
  next_attempt_at timestamptz,
  sent_at         timestamptz,
  created_at      timestamptz not null,
  lease_until     timestamptz,
  lease_token     uuid
);

-- A repeated event queues nothing new (on conflict do nothing); mails without an event are not
-- covered and need none.
create unique index mail_deliveries_once on mail_deliveries (user_id, event_id)
  where event_id is not null;
-- What is due, without scanning sent or dead rows.
create index mail_deliveries_due on mail_deliveries (next_attempt_at) where status = 'PENDING';
-- The admin view of failures: dead and retrying mails, newest first; sent mails are not in it.
create index mail_deliveries_failing on mail_deliveries (created_at desc, id desc)
  where status <> 'SENT';
