-- A session ends a fixed time after the login that started it, however often it is refreshed: every
-- refresh token of a family carries that login's time. Families already stored start at their
-- oldest token.
alter table refresh_tokens add column session_started_at timestamptz;
update refresh_tokens r
   set session_started_at = (select min(f.issued_at) from refresh_tokens f where f.family_id = r.family_id);
alter table refresh_tokens alter column session_started_at set not null;

-- An API token may expire; none of the tokens already made does.
alter table api_tokens add column expires_at timestamptz;
