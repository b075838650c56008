-- Generates tickets for the read-side benchmark, straight into a Triage database (after its
-- migrations). Ticket k (k = :first .. :first + :count - 1) was opened k x 303 s before :'now', so
-- the service receives about 285 tickets a day: 10,000 tickets are the last 35 days, 1,000,000
-- about nine and a half years. A database grows by its history; the open backlog (the last days'
-- tickets) is the same size at 10 thousand and at 1 million, as in a real helpdesk.
--
-- Per ticket: a priority (5% CRITICAL, 20% HIGH, 45% MEDIUM, 30% LOW), a status by age (new
-- tickets open or in progress, older ones resolved, everything older than ten days closed), one of
-- 20 agents as assignee (some new tickets unassigned), a requester (2,000 customers for the newest
-- 10,000 tickets, 200,000 for older ones; :'customer' opened every 500th of the newest), due dates
-- of the running clocks, the stopped-clock facts the dashboard reads (about 15% of first responses
-- and resolutions late), 5% escalated, and comments: a public staff reply on every answered ticket,
-- a customer reply on 30%, an internal note on 10%. Words come from a small vocabulary with a
-- skewed frequency (the commonest are in most tickets); each description also names one of 5,000
-- product codes (sku0000..sku4999), the kind of specific term people search for: 2 tickets per
-- code at 10 thousand, 200 at 1 million. 80% of tickets are in one of 5 groups (V23), the rest in
-- none; the groups are made here (fixed ids ...-b000-00000000000{0..4}) if they are missing.
--
-- psql -v first=0 -v count=10000 -v now=2026-11-22T10:00:00Z -v agent=<uuid> -v customer=<uuid>
--   -f read-side-data.sql
\set ON_ERROR_STOP on
set session_replication_role = replica; -- no triggers: the derived columns are written here
set synchronous_commit = off;

insert into groups (id, name, version, created_at, updated_at)
select ('00000000-0000-7000-b000-' || lpad(to_hex(n), 12, '0'))::uuid, 'Bench group ' || n, 1,
       :'now'::timestamptz, :'now'::timestamptz
  from generate_series(0, 4) n
on conflict do nothing;

create temporary table words (n int primary key, w text not null);
insert into words
select row_number() over (), w from unnest(string_to_array(
  'printer email password login vpn laptop screen network wifi account invoice billing refund '
  'order shipment delivery error crash slow timeout update install license server database backup '
  'restore report export import calendar meeting phone headset keyboard mouse monitor battery '
  'charger cable adapter driver firmware browser cookie session token certificate expired locked '
  'reset unlock access permission folder share drive sync upload download attachment spam phishing '
  'virus malware firewall proxy dns domain mailbox quota storage disk memory cpu fan noise overheat '
  'freeze reboot shutdown startup boot bios keyboard trackpad touchscreen camera microphone speaker '
  'audio video stream zoom teams slack chat notification alert dashboard chart graph metric api '
  'webhook integration plugin extension theme layout font color language translation timezone '
  'holiday schedule shift payroll salary expense receipt contract signature approval workflow '
  'ticket request incident problem change release deploy pipeline build test staging production '
  'customer supplier vendor partner warehouse inventory stock barcode scanner label pallet truck '
  'route map address postcode country currency tax discount coupon voucher subscription plan '
  'upgrade downgrade cancel renewal trial quote estimate forecast budget audit compliance policy',
  ' ')) as w;
create temporary table vocabulary as select array_agg(w order by n) as a, count(*)::int as size
  from words;

create temporary table gen as
with base as (
  select k,
         (:'now'::timestamptz - make_interval(secs => k * 303 + random() * 303)) as created_at,
         random() as r_status, random() as r_prio, random() as r_assign, random() as r_fr,
         random() as r_res, random() as r_esc, random() as r_more, random() as r_note
  from generate_series(:first, :first + :count - 1) as k
), typed as (
  select b.*,
         extract(epoch from (:'now'::timestamptz - b.created_at)) / 3600 as age_h,
         case when r_prio < 0.05 then 'CRITICAL' when r_prio < 0.25 then 'HIGH'
              when r_prio < 0.70 then 'MEDIUM' else 'LOW' end as priority
  from base b
), statused as (
  select t.*,
         case when age_h < 24 then
                case when r_status < 0.35 then 'OPEN' when r_status < 0.65 then 'IN_PROGRESS'
                     when r_status < 0.80 then 'PENDING_CUSTOMER' else 'RESOLVED' end
              when age_h < 72 then
                case when r_status < 0.08 then 'OPEN' when r_status < 0.30 then 'IN_PROGRESS'
                     when r_status < 0.45 then 'PENDING_CUSTOMER' when r_status < 0.85 then 'RESOLVED'
                     else 'CLOSED' end
              when age_h < 240 then
                case when r_status < 0.03 then 'IN_PROGRESS' when r_status < 0.06 then 'PENDING_CUSTOMER'
                     when r_status < 0.30 then 'RESOLVED' else 'CLOSED' end
              else 'CLOSED' end as status,
         case priority when 'CRITICAL' then 1800 when 'HIGH' then 3600 when 'MEDIUM' then 14400
                       else 28800 end as fr_target,
         case priority when 'CRITICAL' then 7200 when 'HIGH' then 28800 when 'MEDIUM' then 86400
                       else 172800 end as res_target
  from typed t
), timed as (
  select s.*,
         case when s.status <> 'OPEN' or s.r_fr < 0.3 then
                least(:'now'::timestamptz,
                      s.created_at + make_interval(secs => s.fr_target * (0.1 + s.r_fr * 1.0)))
         end as first_responded_at
  from statused s
), resolved as (
  select t.*,
         case when t.status in ('RESOLVED', 'CLOSED') then
                least(:'now'::timestamptz,
                      greatest(coalesce(t.first_responded_at, t.created_at) + interval '1 minute',
                               t.created_at + make_interval(secs => t.res_target * (0.2 + t.r_res * 0.95))))
         end as resolved_at
  from timed t
)
select r.*,
       case when r.status = 'CLOSED' then
              least(:'now'::timestamptz, r.resolved_at + make_interval(days => 2 + (r.r_more * 5)::int))
       end as closed_at,
       case when r.status = 'OPEN' and r.r_assign < 0.6 then null
            when r.k % 20 = 0 then :'agent'::uuid
            else ('00000000-0000-7000-8000-' || lpad(to_hex(r.k % 20), 12, '0'))::uuid end as assignee_id,
       case when r.k % 10 >= 8 then null
            else ('00000000-0000-7000-b000-' || lpad(to_hex(r.k % 5), 12, '0'))::uuid end as group_id,
       case when r.k < 10000 and r.k % 500 = 0 then :'customer'::uuid
            when r.k < 10000 then ('00000000-0000-7000-9000-' || lpad(to_hex(r.k % 2000), 12, '0'))::uuid
            else ('00000000-0000-7000-a000-' || lpad(to_hex(r.k % 200000), 12, '0'))::uuid end as requester_id,
       (lpad(to_hex((extract(epoch from r.created_at) * 1000)::bigint), 12, '0')
         || '7' || substr(md5(r.k::text), 1, 3) || '8' || substr(md5(r.k::text), 4, 15))::uuid as id,
       (select string_agg(v.a[1 + floor(v.size * power(random() + 0 * g, 2))::int], ' ')
          from generate_series(1, 4 + (r.k % 3)) g) as title,
       'sku' || lpad(((r.k::bigint * 7919) % 5000)::text, 4, '0') || ' '
         || (select string_agg(v.a[1 + floor(v.size * power(random() + 0 * g, 2))::int], ' ')
             from generate_series(1, 20 + (r.k % 15)) g) as description,
       (select string_agg(v.a[1 + floor(v.size * power(random() + 0 * g, 2))::int], ' ')
          from generate_series(1, 8 + (r.k % 7)) g) as reply
from resolved r cross join vocabulary v;

insert into tickets (
  id, number, requester_id, title, description, priority, category, tags, status, assignee_id,
  created_at, updated_at, first_responded_at, resolved_at, closed_at, escalated_at,
  escalation_level, auto_escalated, status_history, version,
  first_response_due_at, resolution_due_at, sla_due_at,
  first_response_stopped_at, first_response_seconds, first_response_breached,
  resolution_stopped_at, resolution_seconds, resolution_breached,
  sla_policy_version_id, sla_calendar_version_id, fields, group_id)
select
  g.id,
  'TCK-' || to_char(g.created_at at time zone 'UTC', 'YYYY') || '-'
    || lpad(nextval('ticket_number_seq')::text, 7, '0'),
  -- Tags: vip on 10% of tickets, legal-hold on 0.1% (the tags filter's common and rare case).
  g.requester_id, initcap(g.title), g.description, g.priority, null,
  case when g.k % 1000 = 7 then '{legal-hold}'::text[]
       when g.k % 10 = 2 then '{vip}'::text[]
       else '{}'::text[] end,
  g.status,
  g.assignee_id, g.created_at,
  coalesce(g.closed_at, g.resolved_at, g.first_responded_at, g.created_at),
  g.first_responded_at, g.resolved_at, g.closed_at,
  case when g.r_esc < 0.05 then g.created_at + make_interval(secs => g.fr_target / 2) end,
  case when g.r_esc < 0.05 then 1 else 0 end, false,
  '[' || concat_ws(',',
    format('{"status":"OPEN","at":"%s"}', to_char(g.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    case when g.status <> 'OPEN' then format('{"status":"IN_PROGRESS","at":"%s"}',
      to_char(coalesce(g.first_responded_at, g.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) end,
    case when g.status = 'PENDING_CUSTOMER' then format('{"status":"PENDING_CUSTOMER","at":"%s"}',
      to_char((coalesce(g.first_responded_at, g.created_at) + interval '1 minute') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) end,
    case when g.resolved_at is not null then format('{"status":"RESOLVED","at":"%s"}',
      to_char(g.resolved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) end,
    case when g.closed_at is not null then format('{"status":"CLOSED","at":"%s"}',
      to_char(g.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) end) || ']',
  1 + (g.status <> 'OPEN')::int + (g.resolved_at is not null)::int + (g.closed_at is not null)::int,
  case when g.first_responded_at is null and g.status not in ('RESOLVED', 'CLOSED')
       then g.created_at + make_interval(secs => g.fr_target) end,
  case when g.status in ('OPEN', 'IN_PROGRESS') then g.created_at + make_interval(secs => g.res_target) end,
  least(
    case when g.first_responded_at is null and g.status not in ('RESOLVED', 'CLOSED')
         then g.created_at + make_interval(secs => g.fr_target) end,
    case when g.status in ('OPEN', 'IN_PROGRESS') then g.created_at + make_interval(secs => g.res_target) end),
  coalesce(g.first_responded_at, g.resolved_at),
  extract(epoch from (coalesce(g.first_responded_at, g.resolved_at) - g.created_at))::bigint,
  coalesce(extract(epoch from (coalesce(g.first_responded_at, g.resolved_at) - g.created_at)) > g.fr_target, false),
  g.resolved_at,
  extract(epoch from (g.resolved_at - g.created_at))::bigint,
  coalesce(extract(epoch from (g.resolved_at - g.created_at)) > g.res_target, false),
  -- Measured by the seeded default policy on the 24x7 calendar (V16, V17), first versions.
  '00000000-0000-7000-8000-00000000d3f1'::uuid, '00000000-0000-7000-8000-000000002471'::uuid,
  -- The drop-down bench_tier (defined by read-side.sh, V24): gold on 20% of tickets, silver on
  -- another 20%, platinum on 0.1%; the rest have no field set.
  case when g.k % 1000 = 3 then '{"bench_tier": "platinum"}'
       when g.k % 5 = 0 then '{"bench_tier": "gold"}'
       when g.k % 5 = 1 then '{"bench_tier": "silver"}'
       else '{}' end::jsonb,
  g.group_id
from gen g;

insert into ticket_comments (id, ticket_id, author_id, author_role, body, internal, created_at)
select gen_random_uuid(), g.id, coalesce(g.assignee_id, :'agent'::uuid), 'AGENT', g.reply, false,
       g.first_responded_at
from gen g where g.first_responded_at is not null;
insert into ticket_comments (id, ticket_id, author_id, author_role, body, internal, created_at)
select gen_random_uuid(), g.id, g.requester_id, 'CUSTOMER', 'Thanks, that helped a lot', false,
       g.first_responded_at + interval '10 minutes'
from gen g where g.first_responded_at is not null and g.r_more < 0.3;
insert into ticket_comments (id, ticket_id, author_id, author_role, body, internal, created_at)
select gen_random_uuid(), g.id, coalesce(g.assignee_id, :'agent'::uuid), 'AGENT',
       'Internal: checked the logs, nothing unusual', true, g.created_at + interval '5 minutes'
from gen g where g.r_note < 0.1;

-- The counts the relay keeps from events (these tickets have none): all of them, less the moves of
-- events not yet published, which readers add themselves (ADR 0010).
delete from ticket_status_counts;
insert into ticket_status_counts (status, shard, n)
  select status, 0, sum(n)::bigint from (
    select status, count(*) as n from tickets group by status
    union all
    select m.status, -m.n
    from ticket_status_moves(array(select id from outbox where published_at is null)) m
  ) c
  group by status;
-- The tags in use, counted as V19 counts them (the tag filter reads them to choose its plan).
delete from ticket_tag_counts;
insert into ticket_tag_counts (tag, n)
  select t, count(*) from tickets, unnest(tags) as t group by t;
