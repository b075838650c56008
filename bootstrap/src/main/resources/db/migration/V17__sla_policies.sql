-- SLA policies an admin defines (ADR 17, point 2). A policy is an identity with a name, a position
-- (selection tries policies by ascending position, the default last) and a pointer to its current
-- version; each version is an immutable row holding the whole definition as the API writes it:
-- {"name","calendarId","warningShare","position","conditions":{...},"targets":{"HIGH":{...}}}.
-- An edit writes the next version and moves the pointer in one transaction.
--
-- A version names its calendar by id only (also as a column, so a calendar in use is found by an
-- index and kept by a foreign key), not a calendar version: editing a calendar does not make a
-- new version of every policy measured in it. A ticket pins the calendar version itself, the one
-- current when its policy is selected (ADR 17).
--
-- Deleting a policy marks it (deleted_at) as calendars are marked: tickets pin policy versions by
-- id. Only live policies count for the unique name.
create table sla_policies (
  id                 uuid        primary key,
  name               text        not null check (char_length(name) between 1 and 100),
  position           integer     not null check (position >= 1),
  is_default         boolean     not null default false,
  current_version_id uuid        not null,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  deleted_at         timestamptz,
  check (not (is_default and deleted_at is not null))
);
create unique index sla_policies_live_name on sla_policies (lower(name)) where deleted_at is null;
-- Exactly one default policy: this index allows at most one, the seed below writes it.
create unique index sla_policies_one_default on sla_policies (is_default) where is_default;
-- The list and selection, in the order policies are tried.
create index sla_policies_by_position on sla_policies (position, id) where deleted_at is null;

create table sla_policy_versions (
  id          uuid        primary key,
  policy_id   uuid        not null references sla_policies (id),
  version     integer     not null check (version >= 1),
  calendar_id uuid        not null references sla_calendars (id),
  definition  jsonb       not null,
  created_at  timestamptz not null,
  created_by  uuid        not null,
  unique (policy_id, version)
);
-- Which policies measure in a calendar (a calendar in use cannot be deleted).
create index sla_policy_versions_by_calendar on sla_policy_versions (calendar_id);

alter table sla_policies
  add constraint sla_policies_current_version
  foreign key (current_version_id) references sla_policy_versions (id)
  deferrable initially deferred;

create function sla_policy_versions_are_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'policy versions are immutable: % is not allowed', tg_op;
end;
$$;
create trigger sla_policy_versions_no_update_or_delete
  before update or delete on sla_policy_versions
  for each row execute function sla_policy_versions_are_immutable();
create trigger sla_policy_versions_no_truncate
  before truncate on sla_policy_versions
  for each statement execute function sla_policy_versions_are_immutable();

-- The default policy: DOMAIN.md's targets (SlaPolicy.defaults(); the next reply has the first
-- response target), warning at 80%, no conditions, on the 24x7 calendar of V16, last (position
-- 2147483647, SlaPolicyDefinition.DEFAULT_POSITION). Its id is fixed
-- (dev.triage.application.port.SlaPolicies.DEFAULT); it cannot be deleted. Written by the system
-- actor.
insert into sla_policies (id, name, position, is_default, current_version_id, created_at,
                          updated_at)
values ('00000000-0000-7000-8000-00000000d3f0', 'default', 2147483647, true,
        '00000000-0000-7000-8000-00000000d3f1', now(), now());
insert into sla_policy_versions (id, policy_id, version, calendar_id, definition, created_at,
                                 created_by)
values ('00000000-0000-7000-8000-00000000d3f1', '00000000-0000-7000-8000-00000000d3f0', 1,
        '00000000-0000-7000-8000-000000002407',
        '{"name":"default","calendarId":"00000000-0000-7000-8000-000000002407",
          "warningShare":0.8,"position":2147483647,
          "conditions":{"priorities":[],"categories":[],"tags":[],"requesterIds":[]},
          "targets":{
            "CRITICAL":{"firstResponse":"PT30M","resolution":"PT2H","nextReply":"PT30M"},
            "HIGH":{"firstResponse":"PT1H","resolution":"PT8H","nextReply":"PT1H"},
            "MEDIUM":{"firstResponse":"PT4H","resolution":"PT24H","nextReply":"PT4H"},
            "LOW":{"firstResponse":"PT8H","resolution":"PT48H","nextReply":"PT8H"}}}',
        now(), '00000000-0000-0000-0000-000000000000');
