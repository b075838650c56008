-- Attachments (issue 19, point 1; ADR 29). An upload is a row here once its bytes are stored; it is
-- claimed by a comment (reply or note) or by a new ticket, and an unclaimed one is purged after a
-- day. The row keeps the fact (name, type, size, digest) after a redaction erased the bytes.
-- Nothing is added to tickets or ticket_comments: no cost to their writes.
-- The references are checked at commit: a new ticket claims its files before its row is written
-- (ADR 10: the row goes in the command's closing statement).
create table attachments (
  id           uuid        primary key,
  uploader_id  uuid        not null,
  file_name    text        not null check (char_length(file_name) between 1 and 255),
  content_type text        not null check (char_length(content_type) between 1 and 255),
  size         bigint      not null check (size >= 0),
  sha256       text        not null check (char_length(sha256) = 64),
  created_at   timestamptz not null,
  ticket_id    uuid        references tickets (id) deferrable initially deferred,
  comment_id   uuid        references ticket_comments (id) deferrable initially deferred,
  internal     boolean     not null default false,
  claimed_at   timestamptz,
  erased_by    uuid,
  erased_at    timestamptz,
  check ((ticket_id is null) = (claimed_at is null)),
  check (comment_id is null or ticket_id is not null)
);
-- A ticket's files (GET /tickets/{id}/attachments) and a page of comments' files (the comment list
-- reads them by comment id): only claimed rows have either.
create index attachments_by_ticket on attachments (ticket_id, created_at, id)
    where ticket_id is not null;
create index attachments_by_comment on attachments (comment_id) where comment_id is not null;
-- The purge reads the oldest unclaimed uploads.
create index attachments_unclaimed on attachments (created_at) where ticket_id is null;

-- The bytes of the default store, in chunks of up to 256 KiB, written and read one at a time so
-- that no file is ever held whole. Written before the upload's row, so there is no foreign key;
-- chunks whose row never came (a failed upload) are found by their time-ordered (v7) id.
create table attachment_chunks (
  attachment_id uuid  not null,
  n             int   not null check (n >= 0),
  data          bytea not null,
  primary key (attachment_id, n)
);
-- Files are mostly compressed already (images, PDF, archives): stored out of line, uncompressed.
alter table attachment_chunks alter column data set storage external;
