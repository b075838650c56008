-- Snoozed tickets (ADR 30): staff park a ticket until an instant; it leaves the default queues
-- and the sweep wakes it then. A nullable column without a default costs no rewrite, and a new
-- ticket (never snoozed) pays nothing for the index below.
alter table tickets add column snoozed_until timestamptz;

-- Only snoozed tickets are indexed: it serves the sweep ("snoozed_until <= now", the earliest
-- first) and the list filter snoozed=true; snoozed=false reads "snoozed_until is null" through
-- whatever index the rest of the list uses.
create index tickets_snoozed_until on tickets (snoozed_until) where snoozed_until is not null;
