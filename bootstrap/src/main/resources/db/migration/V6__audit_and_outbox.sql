-- The outbox: every domain event, written in the command's transaction, published later.
create table outbox (
  id             bigserial primary key,
  event_id       uuid        not null unique,
  aggregate_type text        not null,
  aggregate_id   uuid        not null,
  type           text        not null,
  internal       boolean     not null,
  actor_id       uuid        not null,
  payload        jsonb       not null,
  occurred_at    timestamptz not null,
  request_id     text,
  published_at   timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_by_aggregate on outbox (aggregate_id, id);

-- The audit log: one entry per successful command, never changed afterwards.
create table audit_log (
  id          bigserial primary key,
  occurred_at timestamptz not null,
  actor_id    uuid,
  actor_role  text,
  action      text        not null,
  entity_type text        not null,
  entity_id   text        not null,
  before      jsonb,
  after       jsonb,
  client_ip   text,
  request_id  text
);
create index audit_log_by_time on audit_log (occurred_at desc, id desc);
create index audit_log_by_actor on audit_log (actor_id, occurred_at desc, id desc);
create index audit_log_by_entity on audit_log (entity_type, entity_id, occurred_at desc, id desc);
create index audit_log_by_action on audit_log (action, occurred_at desc, id desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only: % is not allowed', tg_op;
end;
$$;
create trigger audit_log_no_update_or_delete
  before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
