-- Ticket writes that cost what they must (ADR 0010): nothing in a command's transaction serialises
-- commits or grows with what a ticket holds.

-- ---- No NOTIFY in command transactions ---------------------------------------------------------
-- A transaction that notified takes a database-wide lock at commit, so commits queued one behind
-- another. The replica that commits events now wakes its own relay in-process after the commit;
-- the relay's round still signals triage_events once, and every relay keeps its poll.
drop trigger outbox_signal on outbox;
drop function outbox_signal();

-- ---- Comments are searched where they live -----------------------------------------------------
-- Each public, unredacted comment carries its own vector and GIN entry, so a comment costs the same
-- whether it is the first or the thousandth, and editing a ticket's title re-indexes only the
-- title and description. A search matches the ticket's own text or any one of its public replies.
drop trigger ticket_comments_search on ticket_comments;
drop function ticket_comments_reindex();
drop function ticket_comments_vector(uuid);
alter table tickets drop column search_vector;
alter table tickets drop column comments_vector;
alter table tickets add column search_vector tsvector generated always as (
  setweight(to_tsvector('english'::regconfig, title), 'A')
  || setweight(to_tsvector('english'::regconfig, description), 'B')) stored;
create index tickets_search on tickets using gin (search_vector);
alter table ticket_comments add column search_vector tsvector generated always as (
  setweight(to_tsvector('english'::regconfig, body), 'C')) stored;
create index ticket_comments_search on ticket_comments using gin (search_vector)
  where not internal and redacted_at is null;

-- ---- Counts by status, after the fact ----------------------------------------------------------
-- The relay adds the status moves of the events it publishes, in its round's transaction, to one
-- row per status; a reader adds the moves of the events not yet published. Both are read in one
-- snapshot, so the sum is exact, and no command's transaction touches a shared row.
drop trigger tickets_count_status on tickets;
drop function tickets_count_status();
drop function ticket_status_count(text, bigint);

create function ticket_status_moves(events bigint[]) returns table (status text, n bigint)
language sql stable as $$
  select m.status, sum(m.n)::bigint
  from outbox o
  cross join lateral (values
    (case o.type when 'TicketCreated' then 'OPEN' when 'StatusChanged' then o.payload ->> 'to' end, 1),
    (case o.type when 'StatusChanged' then o.payload ->> 'from' end, -1)) as m(status, n)
  where o.id = any (events) and m.status is not null
  group by m.status
$$;

delete from ticket_status_counts;
insert into ticket_status_counts (status, shard, n)
  select status, 0, sum(n)::bigint from (
    select status, count(*) as n from tickets group by status
    union all
    select m.status, -m.n
    from ticket_status_moves(array(select id from outbox where published_at is null)) m
  ) c
  group by status;
