package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Calendars;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.CalendarRef;
import dev.triage.domain.sla.CalendarVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Business calendars in {@code sla_calendars} and their immutable versions in {@code
 * sla_calendar_versions} (V16), on the paths of ADR 0011. The writes ({@link #add}, {@link #lock},
 * {@link #change}, {@link #delete}) are fixed statements on the command's session, so they commit
 * with its audit entry or not at all: a version's definition is {@code jsonb}, which no entity of
 * ours maps, and the database refuses to change a version row once written. Each write also sends
 * {@code triage_sla} in the same transaction and drops this replica's {@link SqlSlaCatalog} copy of
 * the current rules (ADR 17, point 5). The reads ({@link #current}, {@link #page}) go over the
 * reactive pool: the current version on the primary (a client reads back what it just wrote, with
 * the ETag it must send), the list on the {@link ReadReplica} pool (ADR 0012).
 *
 * <p>Two admins naming calendars alike at the same time are put in line by an advisory lock on the
 * name, taken before the name is checked, so the check and the write see the same names.
 */
@ApplicationScoped
public class SqlCalendars implements Calendars {

  /** The first half of every advisory lock taken here ("cald"), apart from anyone else's. */
  static final int LOCK_SPACE = 0x63616c64;

  private static final String COLUMNS =
      "select cast(c.id as text), v.version, cast(v.definition as text), cast(v.id as text),"
          + " cast(v.created_by as text), "
          + SqlStatement.isoText("v.created_at")
          + " from sla_calendars c join sla_calendar_versions v on v.id = c.current_version_id";

  private static final String LOCK =
      COLUMNS + " where c.id = :id and c.deleted_at is null for update of c";

  private static final String LOCK_NAME =
      "select cast(pg_advisory_xact_lock(cast(:space as integer),"
          + " hashtext(lower(cast(:name as text)))) as text)";

  private static final String INSERT_CALENDAR =
      "insert into sla_calendars (id, name, current_version_id, created_at, updated_at)"
          + " select cast(:id as uuid), cast(:name as text), cast(:versionId as uuid),"
          + " cast(:at as timestamptz), cast(:at as timestamptz)"
          + " where not exists (select 1 from sla_calendars o"
          + " where lower(o.name) = lower(cast(:name as text)) and o.deleted_at is null)";

  private static final String MOVE_POINTER =
      "update sla_calendars set name = :name, current_version_id = :versionId, updated_at = :at"
          + " where id = :id and deleted_at is null"
          + " and not exists (select 1 from sla_calendars o"
          + " where lower(o.name) = lower(:name) and o.deleted_at is null and o.id <> :id)";

  private static final String INSERT_VERSION =
      "insert into sla_calendar_versions"
          + " (id, calendar_id, version, definition, created_at, created_by)"
          + " values (:id, :calendarId, :version, cast(cast(:definition as text) as jsonb), :at,"
          + " :by)";

  private static final String DELETE =
      "update sla_calendars set deleted_at = :at, updated_at = :at"
          + " where id = :id and deleted_at is null";

  private static final String CURRENT = COLUMNS + " where c.id = $1 and c.deleted_at is null";

  private final Pool primary;
  private final Pool reads;
  private final SqlSlaCatalog catalog;

  public SqlCalendars(Pool primary, @ReadReplica Pool reads, SqlSlaCatalog catalog) {
    this.primary = primary;
    this.reads = reads;
    this.catalog = catalog;
  }

  @Override
  public Uni<Boolean> add(Stored calendar) {
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, calendar)
                    .chain(
                        () ->
                            s.createNativeQuery(INSERT_CALENDAR)
                                .setParameter("id", calendar.id().value())
                                .setParameter("name", calendar.version().ref().name())
                                .setParameter("versionId", calendar.versionId())
                                .setParameter("at", SqlStatement.utc(calendar.writtenAt()))
                                .executeUpdate())
                    .flatMap(
                        added ->
                            added == 1
                                ? insertVersion(s, calendar)
                                    .call(() -> changed(s, calendar.id()))
                                    .replaceWith(true)
                                : Uni.createFrom().item(false)));
  }

  @Override
  public Uni<Optional<Stored>> lock(CalendarId id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(LOCK, Object[].class)
                    .setParameter("id", id.value())
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(SqlCalendars::stored));
  }

  @Override
  public Uni<Boolean> change(Stored next) {
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, next)
                    .chain(
                        () ->
                            s.createNativeQuery(MOVE_POINTER)
                                .setParameter("id", next.id().value())
                                .setParameter("name", next.version().ref().name())
                                .setParameter("versionId", next.versionId())
                                .setParameter("at", SqlStatement.utc(next.writtenAt()))
                                .executeUpdate())
                    .flatMap(
                        moved ->
                            moved == 1
                                ? insertVersion(s, next)
                                    .call(() -> changed(s, next.id()))
                                    .replaceWith(true)
                                : Uni.createFrom().item(false)));
  }

  @Override
  public Uni<Void> delete(CalendarId id, Instant at) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(DELETE)
                    .setParameter("id", id.value())
                    .setParameter("at", SqlStatement.utc(at))
                    .executeUpdate()
                    .call(deleted -> deleted > 0 ? changed(s, id) : Uni.createFrom().voidItem()))
        .replaceWithVoid();
  }

  @Override
  public Uni<Optional<Stored>> current(CalendarId id) {
    return primary
        .preparedQuery(CURRENT)
        .execute(Tuple.of(id.value()))
        .map(
            rows ->
                rows.iterator().hasNext()
                    ? Optional.of(stored(rows.iterator().next()))
                    : Optional.empty());
  }

  @Override
  public Uni<List<Stored>> page(Optional<Position> after, int limit) {
    SqlStatement st = new SqlStatement().and("c.deleted_at is null");
    after.ifPresent(
        p -> st.and("(c.name, c.id) > (" + st.bind(p.name()) + ", " + st.bind(p.id()) + ")"));
    return st.list(reads, st.page(COLUMNS, "c.name, c.id", limit), SqlCalendars::stored);
  }

  /** Tells the SLA catalogue of every replica (ADR 17, point 5), at this transaction's commit. */
  private Uni<Void> changed(Mutiny.Session s, CalendarId id) {
    return catalog.changed(s, "calendar " + id);
  }

  private static Uni<Object> lockName(Mutiny.Session s, Stored calendar) {
    return s.<Object>createNativeQuery(LOCK_NAME)
        .setParameter("space", LOCK_SPACE)
        .setParameter("name", calendar.version().ref().name())
        .getSingleResult();
  }

  private static Uni<Integer> insertVersion(Mutiny.Session s, Stored calendar) {
    return s.createNativeQuery(INSERT_VERSION)
        .setParameter("id", calendar.versionId())
        .setParameter("calendarId", calendar.id().value())
        .setParameter("version", calendar.version().ref().version())
        .setParameter("definition", CalendarJson.write(calendar.version().calendar()))
        .setParameter("at", SqlStatement.utc(calendar.writtenAt()))
        .setParameter("by", calendar.writtenBy())
        .executeUpdate();
  }

  private static Stored stored(Object[] row) {
    return stored(
        (String) row[0],
        ((Number) row[1]).intValue(),
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5]);
  }

  private static Stored stored(Row r) {
    return stored(
        r.getString(0),
        r.getInteger(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5));
  }

  private static Stored stored(
      String id, int version, String definition, String versionId, String by, String at) {
    return new Stored(
        version(id, version, definition),
        UUID.fromString(versionId),
        UUID.fromString(by),
        Instant.parse(at));
  }

  /**
   * A version row's content: the calendar {@code id}'s version {@code version} with its stored
   * {@code definition}. Shared with {@link SqlSlaCatalog}, so both read a row alike.
   */
  static CalendarVersion version(String id, int version, String definition) {
    BusinessCalendar calendar = CalendarJson.read(definition);
    CalendarId calendarId = CalendarId.of(UUID.fromString(id));
    return new CalendarVersion(new CalendarRef(calendarId, calendar.name(), version), calendar);
  }
}
