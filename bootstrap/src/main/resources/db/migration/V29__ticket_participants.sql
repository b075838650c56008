-- The people of a ticket besides its requester and assignee (ADR 24): the customers copied on it
-- (CCs) and the staff who follow it. They live in the ticket row, so reading a ticket, a list page
-- or a live event needs no second read; a new column with a constant default costs no rewrite.
alter table tickets
  add column cc_ids uuid[] not null default '{}',
  add column follower_ids uuid[] not null default '{}';

-- A customer's tickets are those they opened or are a CC of, and cc=me lists the latter: only
-- tickets that have CCs are indexed (the queries name the same predicate), so a ticket without
-- any costs an insert nothing.
create index tickets_cc_ids on tickets using gin (cc_ids) where cardinality(cc_ids) > 0;
