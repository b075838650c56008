-- The category catalogue (issue 18, point 2). A ticket keeps its category as text (the contract);
-- the catalogue says which texts a ticket may be given: an active entry's name, compared ignoring
-- case, stored as the entry spells it. An entry is never deleted, only made inactive, so every
-- category a ticket has stays listed for staff. Each entry may name the group new tickets of the
-- category go to (groups do not exist yet: the id is kept and takes effect once they do) and the
-- priority a ticket opened in it without one gets.
create table categories (
  id               uuid        primary key,
  name             text        not null check (char_length(name) between 1 and 60
                                               and name = btrim(name)),
  default_group_id uuid,
  default_priority text        check (default_priority in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  active           boolean     not null,
  version          bigint      not null check (version >= 1),
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
create unique index categories_name on categories (lower(name));

-- Every category tickets already have becomes an active entry, so no ticket loses its category.
-- Values that differ only in case become one entry, spelled as most tickets spell it (then the
-- first in text order); the tickets keep their text as it is.
insert into categories (id, name, default_group_id, default_priority, active, version, created_at,
                        updated_at)
select gen_random_uuid(), name, null, null, true, 1, now(), now()
  from (select distinct on (lower(category)) category as name
          from tickets
         where category is not null
         group by category
         order by lower(category), count(*) desc, category) as used;
