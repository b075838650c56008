-- Tickets are measured against the SLA policy and calendar versions they pin (ADR 17, point 1):
-- an admin's edit writes new versions and leaves every ticket's deadlines where they were until the
-- ticket selects another policy or an admin re-applies the current versions. Tickets written before
-- this migration were measured by the built-in defaults on a 24x7 calendar, which are exactly the
-- default policy's and the 24x7 calendar's first versions (V16, V17): they pin those.
alter table tickets
  add column sla_policy_version_id uuid not null
    default '00000000-0000-7000-8000-00000000d3f1' references sla_policy_versions (id),
  add column sla_calendar_version_id uuid not null
    default '00000000-0000-7000-8000-000000002471' references sla_calendar_versions (id);
-- From now on every write names its versions.
alter table tickets alter column sla_policy_version_id drop default;
alter table tickets alter column sla_calendar_version_id drop default;

-- The next-reply clock (ADR 17, point 4): since when the requester waits for a public staff reply
-- (null when nobody waits), the number of the current reply cycle (0 before the first), and the
-- alarms ('WARNING', 'BREACH') the current cycle has recorded, so each cycle warns and breaches once.
alter table tickets
  add column awaiting_reply_since timestamptz,
  add column reply_cycle integer not null default 0 check (reply_cycle >= 0),
  add column reply_alarms text[] not null default '{}';

-- Re-apply walks the open backlog by id and reads the pins from the index.
create index tickets_open_pins on tickets (id) include (sla_policy_version_id, sla_calendar_version_id)
  where status in ('OPEN', 'IN_PROGRESS', 'PENDING_CUSTOMER');

-- Dashboard in business time (ADR 17, point 6): when a clock stops, the write stores the business
-- seconds it counted in the ticket's own calendar (the same evaluation the explanation endpoint
-- shows) in first_response_seconds / resolution_seconds; the trigger of V7 computes wall seconds
-- only for a write that gives none. Rows stopped before this migration were measured 24x7, where
-- business time is wall time: their figures stand.
create or replace function tickets_sla_facts() returns trigger language plpgsql as $$
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
    new.first_response_seconds := coalesce(new.first_response_seconds, ticket_clock_seconds(
      new.status_history, array['OPEN', 'IN_PROGRESS', 'PENDING_CUSTOMER'], stop_));
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
    new.resolution_seconds := coalesce(new.resolution_seconds, ticket_clock_seconds(
      new.status_history, array['OPEN', 'IN_PROGRESS'], at_));
  elsif res_was_stopped and not res_stopped then
    new.resolution_stopped_at := null;
    new.resolution_seconds := null;
  end if;
  return new;
end;
$$;
