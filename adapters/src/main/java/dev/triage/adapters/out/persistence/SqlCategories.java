package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Categories;
import dev.triage.domain.ticket.Priority;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The category catalogue in {@code categories} (V21), on the paths of ADR 0011. The writes and the
 * lookup ticket commands make ({@link #add}, {@link #lock}, {@link #change}, {@link #named}) are
 * fixed statements on the command's session, so they see and commit with the rest of the command;
 * the reads of the API ({@link #find}, {@link #list}) go over the primary pool, so a client reads
 * back what it just wrote, with the ETag it must send.
 *
 * <p>Two admins naming categories alike at the same time are put in line by an advisory lock on the
 * name, taken before the name is checked, so the check and the write see the same names (the unique
 * index on {@code lower(name)} stays the last word).
 */
@ApplicationScoped
public class SqlCategories implements Categories {

  /** The first half of every advisory lock taken here ("catg"), apart from anyone else's. */
  static final int LOCK_SPACE = 0x63617467;

  private static final String COLUMNS =
      "select cast(id as text), name, cast(default_group_id as text), default_priority,"
          + " cast(active as text), cast(version as text), "
          + SqlStatement.isoText("updated_at")
          + " from categories";

  private static final String LOCK_NAME =
      "select cast(pg_advisory_xact_lock(cast(:space as integer),"
          + " hashtext(lower(cast(:name as text)))) as text)";

  private static final String INSERT =
      "insert into categories (id, name, default_group_id, default_priority, active, version,"
          + " created_at, updated_at)"
          + " select cast(:id as uuid), cast(:name as text),"
          + " cast(nullif(cast(:groupId as text), '') as uuid),"
          + " nullif(cast(:priority as text), ''), cast(:active as boolean), 1,"
          + " cast(:at as timestamptz), cast(:at as timestamptz)"
          + " where not exists (select 1 from categories o"
          + " where lower(o.name) = lower(cast(:name as text)))";

  private static final String UPDATE =
      "update categories set name = cast(:name as text),"
          + " default_group_id = cast(nullif(cast(:groupId as text), '') as uuid),"
          + " default_priority = nullif(cast(:priority as text), ''),"
          + " active = cast(:active as boolean), version = cast(:version as bigint),"
          + " updated_at = cast(:at as timestamptz)"
          + " where id = cast(:id as uuid)"
          + " and not exists (select 1 from categories o"
          + " where lower(o.name) = lower(cast(:name as text)) and o.id <> cast(:id as uuid))";

  private static final String LOCK = COLUMNS + " where id = cast(:id as uuid) for update";

  private static final String NAMED = COLUMNS + " where lower(name) = lower(cast(:name as text))";

  private static final String FIND = COLUMNS + " where id = $1";

  private final Pool primary;

  public SqlCategories(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<Boolean> add(Stored category) {
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, category.name())
                    .chain(() -> bind(s.createNativeQuery(INSERT), category).executeUpdate())
                    .map(added -> added == 1));
  }

  @Override
  public Uni<Optional<Stored>> lock(UUID id) {
    return one(LOCK, "id", id.toString());
  }

  @Override
  public Uni<Boolean> change(Stored next) {
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, next.name())
                    .chain(
                        () ->
                            bind(s.createNativeQuery(UPDATE), next)
                                .setParameter("version", next.version())
                                .executeUpdate())
                    .map(changed -> changed == 1));
  }

  @Override
  public Uni<Optional<Stored>> named(String name) {
    return one(NAMED, "name", name);
  }

  @Override
  public Uni<Optional<Stored>> find(UUID id) {
    return primary
        .preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> all(rows).stream().findFirst());
  }

  @Override
  public Uni<List<Stored>> list(boolean includeInactive) {
    return primary
        .preparedQuery(COLUMNS + (includeInactive ? "" : " where active") + " order by name, id")
        .execute()
        .map(SqlCategories::all);
  }

  private static Uni<Optional<Stored>> one(String sql, String parameter, String value) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(sql, Object[].class)
                    .setParameter(parameter, value)
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(SqlCategories::stored));
  }

  /** Binds the entry's fields; none is bound as empty text, which the statements read as null. */
  private static Mutiny.Query<?> bind(Mutiny.Query<?> query, Stored c) {
    return query
        .setParameter("id", c.id().toString())
        .setParameter("name", c.name())
        .setParameter("groupId", c.defaultGroupId().map(UUID::toString).orElse(""))
        .setParameter("priority", c.defaultPriority().map(Priority::name).orElse(""))
        .setParameter("active", c.active())
        .setParameter("at", SqlStatement.utc(c.updatedAt()));
  }

  private static Uni<Object> lockName(Mutiny.Session s, String name) {
    return s.<Object>createNativeQuery(LOCK_NAME)
        .setParameter("space", LOCK_SPACE)
        .setParameter("name", name)
        .getSingleResult();
  }

  private static List<Stored> all(RowSet<Row> rows) {
    List<Stored> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          stored(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.getString(4),
              r.getString(5),
              r.getString(6)));
    }
    return out;
  }

  private static Stored stored(Object[] row) {
    return stored(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6]);
  }

  private static Stored stored(
      String id,
      String name,
      String groupId,
      String priority,
      String active,
      String version,
      String updatedAt) {
    return new Stored(
        UUID.fromString(id),
        name,
        Optional.ofNullable(groupId).map(UUID::fromString),
        Optional.ofNullable(priority).map(Priority::valueOf),
        "true".equals(active),
        Long.parseLong(version),
        Instant.parse(updatedAt));
  }
}
