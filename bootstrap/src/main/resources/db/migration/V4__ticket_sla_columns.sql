-- Due dates of the running SLA clocks, kept on every write of a ticket, so lists can filter on
-- "overdue" and sort by the next due date without evaluating clocks row by row. A clock that is
-- stopped or paused has no due date here (a paused clock cannot become overdue).
alter table tickets add column first_response_due_at timestamptz;
alter table tickets add column resolution_due_at timestamptz;
alter table tickets add column sla_due_at timestamptz;
