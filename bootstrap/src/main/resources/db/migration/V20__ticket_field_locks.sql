-- Fields an admin locked on a ticket (JSON names: priority, category, groupId, assigneeId); a
-- command that would change one is refused with FIELD_LOCKED. Empty for every ticket so far.
alter table tickets add column locked_fields text[] not null default '{}';
