-- A comment staff split into a new ticket stays where it was, marked with that ticket (ADR 30).
-- Nullable, no default, no index: read with the comment.
alter table ticket_comments add column split_into_id uuid;

-- A split links the original to the new ticket in the transaction that opens it, whose row is
-- written at its end with the command's events (ADR 11): the links' references to tickets are
-- checked at commit.
alter table ticket_links alter constraint ticket_links_source_id_fkey deferrable initially deferred;
alter table ticket_links alter constraint ticket_links_target_id_fkey deferrable initially deferred;
