-- Links between tickets (ADR 25): stored once, from the ticket they were made on, in a forward
-- kind; the other ticket reads the inverse. A side table, so a ticket insert pays nothing.
create table ticket_links (
  id uuid primary key,
  source_id uuid not null references tickets (id),
  target_id uuid not null references tickets (id),
  type text not null check (type in ('RELATED', 'DUPLICATE_OF', 'CAUSED_BY')),
  created_by uuid not null,
  created_at timestamptz not null,
  check (source_id <> target_id)
);
-- One link of a kind per direction, and the links of a ticket as their source.
create unique index ticket_links_pair on ticket_links (source_id, target_id, type);
-- The links of a ticket as their target.
create index ticket_links_target on ticket_links (target_id);
