-- The outbox relay (ADR 0009). Replicas claim the oldest unpublished event of each ticket with
-- FOR UPDATE SKIP LOCKED, hand the events to the consumers (notifications, webhooks) in the same
-- transaction, and stamp them with a position: gap-free and in commit order, because the counter
-- row below is taken last and held until commit. Live streams resume from a position.
alter table outbox add column position bigint unique;

create table outbox_position (
  singleton boolean primary key default true check (singleton),
  last      bigint  not null
);

-- Events recorded before the relay existed count as published: nobody was waiting for them.
with ordered as (select id, row_number() over (order by id) as n from outbox)
update outbox o set position = ordered.n, published_at = coalesce(o.published_at, o.occurred_at)
  from ordered where ordered.id = o.id;
insert into outbox_position (singleton, last) select true, count(*) from outbox;

-- The head of each ticket's unpublished events, found without scanning published ones.
create index outbox_unpublished_by_aggregate on outbox (aggregate_id, id)
  where published_at is null;

-- Every committed outbox insert wakes the relays at once (NOTIFY is sent at commit, and only then;
-- several inserts in one transaction send one signal). The relays also poll, for missed signals.
create function outbox_signal() returns trigger language plpgsql as $$
begin
  perform pg_notify('triage_outbox', '');
  return null;
end;
$$;
create trigger outbox_signal
  after insert on outbox
  for each statement execute function outbox_signal();
