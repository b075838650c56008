-- Saved views of the ticket list (issue 18, point 5). A view is a name, the list's query
-- parameters (a JSON object: each parameter's name with the array of its values, as the list reads
-- them) and its sort. A personal view has an owner; a shared view has none (admins keep those, all
-- staff read them). Names are unique per owner, and among shared views, ignoring case. Views touch
-- no ticket: counting and listing them read the tickets' own indexes. Owner and maker are actor ids,
-- which for an API token is the token's id (as in the audit log), so neither references users.
create table saved_views (
  id         uuid        primary key,
  owner_id   uuid,
  name       text        not null check (char_length(name) between 1 and 80
                                         and name = btrim(name)),
  filters    jsonb       not null check (jsonb_typeof(filters) = 'object'),
  sort       text,
  created_by uuid        not null,
  version    bigint      not null check (version >= 1),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- One name per owner; the shared views (no owner) are one more "owner" of their own.
create unique index saved_views_name
    on saved_views (coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), lower(name));
