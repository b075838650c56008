-- Runtime settings (ADR 17, GET/PATCH /api/v1/settings): one row, validated by the domain
-- (RuntimeSettings), versioned for If-Match, read through each replica's cache (CachedSettings) and
-- changed only by ChangeSettings, which signals triage_settings in its transaction.
create table settings (
  id                              smallint    primary key default 1 check (id = 1),
  default_priority                text        not null
    check (default_priority in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  customer_priorities             text[]      not null
    check (cardinality(customer_priorities) > 0
           and customer_priorities <@ array['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']
           and default_priority = any (customer_priorities)),
  requester_may_accept_resolution boolean     not null,
  -- wall-clock seconds, between RuntimeSettings.MIN_AGE (1 minute) and MAX_AGE (365 days)
  auto_escalate_after_seconds     bigint      not null
    check (auto_escalate_after_seconds between 60 and 31536000),
  auto_close_after_seconds        bigint      not null
    check (auto_close_after_seconds between 60 and 31536000),
  version                         bigint      not null,
  updated_at                      timestamptz not null,
  -- who made the last change; null for the seed below
  updated_by                      uuid
);

-- Seeded with what the service did before: MEDIUM by default, every priority open to customers,
-- requesters may accept a resolution, and the sweeps' ages from triage.sweeps.auto-escalate-after
-- and triage.sweeps.auto-close-after (TRIAGE_AUTO_ESCALATE_AFTER / TRIAGE_AUTO_CLOSE_AFTER,
-- default PT24H and P7D), handed over as Flyway placeholders and kept within the bounds. They
-- seed this row once; afterwards the row wins and only PATCH /api/v1/settings changes it.
insert into settings (id, default_priority, customer_priorities, requester_may_accept_resolution,
                      auto_escalate_after_seconds, auto_close_after_seconds, version, updated_at)
values (1, 'MEDIUM', array['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], true,
        least(greatest(extract(epoch from interval '${triage_auto_escalate_after}')::bigint, 60),
              31536000),
        least(greatest(extract(epoch from interval '${triage_auto_close_after}')::bigint, 60),
              31536000),
        1, now());
