package dev.triage.adapters.out.persistence;

import static dev.triage.adapters.out.persistence.SqlStatement.utc;

import dev.triage.application.attachment.AttachmentView;
import dev.triage.application.dashboard.DashboardFigures;
import dev.triage.application.dashboard.DashboardFigures.AgentFigures;
import dev.triage.application.dashboard.DashboardFigures.Compliance;
import dev.triage.application.dashboard.DashboardFigures.Durations;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.tag.TagCount;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.StoredTicket;
import dev.triage.application.ticket.list.Keyset;
import dev.triage.application.ticket.list.TicketCriteria;
import dev.triage.application.ticket.list.TicketSort;
import dev.triage.application.ticket.list.TicketSummary;
import dev.triage.application.ticket.timeline.TimelineEntry;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The read side of tickets in SQL over the reactive PostgreSQL pool: one statement per answer,
 * shaped for it, on the indexes of migration V7 (ADR 0007).
 *
 * <p>A ticket list is planned by hand where the planner cannot know better: with no full-text
 * query, no overdue filter and no single requester, it is one short index range per status (the
 * statuses asked for, or all of them), each already in sort order and cut at the page size, merged
 * by a final sort of at most five pages. So page 1,000 costs what page 1 costs, at any table size.
 * A requester's tickets, overdue tickets and full-text matches are small sets found by their own
 * index and sorted whole.
 *
 * <p>Lists, search, overdue, comments, the timeline and the dashboard read from the {@link
 * ReadReplica} pool, which may be a standby a moment behind (ADR 0012). One ticket ({@code ticket},
 * answered right after a command wrote it) and the ticket lookup that decides who may read its
 * comments and timeline ({@code ref}) read from the primary, so a ticket just opened is never
 * missing.
 */
@ApplicationScoped
public class SqlTicketQueries implements TicketQueries {

  private static final String SUMMARY_COLUMNS =
      "id, number, title, priority, status, requester_id, assignee_id, created_at, updated_at,"
          + " sla_due_at, escalation_level, priority_rank, sla_due_sort, group_id";

  private static final String OPEN_STATUSES = "('OPEN', 'IN_PROGRESS', 'PENDING_CUSTOMER')";

  private final Pool pool;
  private final Pool reads;

  public SqlTicketQueries(Pool pool, @ReadReplica Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  // ------------------------------------------------------------------------------- tickets

  /**
   * How a list filtered by tags or custom field values finds its tickets (ADR 18): walking each
   * status's tickets in sort order and checking each (a common value), through the GIN indexes with
   * a sort of every match (a rare value, sorted otherwise than by creation), or along the ordered
   * marks of the rarest value (V41: a rare value, sorted by creation).
   */
  enum ValuePath {
    WALK,
    INDEX,
    MARKS
  }

  @Override
  public Uni<List<TicketRow>> tickets(TicketCriteria c, int limit) {
    List<String> marks = marks(c);
    if (marks.isEmpty()) {
      SqlStatement st = new SqlStatement();
      String query = criteria(c, st, ValuePath.INDEX);
      return tickets(c, limit, st, query, ValuePath.INDEX, null);
    }
    // How a tag or field filter is best served depends on how common its rarest value is: the
    // count of each value's marks (cut where it no longer matters) and the number of tickets are
    // read first, one small select.
    return reads
        .preparedQuery(MARK_DENSITY)
        .execute(Tuple.of(marks.toArray(String[]::new)))
        .chain(
            rows -> {
              String rarest = null;
              long fewest = Long.MAX_VALUE;
              long total = 0;
              for (Row r : rows) {
                total = r.getLong("total");
                if (r.getLong("n") < fewest) {
                  fewest = r.getLong("n");
                  rarest = r.getString("mark");
                }
              }
              ValuePath path =
                  walk(fewest, total)
                      ? ValuePath.WALK
                      : alongMarks(c) ? ValuePath.MARKS : ValuePath.INDEX;
              SqlStatement st = new SqlStatement();
              String query = criteria(c, st, path);
              return tickets(c, limit, st, query, path, rarest);
            });
  }

  /**
   * The count of the marks {@code $1} (each cut at √(25 × tickets) + 1: beyond that only "common"
   * matters) and the number of tickets.
   */
  static final String MARK_DENSITY =
      "with total as (select coalesce(sum(n), 0)::bigint as n from ticket_status_counts)"
          + " select m.mark, (select count(*) from (select 1 from ticket_marks k"
          + " where k.mark = m.mark limit (select ceil(sqrt(25.0 * n))::bigint + 1 from total))"
          + " s)::bigint as n, (select n from total) as total from unnest($1::text[]) as m(mark)";

  /** The longest field value that has a mark (V41). */
  static final int MARKED_VALUE_LENGTH = 200;

  /**
   * The marks (V41) a ticket matching {@code c} holds for its tags and text field values; a ticket
   * without one of them does not match.
   */
  static List<String> marks(TicketCriteria c) {
    List<String> marks = new ArrayList<>();
    for (String t : c.tags()) {
      marks.add("tag:" + t);
    }
    c.fields()
        .forEach(
            (key, value) -> {
              List<?> values = value instanceof List<?> l ? l : List.of(value);
              for (Object v : values) {
                if (v instanceof String s && s.length() <= MARKED_VALUE_LENGTH) {
                  marks.add("field:" + key + "=" + s);
                }
              }
            });
    return marks;
  }

  /** Whether {@code c} is served along the marks of a rare value: a list in creation order. */
  private static boolean alongMarks(TicketCriteria c) {
    return (c.sort() == TicketSort.NEWEST || c.sort() == TicketSort.CREATED)
        && c.text().isEmpty()
        && c.requester().isEmpty()
        && c.participant().isEmpty()
        && c.cc().isEmpty();
  }

  /**
   * Whether a page of tickets with a value on {@code rarest} of {@code total} tickets is found
   * faster walking each status's tickets in sort order than through an index of the value. The walk
   * reads about page × total / rarest rows, the index path about rarest (all of them, to sort them,
   * where no marks serve the order): they cost the same near rarest = √(page × total), taken with a
   * page of 25: 5,000 at 1,000,000 tickets, so neither path reads more than about 5,000 rows there.
   */
  static boolean walk(long rarest, long total) {
    return rarest > 0 && (double) rarest * rarest >= 25.0 * total;
  }

  @Override
  public Uni<Long> count(TicketCriteria c, long atMost) {
    SqlStatement st = new SqlStatement();
    criteria(c, st, ValuePath.INDEX);
    // Every status named when none is asked for: the indexes that lead with the status (created,
    // due, priority) then serve a range on their second column, as for "created last week".
    Set<Status> statuses = c.statuses().isEmpty() ? Set.of(Status.values()) : c.statuses();
    String where = st.where("status in " + statusList(statuses));
    // Counting stops at atMost rows: one count never reads more, whatever the table size.
    String sql =
        "select count(*) as n from (select 1 from tickets"
            + where
            + " limit "
            + st.bind(atMost)
            + ") matching";
    return st.list(reads, sql, r -> r.getLong("n")).map(List::getFirst);
  }

  /**
   * Adds the filters of {@code c} (and its scope) to {@code st}: the one reading of the criteria,
   * for the list and its count alike. Answers the SQL of the full-text query, or null.
   */
  private static String criteria(TicketCriteria c, SqlStatement st, ValuePath path) {
    String now = st.bind(utc(c.now()));
    String query =
        c.text().map(q -> "websearch_to_tsquery('english', " + st.bind(q) + ")").orElse(null);
    c.requester().ifPresent(r -> st.and("requester_id = ", r.value()));
    // The predicate of the partial GIN index on CCs (V29): only tickets with CCs are in it.
    c.participant()
        .ifPresent(
            p ->
                st.and(
                    "(requester_id = "
                        + st.bind(p.value())
                        + " or (cardinality(cc_ids) > 0 and cc_ids @> array["
                        + st.bind(p.value())
                        + "::uuid]))"));
    c.cc()
        .ifPresent(
            p ->
                st.and(
                    "cardinality(cc_ids) > 0 and cc_ids @> array["
                        + st.bind(p.value())
                        + "::uuid]"));
    c.assignee().ifPresent(a -> st.and("assignee_id = ", a.value()));
    if (c.unassigned()) {
      st.and("assignee_id is null");
    }
    c.priority()
        .ifPresent(
            p -> {
              if (c.sort() == TicketSort.PRIORITY) {
                st.and("priority_rank = " + rankOf(p));
              } else {
                st.and("priority = ", p.name());
              }
            });
    if (c.overdue()) {
      st.and("sla_due_at is not null and sla_due_at < " + now);
    }
    if (c.escalated()) {
      st.and("escalation_level > 0");
    }
    if (!c.tags().isEmpty()) {
      // The tags are written into the statement, as field values are (ADR 20): the plan then
      // knows which tag it looks for. Quotes doubled; a NUL no stored tag can hold matches nothing.
      if (c.tags().stream().anyMatch(t -> t.indexOf('\0') >= 0)) {
        st.and("false");
      } else {
        List<String> literals = new ArrayList<>();
        for (String t : c.tags()) {
          literals.add("'" + t.replace("'", "''") + "'");
        }
        String tags = "array[" + String.join(", ", literals) + "]::text[]";
        switch (path) {
          // A common tag: each status's newest tickets are walked and checked, through an
          // expression the GIN index cannot serve (the planner underrates a bitmap of 100,000
          // entries and ANDs it with a status's few hundred tickets: 60 ms at 1M where the walk
          // takes under 1 ms, ADR 18).
          case WALK -> st.and("coalesce(tags, '{}'::text[]) @> " + tags);
          // A rare tag, sorted otherwise than by creation: the partial GIN index (V22, its
          // predicate repeated), then a top-N sort of at most about √(25 × tickets) rows.
          case INDEX -> st.and("cardinality(tags) > 0 and tags @> " + tags);
          // Along the marks: each ticket checked, no index.
          case MARKS -> st.and("tags @> " + tags);
        }
      }
    }
    if (!c.fields().isEmpty()) {
      // The predicate of the partial GIN index (V24). Not the own-index path: a common value is
      // found fastest walking each status's newest tickets, a rare one through the index (ADR 20).
      // The value is written into the statement, not bound: a plan made for a bound value (the
      // pool's prepared statements are planned generically after a few runs) cannot tell a
      // value on every fifth ticket from one on every thousandth, and the rare one then walks a
      // whole status's tickets (300 ms at 1M, ADR 20). JSON from checked values, quotes doubled.
      // Along the marks (V41) of a rare value, each ticket is checked without the index.
      st.and(
          (path == ValuePath.MARKS ? "fields @> '" : "fields <> '{}' and fields @> '")
              + FieldValuesJson.write(c.fields()).replace("'", "''")
              + "'::jsonb");
    }
    if (c.noGroup()) {
      st.and("group_id is null");
    }
    c.groups()
        .ifPresent(
            g -> {
              // The predicate of the partial index on groups (V23): only grouped tickets are in it.
              if (g.isEmpty()) {
                st.and("false");
              } else if (g.size() == 1) {
                st.and("group_id is not null and group_id = ", g.iterator().next());
              } else {
                st.and(
                    "group_id is not null and group_id = any("
                        + st.bind(g.stream().map(UUID::toString).toArray(String[]::new))
                        + "::text[]::uuid[])");
              }
            });
    c.channel().ifPresent(ch -> st.and("channel = ", ch.jsonName()));
    // Snoozed tickets are few: the partial index of V38 finds them; the rest need no index.
    c.snoozed().ifPresent(z -> st.and(z ? "snoozed_until is not null" : "snoozed_until is null"));
    c.createdFrom().ifPresent(t -> st.and("created_at >= ", utc(t)));
    c.createdUntil().ifPresent(t -> st.and("created_at < ", utc(t)));
    if (query != null) {
      String inReplies =
          " from ticket_comments c where not c.internal and c.redacted_at is null"
              + " and c.search_vector @@ "
              + query;
      // A requester's tickets are few: found by their index, each checked on its own text and
      // replies. Otherwise the matches come from the two GIN indexes, whatever the table size,
      // gathered first (an array) so each is one primary-key lookup: as "id in (...)" the planner
      // may hash the matches and scan every ticket.
      st.and(
          c.requester().isPresent() || c.participant().isPresent() || c.cc().isPresent()
              ? "(search_vector @@ "
                  + query
                  + " or exists (select 1"
                  + inReplies
                  + " and c.ticket_id = tickets.id))"
              : "id = any(array(select id from tickets where search_vector @@ "
                  + query
                  + " union select c.ticket_id"
                  + inReplies
                  + "))");
    }
    return query;
  }

  private Uni<List<TicketRow>> tickets(
      TicketCriteria c,
      int limit,
      SqlStatement st,
      String query,
      ValuePath path,
      String rarestMark) {
    // A ticket matches on its own text or on any one of its public, unredacted replies (each has
    // its own vector, V12); it ranks by the better of the two.
    String rank =
        query == null
            ? "0::real"
            : "greatest(ts_rank(search_vector, "
                + query
                + "), coalesce((select max(ts_rank(c.search_vector, "
                + query
                + ")) from ticket_comments c where c.ticket_id = tickets.id and not c.internal"
                + " and c.redacted_at is null and c.search_vector @@ "
                + query
                + "), 0))";
    if (path == ValuePath.MARKS) {
      return alongMarks(c, limit, st, rarestMark);
    }
    c.after().ifPresent(k -> st.and(keyset(c.sort(), k, st, rank)));
    String order = order(c.sort());
    String select = "select " + SUMMARY_COLUMNS + ", " + rank + " as rank from tickets";
    String lim = st.bind((long) limit);

    boolean ownIndex =
        c.text().isPresent()
            || (!c.tags().isEmpty() && path == ValuePath.INDEX)
            || c.overdue()
            || c.requester().isPresent()
            || c.participant().isPresent()
            || c.cc().isPresent()
            || c.snoozed().orElse(false)
            || (c.sort() != TicketSort.CREATED
                && c.sort() != TicketSort.NEWEST
                && (c.createdFrom().isPresent() || c.createdUntil().isPresent()));
    String sql;
    if (ownIndex) {
      String where =
          c.statuses().isEmpty() ? st.where() : st.where("status in " + statusList(c.statuses()));
      sql = select + where + " order by " + order + " limit " + lim;
    } else {
      Set<Status> statuses = c.statuses().isEmpty() ? Set.of(Status.values()) : c.statuses();
      List<String> branches = new ArrayList<>();
      for (Status s : Status.values()) {
        if (statuses.contains(s)) {
          String where = st.where("status = '" + s.name() + "'");
          branches.add("(" + select + where + " order by " + order + " limit " + lim + ")");
        }
      }
      sql =
          branches.size() == 1
              ? branches.getFirst()
              : "select * from ("
                  + String.join(" union all ", branches)
                  + ") t order by "
                  + order
                  + " limit "
                  + lim;
    }
    Instant at = c.now();
    TicketSort sort = c.sort();
    return st.list(reads, sql, r -> row(r, at, sort));
  }

  /**
   * A page in creation order along the marks (V41) of the rarest tag or field value: the index
   * gives its tickets in order, each is read by its key and checked against every other filter, and
   * the page ends after {@code limit} matches, whatever the table size.
   */
  private Uni<List<TicketRow>> alongMarks(
      TicketCriteria c, int limit, SqlStatement st, String mark) {
    boolean newest = c.sort() == TicketSort.NEWEST;
    c.after()
        .ifPresent(
            k ->
                st.and(
                    "(at, ticket) "
                        + (newest ? "<" : ">")
                        + " ("
                        + st.bind(k.key())
                        + "::text::timestamptz, "
                        + st.bind(k.id())
                        + ")"));
    if (!c.statuses().isEmpty()) {
      st.and("status in " + statusList(c.statuses()));
    }
    String sql =
        "select "
            + SUMMARY_COLUMNS
            + ", 0::real as rank from ticket_marks join tickets on id = ticket"
            + st.where("mark = " + st.bind(mark))
            + (newest ? " order by at desc, ticket desc" : " order by at, ticket")
            + " limit "
            + st.bind((long) limit);
    Instant at = c.now();
    TicketSort sort = c.sort();
    return st.list(reads, sql, r -> row(r, at, sort));
  }

  private static String keyset(TicketSort sort, Keyset k, SqlStatement st, String rank) {
    String id = st.bind(k.id());
    String key = st.bind(k.key());
    return switch (sort) {
      case CREATED -> "(created_at, id) > (" + key + "::text::timestamptz, " + id + ")";
      case NEWEST -> "(created_at, id) < (" + key + "::text::timestamptz, " + id + ")";
      case SLA_DUE -> "(sla_due_sort, id) > (" + key + "::text::timestamptz, " + id + ")";
      case PRIORITY -> "(priority_rank, id) > (" + key + "::text::smallint, " + id + ")";
      case RELEVANCE -> {
        String bound = key + "::text::real";
        yield "("
            + rank
            + " < "
            + bound
            + " or ("
            + rank
            + " = "
            + bound
            + " and id < "
            + id
            + "))";
      }
    };
  }

  private static String order(TicketSort sort) {
    return switch (sort) {
      case CREATED -> "created_at, id";
      case NEWEST -> "created_at desc, id desc";
      case SLA_DUE -> "sla_due_sort, id";
      case PRIORITY -> "priority_rank, id";
      case RELEVANCE -> "rank desc, id desc";
    };
  }

  /** The value of the generated column {@code tickets.priority_rank} (V7) for a priority. */
  static int rankOf(Priority p) {
    return switch (p) {
      case CRITICAL -> 0;
      case HIGH -> 1;
      case MEDIUM -> 2;
      case LOW -> 3;
    };
  }

  private static TicketRow row(Row r, Instant now, TicketSort sort) {
    Optional<Instant> due = Optional.ofNullable(instant(r, "sla_due_at"));
    TicketSummary summary =
        new TicketSummary(
            r.getUUID("id"),
            r.getString("number"),
            r.getString("title"),
            Priority.valueOf(r.getString("priority")),
            Status.valueOf(r.getString("status")),
            r.getUUID("requester_id"),
            Optional.ofNullable(r.getUUID("assignee_id")),
            instant(r, "created_at"),
            instant(r, "updated_at"),
            due,
            r.getInteger("escalation_level"),
            due.map(d -> d.isBefore(now)).orElse(false),
            Optional.ofNullable(r.getUUID("group_id")));
    String key =
        switch (sort) {
          case CREATED, NEWEST -> summary.createdAt().toString();
          case SLA_DUE -> due.map(Instant::toString).orElse("infinity");
          case PRIORITY -> Short.toString(r.getShort("priority_rank"));
          case RELEVANCE -> Float.toString(r.getFloat("rank"));
        };
    return new TicketRow(summary, key);
  }

  private static String statusList(Set<Status> statuses) {
    List<String> names = new ArrayList<>();
    for (Status s : Status.values()) {
      if (statuses.contains(s)) {
        names.add("'" + s.name() + "'");
      }
    }
    return "(" + String.join(", ", names) + ")";
  }

  // ------------------------------------------------------------------------------- one ticket

  private static final String TICKET_BY_ID =
      "select " + TicketEntity.COLUMNS + " from tickets where id = $1";

  private static final String TICKET_BY_NUMBER =
      "select " + TicketEntity.COLUMNS + " from tickets where number = $1";

  @Override
  public Uni<List<TagCount>> tags(int limit) {
    return pool.preparedQuery(
            "select tag, n from ticket_tag_counts where n > 0 order by n desc, tag limit $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<TagCount> tags = new ArrayList<>();
              for (Row r : rows) {
                tags.add(new TagCount(r.getString("tag"), r.getLong("n")));
              }
              return tags;
            });
  }

  @Override
  public Uni<Optional<StoredTicket>> ticket(TicketId id) {
    return ticket(TICKET_BY_ID, id.value());
  }

  @Override
  public Uni<Optional<StoredTicket>> ticket(TicketNumber number) {
    return ticket(TICKET_BY_NUMBER, number.value());
  }

  private Uni<Optional<StoredTicket>> ticket(String sql, Object key) {
    return pool.preparedQuery(sql)
        .execute(Tuple.of(key))
        .map(
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                return Optional.<StoredTicket>empty();
              }
              TicketEntity row = TicketEntity.fromRow(it.next());
              return Optional.of(new StoredTicket(row.toDomain(), row.slaState()));
            });
  }

  @Override
  public Uni<Optional<TicketRef>> ref(TicketId id) {
    return ref("id = $1", id.value());
  }

  @Override
  public Uni<Optional<TicketRef>> ref(TicketNumber number) {
    return ref("number = $1", number.value());
  }

  private Uni<Optional<TicketRef>> ref(String condition, Object key) {
    return pool.preparedQuery(
            "select id, requester_id, group_id, cc_ids from tickets where " + condition)
        .execute(Tuple.of(key))
        .map(
            rows -> {
              var it = rows.iterator();
              if (!it.hasNext()) {
                return Optional.<TicketRef>empty();
              }
              Row r = it.next();
              return Optional.of(
                  new TicketRef(
                      TicketId.of(r.getUUID(0)),
                      UserId.of(r.getUUID(1)),
                      Optional.ofNullable(r.getUUID(2)),
                      users(r.getArrayOfUUIDs(3))));
            });
  }

  @Override
  public Uni<List<CommentView>> comments(
      TicketId ticket, boolean withInternal, Optional<Keyset> after, int limit) {
    SqlStatement st = new SqlStatement().and("ticket_id = ", ticket.value());
    if (!withInternal) {
      st.and("not internal");
    }
    after.ifPresent(
        k ->
            st.and(
                "(created_at, id) > ("
                    + st.bind(k.key())
                    + "::text::timestamptz, "
                    + st.bind(k.id())
                    + ")"));
    String sql =
        st.page(
            "select id, ticket_id, author_id, body, internal, created_at, redacted_by, redacted_at,"
                + " split_into_id,"
                + COMMENT_ATTACHMENTS
                + " from ticket_comments",
            "created_at, id",
            limit);
    return st.list(reads, sql, SqlTicketQueries::comment);
  }

  @Override
  public Uni<List<TimelineEntry>> timeline(
      TicketId ticket, boolean withInternal, OptionalLong after, int limit) {
    SqlStatement st =
        new SqlStatement().and("aggregate_type = 'Ticket'").and("aggregate_id = ", ticket.value());
    if (!withInternal) {
      st.and("not internal");
    }
    if (after.isPresent()) {
      st.and("id > ", after.getAsLong());
    }
    String sql =
        st.page(
            "select id, event_id, type, internal, actor_id, occurred_at, payload::text as data"
                + " from outbox",
            "id",
            limit);
    return st.list(
        reads,
        sql,
        r ->
            new TimelineEntry(
                r.getLong("id"),
                r.getUUID("event_id"),
                r.getString("type"),
                r.getBoolean("internal"),
                r.getUUID("actor_id"),
                instant(r, "occurred_at"),
                r.getString("data")));
  }

  /** Each comment's files (ADR 29), as a JSON array read with the page of comments. */
  private static final String COMMENT_ATTACHMENTS =
      " coalesce((select json_agg(json_build_object('id', a.id, 'fileName', a.file_name,"
          + " 'contentType', a.content_type, 'size', a.size, 'erased', a.erased_at is not null)"
          + " order by a.created_at, a.id) from attachments a"
          + " where a.comment_id = ticket_comments.id), '[]'::json) as attachments";

  private static List<AttachmentView> attachments(Row r) {
    JsonArray files = (JsonArray) r.getJson("attachments");
    List<AttachmentView> out = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      JsonObject f = files.getJsonObject(i);
      out.add(
          new AttachmentView(
              UUID.fromString(f.getString("id")),
              f.getString("fileName"),
              f.getString("contentType"),
              f.getLong("size"),
              f.getBoolean("erased"),
              r.getUUID("id")));
    }
    return out;
  }

  /** A comment row; a redacted comment's body reads as empty. */
  private static CommentView comment(Row r) {
    Optional<Instant> redactedAt = Optional.ofNullable(instant(r, "redacted_at"));
    return new CommentView(
        r.getUUID("id"),
        r.getUUID("ticket_id"),
        r.getUUID("author_id"),
        redactedAt.isPresent() ? "" : r.getString("body"),
        r.getBoolean("internal"),
        instant(r, "created_at"),
        Optional.ofNullable(r.getUUID("redacted_by")),
        redactedAt,
        Optional.ofNullable(r.getUUID("split_into_id")),
        attachments(r));
  }

  // ------------------------------------------------------------------------------- dashboard

  private static final String COUNTS_BY_STATUS =
      "select status, sum(n)::bigint as n from (select status, n from ticket_status_counts"
          + " union all select status, n from ticket_status_moves(array(select id from outbox"
          + " where published_at is null))) c group by status";

  private static final String COUNTS_NOW =
      "select"
          + " (select count(*) from tickets where sla_due_at is not null and sla_due_at < $1)"
          + " as overdue,"
          + " (select count(*) from tickets where status in "
          + OPEN_STATUSES
          + " and escalation_level > 0) as escalated_open,"
          + " (select count(*) from tickets where escalated_at >= $2 and escalated_at < $3)"
          + " as escalated_window";

  private static final String WINDOW =
      "with fr as ("
          + " select first_responded_at, first_response_seconds as s, first_response_breached as b"
          + " from tickets where first_response_stopped_at >= $1 and first_response_stopped_at < $2"
          + "), rs as ("
          + " select resolved_at, resolution_seconds as s, resolution_breached as b"
          + " from tickets where resolution_stopped_at >= $1 and resolution_stopped_at < $2"
          + ") select"
          + " (select count(*) from fr where first_responded_at is not null) as fr_count,"
          + " (select avg(s)::float8 from fr where first_responded_at is not null) as fr_avg,"
          + " (select percentile_cont(0.9) within group (order by s) from fr"
          + " where first_responded_at is not null) as fr_p90,"
          + " (select count(*) from fr) as fr_stopped,"
          + " (select count(*) from fr where not b) as fr_met,"
          + " (select count(*) from rs where resolved_at is not null) as rs_count,"
          + " (select avg(s)::float8 from rs where resolved_at is not null) as rs_avg,"
          + " (select percentile_cont(0.9) within group (order by s) from rs"
          + " where resolved_at is not null) as rs_p90,"
          + " (select count(*) from rs) as rs_stopped,"
          + " (select count(*) from rs where not b) as rs_met";

  private static final String AGENTS =
      "with open as ("
          + " select assignee_id as a, count(*) as n from tickets"
          + " where status in "
          + OPEN_STATUSES
          + " and assignee_id is not null group by assignee_id"
          + "), fr as ("
          + " select assignee_id as a,"
          + " avg(first_response_seconds) filter (where first_responded_at is not null)::float8"
          + " as avg_s, count(*) as stopped, count(*) filter (where not first_response_breached)"
          + " as met from tickets"
          + " where first_response_stopped_at >= $1 and first_response_stopped_at < $2"
          + " and assignee_id is not null group by assignee_id"
          + "), rs as ("
          + " select assignee_id as a, count(*) filter (where resolved_at is not null) as resolved,"
          + " count(*) as stopped, count(*) filter (where not resolution_breached) as met"
          + " from tickets where resolution_stopped_at >= $1 and resolution_stopped_at < $2"
          + " and assignee_id is not null group by assignee_id"
          + "), ids as (select a from open union select a from fr union select a from rs)"
          + " select ids.a, u.display_name, coalesce(open.n, 0) as open_n,"
          + " coalesce(rs.resolved, 0) as resolved, fr.avg_s,"
          + " coalesce(fr.stopped, 0) + coalesce(rs.stopped, 0) as stopped,"
          + " coalesce(fr.met, 0) + coalesce(rs.met, 0) as met"
          + " from ids left join users u on u.id = ids.a left join open on open.a = ids.a"
          + " left join fr on fr.a = ids.a left join rs on rs.a = ids.a"
          + " order by open_n desc, ids.a";

  @Override
  public Uni<DashboardFigures> dashboard(Instant from, Instant to, Instant now) {
    Uni<RowSet<Row>> byStatus = reads.query(COUNTS_BY_STATUS).execute();
    Uni<RowSet<Row>> counts =
        reads.preparedQuery(COUNTS_NOW).execute(Tuple.of(utc(now), utc(from), utc(to)));
    Uni<RowSet<Row>> window = reads.preparedQuery(WINDOW).execute(Tuple.of(utc(from), utc(to)));
    Uni<RowSet<Row>> agents = reads.preparedQuery(AGENTS).execute(Tuple.of(utc(from), utc(to)));
    return Uni.combine()
        .all()
        .unis(byStatus, counts, window, agents)
        .with(
            (s, c, w, a) -> {
              Map<Status, Long> statuses = new EnumMap<>(Status.class);
              for (Row r : s) {
                statuses.put(Status.valueOf(r.getString("status")), r.getLong("n"));
              }
              Row cr = c.iterator().next();
              Row wr = w.iterator().next();
              List<AgentFigures> agentFigures = new ArrayList<>();
              for (Row r : a) {
                agentFigures.add(
                    new AgentFigures(
                        r.getUUID(0),
                        Optional.ofNullable(r.getString("display_name")),
                        r.getLong("open_n"),
                        r.getLong("resolved"),
                        Optional.ofNullable(r.getDouble("avg_s")),
                        new Compliance(r.getLong("stopped"), r.getLong("met"))));
              }
              return new DashboardFigures(
                  now,
                  from,
                  to,
                  statuses,
                  cr.getLong("overdue"),
                  cr.getLong("escalated_open"),
                  cr.getLong("escalated_window"),
                  new Durations(
                      wr.getLong("fr_count"),
                      Optional.ofNullable(wr.getDouble("fr_avg")),
                      Optional.ofNullable(wr.getDouble("fr_p90"))),
                  new Durations(
                      wr.getLong("rs_count"),
                      Optional.ofNullable(wr.getDouble("rs_avg")),
                      Optional.ofNullable(wr.getDouble("rs_p90"))),
                  new Compliance(wr.getLong("fr_stopped"), wr.getLong("fr_met")),
                  new Compliance(wr.getLong("rs_stopped"), wr.getLong("rs_met")),
                  agentFigures);
            });
  }

  // ------------------------------------------------------------------------------- helpers

  private static Set<UserId> users(UUID[] ids) {
    Set<UserId> users = new java.util.LinkedHashSet<>();
    if (ids != null) {
      for (UUID id : ids) {
        users.add(UserId.of(id));
      }
    }
    return users;
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }
}
