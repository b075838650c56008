-- Business calendars an admin defines (ADR 17, point 1). A calendar is an identity with a name and a
-- pointer to its current version; each version is an immutable row holding the whole definition as
-- the API writes it: {"name","timeZone","week":{"MONDAY":[{"start","end"}],...},"holidays":[...]}.
-- An edit writes the next version and moves the pointer in one transaction.
--
-- Deleting a calendar marks it (deleted_at) instead of removing its rows: tickets will pin
-- calendar versions by id (ADR 17: a foreign key keeps a pinned version), so a version must outlive
-- the calendar's place in the list. Only live calendars count for the unique name, so a name can
-- be used again after its calendar is deleted.
create table sla_calendars (
  id                 uuid        primary key,
  name               text        not null check (char_length(name) between 1 and 100),
  current_version_id uuid        not null,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  deleted_at         timestamptz
);
create unique index sla_calendars_live_name on sla_calendars (lower(name)) where deleted_at is null;
-- The list, in keyset pages by name.
create index sla_calendars_by_name on sla_calendars (name, id) where deleted_at is null;

create table sla_calendar_versions (
  id          uuid        primary key,
  calendar_id uuid        not null references sla_calendars (id),
  version     integer     not null check (version >= 1),
  definition  jsonb       not null,
  created_at  timestamptz not null,
  created_by  uuid        not null,
  unique (calendar_id, version)
);

-- The calendar row is written first and names the version written right after it, in the same
-- transaction: the pointer is checked at commit.
alter table sla_calendars
  add constraint sla_calendars_current_version
  foreign key (current_version_id) references sla_calendar_versions (id)
  deferrable initially deferred;

create function sla_calendar_versions_are_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'calendar versions are immutable: % is not allowed', tg_op;
end;
$$;
create trigger sla_calendar_versions_no_update_or_delete
  before update or delete on sla_calendar_versions
  for each row execute function sla_calendar_versions_are_immutable();
create trigger sla_calendar_versions_no_truncate
  before truncate on sla_calendar_versions
  for each statement execute function sla_calendar_versions_are_immutable();

-- The calendar today's default policy measures in: round the clock in UTC, no holidays. Its id is
-- fixed (dev.triage.application.port.Calendars.TWENTY_FOUR_SEVEN) so the policy work can point at
-- it; it is always in use and cannot be deleted. Written by the system actor.
insert into sla_calendars (id, name, current_version_id, created_at, updated_at)
values ('00000000-0000-7000-8000-000000002407', '24x7', '00000000-0000-7000-8000-000000002471',
        now(), now());
insert into sla_calendar_versions (id, calendar_id, version, definition, created_at, created_by)
values ('00000000-0000-7000-8000-000000002471', '00000000-0000-7000-8000-000000002407', 1,
        '{"name":"24x7","timeZone":"UTC","week":{
           "MONDAY":[{"start":"00:00","end":"00:00"}],
           "TUESDAY":[{"start":"00:00","end":"00:00"}],
           "WEDNESDAY":[{"start":"00:00","end":"00:00"}],
           "THURSDAY":[{"start":"00:00","end":"00:00"}],
           "FRIDAY":[{"start":"00:00","end":"00:00"}],
           "SATURDAY":[{"start":"00:00","end":"00:00"}],
           "SUNDAY":[{"start":"00:00","end":"00:00"}]},
          "holidays":[]}',
        now(), '00000000-0000-0000-0000-000000000000');
