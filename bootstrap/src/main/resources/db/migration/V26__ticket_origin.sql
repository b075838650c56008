-- Tickets opened on a customer's behalf (issue 19, point 4; ADR 22). A ticket records the channel
-- it came in by and who typed it in. Constant defaults: adding the columns rewrites no row. Rows
-- from before keep created_by_id null (their requester typed them in) and channel 'web'.
alter table tickets add column channel text not null default 'web'
  check (channel in ('web', 'phone', 'chat', 'email', 'api'));
alter table tickets add column created_by_id uuid;
-- No index: the list filter channel= narrows a list the other filters and the sort already
-- choose; an index would cost every insert for a filter that is rarely used alone.
