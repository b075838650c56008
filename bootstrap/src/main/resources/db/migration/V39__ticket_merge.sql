-- Merged tickets (ADR 30): the ticket a merged ticket went into. Nullable, no default (no table
-- rewrite) and no index: it is read with the row, never searched for.
alter table tickets add column merged_into_id uuid;

-- A merge links the two tickets (source MERGED_INTO target; the target reads MERGED_FROM).
alter table ticket_links drop constraint ticket_links_type_check;
alter table ticket_links add constraint ticket_links_type_check
  check (type in ('RELATED', 'DUPLICATE_OF', 'CAUSED_BY', 'MERGED_INTO'));
