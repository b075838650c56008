-- Inbound mail (ADR 0026): every message read from the mailbox or pushed over HTTP, once by its
-- Message-ID (a message seen again does nothing), with its original bytes for staff and what it
-- became: a ticket, a reply, a follow-up, or ignored (and why).
create table inbound_mails (
  id          uuid primary key,
  message_id  text        not null unique,
  source      text        not null check (source in ('IMAP', 'HTTP')),
  sender      text,
  subject     text,
  outcome     text        not null,
  reason      text,
  ticket_id   uuid,
  raw         bytea       not null,
  received_at timestamptz not null
);
