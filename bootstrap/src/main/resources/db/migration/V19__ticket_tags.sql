-- Tags as a catalogue of their own (issue: organising the work): the list filter `tag=` (all given
-- tags must be on the ticket) reads a GIN index, and the tags in use are counted as tickets change,
-- so listing them with counts reads one small table whatever the number of tickets.
create index tickets_tags on tickets using gin (tags);

create table ticket_tag_counts (
  tag text   primary key,
  n   bigint not null check (n >= 0)
);
insert into ticket_tag_counts (tag, n)
  select t, count(*) from tickets, unnest(tags) as t group by t;

-- Counts move only when a ticket's tags change; rows are touched in tag order, so two
-- transactions changing the same tags never wait on each other in a cycle.
create function ticket_tag_counts_move(removed text[], added text[]) returns void
language plpgsql as $$
begin
  if cardinality(removed) > 0 then
    update ticket_tag_counts c set n = c.n - 1
      from (select distinct t from unnest(removed) as t order by t) r
     where c.tag = r.t;
  end if;
  if cardinality(added) > 0 then
    insert into ticket_tag_counts as c (tag, n)
      select distinct t, 1 from unnest(added) as t order by t
      on conflict (tag) do update set n = c.n + 1;
  end if;
end;
$$;

create function tickets_tags_counted() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform ticket_tag_counts_move('{}', new.tags);
  elsif tg_op = 'DELETE' then
    perform ticket_tag_counts_move(old.tags, '{}');
  else
    perform ticket_tag_counts_move(
      array(select unnest(old.tags) except select unnest(new.tags)),
      array(select unnest(new.tags) except select unnest(old.tags)));
  end if;
  return null;
end;
$$;
create trigger tickets_tags_counted_insert
  after insert on tickets
  for each row when (cardinality(new.tags) > 0)
  execute function tickets_tags_counted();
create trigger tickets_tags_counted_update
  after update of tags on tickets
  for each row when (old.tags is distinct from new.tags)
  execute function tickets_tags_counted();
create trigger tickets_tags_counted_delete
  after delete on tickets
  for each row when (cardinality(old.tags) > 0)
  execute function tickets_tags_counted();
