-- Sweeps read only what is due: each ticket stores when its next SLA warning or breach falls due
-- (SlaAlarmPolicy.nextAlarmAt, written with every save), and one partial index serves the SLA
-- alarm pass (SqlSweepCandidates.SLA_ALARMS). Tickets that can have no alarm without a command
-- (clocks paused or stopped, every alarm recorded) hold null and are not in the index.
alter table tickets add column next_sla_alarm_at timestamptz;

-- Rows written before this column: any ticket the old candidate query could still select is due
-- for one look at once; a sweep that finds nothing due stores its real next alarm.
update tickets set next_sla_alarm_at = updated_at
 where (sla_due_at is not null and cardinality(sla_breaches) < 2)
    or (first_response_breached and not ('FIRST_RESPONSE' = any (sla_breaches)))
    or (resolution_breached and not ('RESOLUTION' = any (sla_breaches)));

create index tickets_next_sla_alarm on tickets (next_sla_alarm_at)
 where next_sla_alarm_at is not null;

-- The sla_due_at index stays: the overdue list and the SLA gauge read it.
