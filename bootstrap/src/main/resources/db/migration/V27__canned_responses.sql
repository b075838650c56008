-- Canned responses (issue 19, point 2; ADR 22): a title and a body with placeholders such as
-- {{ticket.number}}, checked when saved. A personal response has an owner; a shared one has none
-- (admins keep those, all staff read them). The owner and maker are actor ids (an API token's id
-- for a token), as in saved_views, so neither references users. Responses touch no ticket.
create table canned_responses (
  id         uuid        primary key,
  owner_id   uuid,
  title      text        not null check (char_length(title) between 1 and 120
                                         and title = btrim(title)),
  body       text        not null check (char_length(body) between 1 and 20000),
  created_by uuid        not null,
  version    bigint      not null check (version >= 1),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- The list reads a caller's own and the shared responses by this expression.
create index canned_responses_owner
    on canned_responses (coalesce(owner_id, '00000000-0000-0000-0000-000000000000'), lower(title));
