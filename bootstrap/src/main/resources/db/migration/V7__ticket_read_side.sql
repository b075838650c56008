-- The read side of tickets (ADR 0007): sort keys and indexes for keyset pages under every filter
-- and sort of API.md, full-text search over title, description and public comments, the facts the
-- dashboard reads about stopped SLA clocks, and ticket counts by status kept in the same
-- transaction as every write.

-- ---- Sort keys ------------------------------------------------------------------------------
-- Most urgent first; a plain column so that (status, priority_rank, id) is an ordinary index.
alter table tickets add column priority_rank smallint generated always as (
  case priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end) stored;
-- The next due date, with "no running clock" sorting last, so keyset pages need no null cases.
alter table tickets add column sla_due_sort timestamptz generated always as (
  coalesce(sla_due_at, 'infinity'::timestamptz)) stored;

-- ---- Full-text search -----------------------------------------------------------------------
-- Public, unredacted comments of the ticket, kept by the trigger below; internal notes never.
alter table tickets add column comments_vector tsvector not null default ''::tsvector;
alter table tickets add column search_vector tsvector generated always as (
  setweight(to_tsvector('english'::regconfig, title), 'A')
  || setweight(to_tsvector('english'::regconfig, description), 'B')
  || comments_vector) stored;
create index tickets_search on tickets using gin (search_vector);

create function ticket_comments_vector(ticket uuid) returns tsvector language sql stable as $$
  select setweight(to_tsvector('english'::regconfig, coalesce(string_agg(body, ' '), '')), 'C')
  from ticket_comments
  where ticket_id = ticket and not internal and redacted_at is null
$$;

create function ticket_comments_reindex() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update tickets set comments_vector = ticket_comments_vector(old.ticket_id)
      where id = old.ticket_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.ticket_id <> old.ticket_id) then
    update tickets set comments_vector = ticket_comments_vector(new.ticket_id)
      where id = new.ticket_id;
  end if;
  return null;
end;
$$;
create trigger ticket_comments_search
  after insert or update or delete on ticket_comments
  for each row execute function ticket_comments_reindex();

-- ---- Lists: one index per (driving filter, sort key), each ending in id for keyset pages ----
-- Queries name one status per index range (a status filter, or each status in turn, merged), so
-- every page is a short range scan whatever the page depth or the table size.
create index tickets_status_created on tickets (status, created_at, id);
create index tickets_status_due on tickets (status, sla_due_sort, id);
create index tickets_status_priority on tickets (status, priority_rank, id);
create index tickets_assignee_created on tickets (assignee_id, status, created_at, id);
create index tickets_assignee_due on tickets (assignee_id, status, sla_due_sort, id);
create index tickets_assignee_priority on tickets (assignee_id, status, priority_rank, id);
-- A requester's tickets are few: one index finds them all, any sort is done on that small set.
create index tickets_requester_created on tickets (requester_id, created_at, id);
-- Running clocks only (the open backlog): overdue lists and counts.
create index tickets_running_due on tickets (sla_due_at, id) where sla_due_at is not null;

-- ---- Dashboard ------------------------------------------------------------------------------
-- What a stopped clock counted and whether it ran past its due date, fixed when it stops (ADR 4
-- leaves freezing figures to the read model). Seconds are wall time: business time under the
-- default 24x7 calendar. A breach is recorded when a write finds a running clock past its due date,
-- or a clock stops after it; a reopened clock clears its stop and keeps its breach.
alter table tickets add column first_response_stopped_at timestamptz;
alter table tickets add column first_response_seconds bigint;
alter table tickets add column first_response_breached boolean not null default false;
alter table tickets add column resolution_stopped_at timestamptz;
alter table tickets add column resolution_seconds bigint;
alter table tickets add column resolution_breached boolean not null default false;

-- Seconds the history spent in the running statuses, from creation up to stop.
create function ticket_clock_seconds(history text, running text[], stop timestamptz)
returns bigint language sql stable as $$
  select coalesce(sum(extract(epoch from (least(coalesce(h.next_at, stop), stop) - h.at))), 0)::bigint
  from (
    select e ->> 'status' as status,
           (e ->> 'at')::timestamptz as at,
           lead((e ->> 'at')::timestamptz) over (order by ord) as next_at
    from jsonb_array_elements(history::jsonb) with ordinality as x(e, ord)
  ) h
  where h.status = any (running) and h.at < stop
$$;

create function tickets_sla_facts() returns trigger language plpgsql as $$
declare
  at_ timestamptz := new.updated_at;
  stop_ timestamptz;
  fr_was_stopped boolean :=
    old.first_responded_at is not null or old.status in ('RESOLVED', 'CLOSED');
  fr_stopped boolean :=
    new.first_responded_at is not null or new.status in ('RESOLVED', 'CLOSED');
  res_was_stopped boolean := old.status in ('RESOLVED', 'CLOSED');
  res_stopped boolean := new.status in ('RESOLVED', 'CLOSED');
begin
  -- First response: runs in OPEN, IN_PROGRESS and PENDING_CUSTOMER until the first public staff
  -- reply, stops at RESOLVED and CLOSED.
  if not fr_was_stopped and fr_stopped then
    stop_ := coalesce(new.first_responded_at, at_);
    new.first_response_stopped_at := stop_;
    new.first_response_seconds := ticket_clock_seconds(
      new.status_history, array['OPEN', 'IN_PROGRESS', 'PENDING_CUSTOMER'], stop_);
    if old.first_response_due_at is not null and stop_ > old.first_response_due_at then
      new.first_response_breached := true;
    end if;
  elsif fr_was_stopped and not fr_stopped then
    new.first_response_stopped_at := null;
    new.first_response_seconds := null;
  elsif not fr_stopped and new.first_response_due_at is not null
      and at_ > new.first_response_due_at then
    new.first_response_breached := true;
  end if;

  -- Resolution: runs in OPEN and IN_PROGRESS, pauses in PENDING_CUSTOMER, stops at RESOLVED and
  -- CLOSED, runs again on reopen.
  if old.resolution_due_at is not null and at_ > old.resolution_due_at
      and new.resolution_due_at is null then
    new.resolution_breached := true;
  elsif new.resolution_due_at is not null and at_ > new.resolution_due_at then
    new.resolution_breached := true;
  end if;
  if not res_was_stopped and res_stopped then
    new.resolution_stopped_at := at_;
    new.resolution_seconds := ticket_clock_seconds(
      new.status_history, array['OPEN', 'IN_PROGRESS'], at_);
  elsif res_was_stopped and not res_stopped then
    new.resolution_stopped_at := null;
    new.resolution_seconds := null;
  end if;
  return new;
end;
$$;
create trigger tickets_sla_facts
  before update on tickets
  for each row execute function tickets_sla_facts();

create index tickets_first_response_stops on tickets (first_response_stopped_at)
  include (first_responded_at, first_response_seconds, first_response_breached, assignee_id)
  where first_response_stopped_at is not null;
create index tickets_resolution_stops on tickets (resolution_stopped_at)
  include (resolution_seconds, resolution_breached, assignee_id, resolved_at)
  where resolution_stopped_at is not null;
create index tickets_escalated_at on tickets (escalated_at) where escalated_at is not null;
-- The open backlog: per-agent open counts and open escalated tickets, index-only.
create index tickets_open_by_assignee on tickets (assignee_id, escalation_level)
  where status in ('OPEN', 'IN_PROGRESS', 'PENDING_CUSTOMER');

-- Counts by status, changed in the writing transaction. Each connection adds to its own shard row
-- (backend pid modulo 16), so concurrent writers rarely wait on the same row; a read sums at most
-- 5 x 16 rows.
create table ticket_status_counts (
  status text     not null,
  shard  smallint not null,
  n      bigint   not null,
  primary key (status, shard)
);
insert into ticket_status_counts (status, shard, n)
  select status, 0, count(*) from tickets group by status;

create function ticket_status_count(s text, delta bigint) returns void language sql as $$
  insert into ticket_status_counts as c (status, shard, n)
    values (s, (pg_backend_pid() % 16)::smallint, delta)
  on conflict (status, shard) do update set n = c.n + excluded.n
$$;

create function tickets_count_status() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform ticket_status_count(new.status, 1);
  elsif tg_op = 'DELETE' then
    perform ticket_status_count(old.status, -1);
  elsif new.status <> old.status then
    perform ticket_status_count(old.status, -1);
    perform ticket_status_count(new.status, 1);
  end if;
  return null;
end;
$$;
create trigger tickets_count_status
  after insert or delete or update of status on tickets
  for each row execute function tickets_count_status();
