-- Staff read the original mails of one ticket (GET /api/v1/tickets/{id}/inbound-mails, ADR 0026):
-- only mails that reached a ticket are indexed; ignored and failed ones have no ticket_id.
create index inbound_mails_by_ticket on inbound_mails (ticket_id, received_at)
  where ticket_id is not null;
