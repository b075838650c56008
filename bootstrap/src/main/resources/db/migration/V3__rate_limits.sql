-- Token buckets of the rate limits that must hold across replicas (login, register), kept by
-- Bucket4j: id is "<policy>/<limit>/<window seconds>/<SHA-256 of the key>", state its serialized
-- bucket (null while a first insert races), expires_at the epoch millisecond after which the bucket
-- has refilled completely and the row may be deleted.
create table rate_limit_bucket (
  id         text primary key,
  state      bytea,
  expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
