-- Deliveries out right now, by webhook: the sender counts them to keep each webhook to a few
-- attempts at once (leases are cleared when an outcome is recorded, so this index stays small).
create index webhook_deliveries_leased on webhook_deliveries (webhook_id, lease_until)
  where lease_until is not null;
