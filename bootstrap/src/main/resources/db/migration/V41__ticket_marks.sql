-- The tags and the short text values of custom fields, each with its ticket's creation instant, in
-- one ordered index (ADR 18): a list filtered by a rare tag or field value reads its newest (or
-- oldest) tickets in order, 25 entries for a page of 25, where the GIN indexes give every match
-- unordered and the page is sorted out of all of them (1,000 heap rows for a value on 0.1% of a
-- million tickets). A mark is 'tag:<tag>' or 'field:<key>=<value>'; a multi-select field gives one
-- per option. Values longer than 200 characters, numbers and checkboxes have none: their filters
-- keep the GIN index. Tickets without tags and field values add no row and only test the trigger's
-- condition.
create table ticket_marks (
  mark   text        not null,
  at     timestamptz not null,
  ticket uuid        not null
);

create function ticket_marks_of(tags text[], fields jsonb) returns setof text
language sql immutable as $$
  select 'tag:' || t from unnest(tags) as t
  union
  select 'field:' || f.k || '=' || v.s
    from jsonb_each(fields) as f(k, v)
    cross join lateral (
      select f.v #>> '{}' as s where jsonb_typeof(f.v) = 'string'
      union all
      select e #>> '{}' from jsonb_array_elements(
        case when jsonb_typeof(f.v) = 'array' then f.v else '[]'::jsonb end) as e
       where jsonb_typeof(e) = 'string') as v
   where char_length(v.s) <= 200
$$;

insert into ticket_marks (mark, at, ticket)
  select m, t.created_at, t.id
    from tickets t, ticket_marks_of(t.tags, t.fields) as m
   where cardinality(t.tags) > 0 or t.fields <> '{}';

create unique index ticket_marks_in_order on ticket_marks (mark, at, ticket);

-- Rows move only for the marks that changed; an update that leaves tags and fields alone (every
-- other command) is stopped by the trigger's condition.
create function tickets_marked() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    delete from ticket_marks
     where ticket = old.id and at = old.created_at
       and mark in (select ticket_marks_of(old.tags, old.fields)
                    except
                    select ticket_marks_of(new.tags, new.fields) where tg_op = 'UPDATE');
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into ticket_marks (mark, at, ticket)
      select m, new.created_at, new.id
        from (select ticket_marks_of(new.tags, new.fields)
              except
              select ticket_marks_of(old.tags, old.fields) where tg_op = 'UPDATE') as n(m);
  end if;
  return null;
end;
$$;
create trigger tickets_marked_insert
  after insert on tickets
  for each row when (cardinality(new.tags) > 0 or new.fields <> '{}')
  execute function tickets_marked();
create trigger tickets_marked_update
  after update of tags, fields on tickets
  for each row when (old.tags is distinct from new.tags or old.fields is distinct from new.fields)
  execute function tickets_marked();
create trigger tickets_marked_delete
  after delete on tickets
  for each row when (cardinality(old.tags) > 0 or old.fields <> '{}')
  execute function tickets_marked();
