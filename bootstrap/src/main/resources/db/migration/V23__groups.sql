-- Groups (teams) of staff (issue 18, point 1, ADR 19). A ticket belongs to at most one group; an
-- agent may be restricted to the tickets of their groups.
create table groups (
  id         uuid        primary key,
  name       text        not null check (char_length(name) between 1 and 60 and name = btrim(name)),
  version    bigint      not null check (version >= 1),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create unique index groups_name on groups (lower(name));

-- Members are agents or admins (the application checks the role; a member's account is never
-- deleted, so the foreign key costs nothing but the check at insert). Looked up both ways: a
-- group's members (primary key), a user's groups (its own index, read once per session cache load).
create table group_members (
  group_id uuid not null references groups (id) on delete cascade,
  user_id  uuid not null references users (id),
  primary key (group_id, user_id)
);
create index group_members_user on group_members (user_id, group_id);

alter table users add column restricted_to_groups boolean not null default false;

-- Nullable with no default: adding it rewrites nothing, and tickets without a group stay out of
-- the index below (the list filter group=<id> and a restricted agent's list name the predicate).
alter table tickets add column group_id uuid;
create index tickets_group_status_created on tickets (group_id, status, created_at, id)
  where group_id is not null;

-- A category's default group (V21) now names a group: ids given before groups existed name none
-- and are cleared, so the foreign key holds.
update categories set default_group_id = null
 where default_group_id is not null
   and not exists (select 1 from groups g where g.id = categories.default_group_id);
alter table categories add constraint categories_default_group_fkey
  foreign key (default_group_id) references groups (id);
