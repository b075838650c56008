-- Tickets and their comments. Numbers come from a sequence: never reused, never raced.
create sequence ticket_number_seq as bigint start with 1 no cycle;

create table tickets (
  id                 uuid primary key,
  number             text        not null unique,
  requester_id       uuid        not null,
  title              text        not null check (char_length(title) between 3 and 200),
  description        text        not null check (char_length(description) between 1 and 20000),
  priority           text        not null check (priority in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  category           text,
  tags               text[]      not null default '{}',
  status             text        not null
    check (status in ('OPEN', 'IN_PROGRESS', 'PENDING_CUSTOMER', 'RESOLVED', 'CLOSED')),
  assignee_id        uuid,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  first_responded_at timestamptz,
  resolved_at        timestamptz,
  closed_at          timestamptz,
  escalated_at       timestamptz,
  escalation_level   integer     not null default 0,
  auto_escalated     boolean     not null default false,
  follow_up_of       uuid references tickets (id),
  -- The status history the SLA clocks are derived from, as JSON: [{"status":..,"at":..}, ...]
  status_history     text        not null,
  sla_warnings       text[]      not null default '{}',
  sla_breaches       text[]      not null default '{}',
  version            bigint      not null
);

create table ticket_comments (
  id          uuid primary key,
  ticket_id   uuid        not null references tickets (id),
  author_id   uuid        not null,
  author_role text        not null,
  body        text        not null,
  internal    boolean     not null,
  created_at  timestamptz not null,
  redacted_by uuid,
  redacted_at timestamptz
);

create index ticket_comments_by_ticket on ticket_comments (ticket_id, created_at, id);
