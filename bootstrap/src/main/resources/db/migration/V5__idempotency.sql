-- Idempotency records: the answer to each command sent with an Idempotency-Key, written in the
-- command's own transaction (ADR 0005). A record belongs to a caller (a user id, or 'anonymous' for
-- public commands) and is found by key_hash, the SHA-256 of the operation ("POST /api/v1/tickets")
-- and the client's key: the key itself is never stored, and a hash keeps the primary key small
-- however long the path. fingerprint is an HMAC of the command keyed by the client's key; result
-- is the command's answer sealed (AES-GCM) with a key derived from it, null only inside the
-- transaction that claimed the record. Rows expire at expires_at (triage.idempotency.ttl after
-- creation, 24 hours by default) and a periodic job deletes them.
create table idempotency_records (
  caller      text        not null,
  key_hash    bytea       not null,
  operation   text        not null,
  fingerprint bytea       not null,
  result      bytea,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  primary key (caller, key_hash)
);

create index idempotency_records_expires_at on idempotency_records (expires_at);
