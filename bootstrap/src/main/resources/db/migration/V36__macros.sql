-- Macros (issue 19, point 3; ADR 28): a title and a list of actions ({"type","value"} objects, as
-- the API spells them) applied to a ticket as one command. A personal macro has an owner; a shared
-- one has none (admins keep those, all staff apply them), as canned_responses (V27). The owner and
-- maker are actor ids, so neither references users. Macros touch no ticket row or index.
create table macros (
  id         uuid        primary key,
  owner_id   uuid,
  title      text        not null check (char_length(title) between 1 and 120
                                         and title = btrim(title)),
  actions    jsonb       not null check (jsonb_typeof(actions) = 'array'
                                         and jsonb_array_length(actions) between 1 and 10),
  created_by uuid        not null,
  version    bigint      not null check (version >= 1),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- The list reads a caller's own and the shared macros by this expression.
create index macros_owner
    on macros (coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), lower(title));
