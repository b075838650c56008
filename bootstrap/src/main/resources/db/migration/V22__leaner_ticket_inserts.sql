-- Every index and check a ticket insert touches is paid on the hottest write path (ADR 10). Three
-- added by V18 and V19 cost more than they give:
--   * tickets_open_pins: re-apply walks open tickets by id through the primary key instead (each
--     batch resumes after the last id, so a whole re-apply reads the key once);
--   * the foreign keys of the pinned versions: version rows are immutable and cannot be deleted
--     (V16, V17 triggers), so a pinned version always exists without a check per insert;
--   * the GIN index on every ticket's tags, including the empty ones: only tagged tickets are
--     indexed now (the list filter names the same predicate).
drop index tickets_open_pins;
alter table tickets drop constraint tickets_sla_policy_version_id_fkey;
alter table tickets drop constraint tickets_sla_calendar_version_id_fkey;
drop index tickets_tags;
create index tickets_tags on tickets using gin (tags) where cardinality(tags) > 0;
