package dev.triage.adapters.out.persistence;

import dev.triage.application.port.SavedViews;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Saved views in {@code saved_views} (V25), on the paths of ADR 0011: the writes and the lock are
 * fixed statements on the command's session, the reads of the API go over the primary pool. The
 * filters are a JSON object of arrays of strings. Two callers naming views alike for the same owner
 * at once are put in line by an advisory lock on (owner, name), taken before the name is checked.
 */
@ApplicationScoped
public class SqlSavedViews implements SavedViews {

  /** The first half of every advisory lock taken here ("view"), apart from anyone else's. */
  static final int LOCK_SPACE = 0x76696577;

  private static final String NO_OWNER = "00000000-0000-0000-0000-000000000000";

  private static final String COLUMNS =
      "select cast(id as text), cast(owner_id as text), name, cast(filters as text), sort,"
          + " cast(created_by as text), cast(version as text), "
          + SqlStatement.isoText("updated_at")
          + " from saved_views";

  private static final String LOCK_NAME =
      "select cast(pg_advisory_xact_lock(cast(:space as integer),"
          + " hashtext(cast(:owner as text) || '/' || lower(cast(:name as text)))) as text)";

  private static final String SAME_NAME =
      " not exists (select 1 from saved_views o"
          + " where coalesce(o.owner_id, '"
          + NO_OWNER
          + "') = cast(:owner as uuid) and lower(o.name) = lower(cast(:name as text))"
          + " and o.id <> cast(:id as uuid))";

  private static final String INSERT =
      "insert into saved_views (id, owner_id, name, filters, sort, created_by, version,"
          + " created_at, updated_at)"
          + " select cast(:id as uuid), cast(nullif(cast(:owner as text), '"
          + NO_OWNER
          + "') as uuid), cast(:name as text), cast(cast(:filters as text) as jsonb),"
          + " nullif(cast(:sort as text), ''), cast(:createdBy as uuid), 1,"
          + " cast(:at as timestamptz), cast(:at as timestamptz)"
          + " where"
          + SAME_NAME;

  private static final String UPDATE =
      "update saved_views set name = cast(:name as text), filters = cast(cast(:filters as text) as jsonb),"
          + " sort = nullif(cast(:sort as text), ''), version = cast(:version as bigint),"
          + " updated_at = cast(:at as timestamptz)"
          + " where id = cast(:id as uuid) and"
          + SAME_NAME;

  private static final String DELETE = "delete from saved_views where id = cast(:id as uuid)";

  private static final String LOCK = COLUMNS + " where id = cast(:id as uuid) for update";

  private static final String FIND = COLUMNS + " where id = $1";

  // Reads the unique index saved_views_name by its leading expression.
  private static final String VISIBLE =
      COLUMNS
          + " where coalesce(owner_id, '"
          + NO_OWNER
          + "') = any($1::uuid[])"
          + " order by owner_id nulls first, lower(name), id";

  private final Pool primary;

  public SqlSavedViews(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<Boolean> add(Stored view) {
    return write(INSERT, view, false);
  }

  @Override
  public Uni<Optional<Stored>> lock(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(LOCK, Object[].class)
                    .setParameter("id", id.toString())
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(SqlSavedViews::stored));
  }

  @Override
  public Uni<Boolean> change(Stored next) {
    return write(UPDATE, next, true);
  }

  @Override
  public Uni<Void> delete(UUID id) {
    return Panache.getSession()
        .flatMap(s -> s.createNativeQuery(DELETE).setParameter("id", id.toString()).executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Optional<Stored>> find(UUID id) {
    return primary
        .preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> all(rows).stream().findFirst());
  }

  @Override
  public Uni<List<Stored>> visible(UserId owner, boolean withShared) {
    UUID[] owners =
        withShared
            ? new UUID[] {owner.value(), UUID.fromString(NO_OWNER)}
            : new UUID[] {owner.value()};
    return primary.preparedQuery(VISIBLE).execute(Tuple.of(owners)).map(SqlSavedViews::all);
  }

  private static Uni<Boolean> write(String sql, Stored v, boolean withVersion) {
    String owner = v.owner().map(o -> o.value().toString()).orElse(NO_OWNER);
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, owner, v.name())
                    .chain(
                        () -> {
                          Mutiny.Query<?> q =
                              s.createNativeQuery(sql)
                                  .setParameter("id", v.id().toString())
                                  .setParameter("owner", owner)
                                  .setParameter("name", v.name())
                                  .setParameter("filters", json(v.filters()))
                                  .setParameter("sort", v.sort().orElse(""))
                                  .setParameter("at", SqlStatement.utc(v.updatedAt()));
                          if (withVersion) {
                            q.setParameter("version", v.version());
                          } else {
                            q.setParameter("createdBy", v.createdBy().value().toString());
                          }
                          return q.executeUpdate();
                        })
                    .map(n -> n == 1));
  }

  private static Uni<Object> lockName(Mutiny.Session s, String owner, String name) {
    return s.<Object>createNativeQuery(LOCK_NAME)
        .setParameter("space", LOCK_SPACE)
        .setParameter("owner", owner)
        .setParameter("name", name)
        .getSingleResult();
  }

  static String json(Map<String, List<String>> filters) {
    JsonObject o = new JsonObject();
    filters.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> o.put(e.getKey(), new JsonArray(new ArrayList<Object>(e.getValue()))));
    return o.encode();
  }

  static Map<String, List<String>> filters(String json) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    JsonObject o = new JsonObject(json);
    for (String name : o.fieldNames()) {
      List<String> values = new ArrayList<>();
      o.getJsonArray(name).forEach(v -> values.add((String) v));
      out.put(name, List.copyOf(values));
    }
    return out;
  }

  private static List<Stored> all(RowSet<Row> rows) {
    List<Stored> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          stored(
              new Object[] {
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7)
              }));
    }
    return out;
  }

  private static Stored stored(Object[] row) {
    return new Stored(
        UUID.fromString((String) row[0]),
        Optional.ofNullable((String) row[1]).map(o -> new UserId(UUID.fromString(o))),
        (String) row[2],
        filters((String) row[3]),
        Optional.ofNullable((String) row[4]),
        new UserId(UUID.fromString((String) row[5])),
        Long.parseLong((String) row[6]),
        Instant.parse((String) row[7]));
  }
}
