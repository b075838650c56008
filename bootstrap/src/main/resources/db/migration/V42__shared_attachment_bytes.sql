-- A merge copies the source's comments into the target with their files (ADR 30): a copy of a file
-- is a row of its own (its id, the target ticket, the copied comment, the file's facts) whose
-- bytes are the original's, stored once under the original's id. content_id names that id; it is
-- null for a file whose bytes are stored under its own id, as every upload's are.
alter table attachments add column content_id uuid references attachments (id);
-- A redaction erases bytes only when no file that shares them is still unerased: it looks up the
-- copies of an original here. Only copies have an entry.
create index attachments_by_content on attachments (content_id) where content_id is not null;
