-- Custom ticket fields (issue 18, point 4; ADR 20). Admins define fields in ticket_fields; a
-- ticket keeps its values in tickets.fields, one JSON object by the fields' keys. The key and the
-- type of a field never change once created, so stored values keep their meaning; a field is
-- retired (active false), never deleted, and the values tickets have stay readable.
create table ticket_fields (
  id                     uuid        primary key,
  key                    text        not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label                  text        not null check (char_length(label) between 1 and 100),
  type                   text        not null check (type in ('TEXT', 'LONG_TEXT', 'INTEGER',
                                        'DECIMAL', 'DATE', 'CHECKBOX', 'DROPDOWN', 'MULTI_SELECT')),
  options                text[]      not null default '{}',
  required_for_customers boolean     not null,
  required_for_staff     boolean     not null,
  visible_to_customers   boolean     not null,
  editable_by_customers  boolean     not null,
  position               integer     not null,
  active                 boolean     not null,
  version                bigint      not null check (version >= 1),
  created_at             timestamptz not null,
  updated_at             timestamptz not null
);
create unique index ticket_fields_key on ticket_fields (key);

-- A constant default: adding the column rewrites no row, and a ticket created without fields
-- writes nothing more than before.
alter table tickets add column fields jsonb not null default '{}';

-- The list filter field.<key>=<value> reads "fields @> {...}" through this index. Only tickets
-- that have a value are in it (the filter names the same predicate), so tickets without fields
-- cost an insert nothing, as V22 did for tags.
create index tickets_fields on tickets using gin (fields jsonb_path_ops) where fields <> '{}';
