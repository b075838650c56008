package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.application.macro.MacroAction;
import dev.triage.application.port.Macros;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Macros in {@code macros} (V36), on the paths of ADR 0011: the writes and the lock are fixed
 * statements on the command's session, the reads go over the primary pool. The actions are one JSON
 * array of {@code {"type","value"}} objects, as the API spells them.
 */
@ApplicationScoped
public class SqlMacros implements Macros {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String NO_OWNER = "00000000-0000-0000-0000-000000000000";

  private static final String COLUMNS =
      "select cast(id as text), cast(owner_id as text), title, cast(actions as text),"
          + " cast(created_by as text), cast(version as text), "
          + SqlStatement.isoText("updated_at")
          + " from macros";

  private static final String INSERT =
      "insert into macros (id, owner_id, title, actions, created_by, version, created_at,"
          + " updated_at) values (cast(:id as uuid), cast(nullif(cast(:owner as text), '') as"
          + " uuid), cast(:title as text), cast(cast(:actions as text) as jsonb),"
          + " cast(:createdBy as uuid), 1, cast(:at as timestamptz), cast(:at as timestamptz))";

  private static final String UPDATE =
      "update macros set title = cast(:title as text), actions = cast(cast(:actions as text) as"
          + " jsonb), version = cast(:version as bigint), updated_at = cast(:at as timestamptz)"
          + " where id = cast(:id as uuid)";

  private static final String DELETE = "delete from macros where id = cast(:id as uuid)";

  private static final String LOCK = COLUMNS + " where id = cast(:id as uuid) for update";

  private static final String FIND = COLUMNS + " where id = $1";

  // Reads the index macros_owner by its leading expression.
  private static final String VISIBLE =
      COLUMNS
          + " where coalesce(owner_id, '"
          + NO_OWNER
          + "') = any($1::uuid[])"
          + " order by owner_id nulls first, lower(title), id";

  private final Pool primary;

  public SqlMacros(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<Void> add(Stored m) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(INSERT)
                    .setParameter("id", m.id().toString())
                    .setParameter("owner", m.owner().map(o -> o.value().toString()).orElse(""))
                    .setParameter("title", m.title())
                    .setParameter("actions", encode(m.actions()))
                    .setParameter("createdBy", m.createdBy().value().toString())
                    .setParameter("at", SqlStatement.utc(m.updatedAt()))
                    .executeUpdate())
        .replaceWithVoid();
  }

  @Override
  public Uni<Optional<Stored>> lock(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(LOCK, Object[].class)
                    .setParameter("id", id.toString())
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(SqlMacros::stored));
  }

  @Override
  public Uni<Void> change(Stored next) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(UPDATE)
                    .setParameter("id", next.id().toString())
                    .setParameter("title", next.title())
                    .setParameter("actions", encode(next.actions()))
                    .setParameter("version", next.version())
                    .setParameter("at", SqlStatement.utc(next.updatedAt()))
                    .executeUpdate())
        .replaceWithVoid();
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
  public Uni<List<Stored>> visible(UserId owner) {
    UUID[] owners = {owner.value(), UUID.fromString(NO_OWNER)};
    return primary.preparedQuery(VISIBLE).execute(Tuple.of(owners)).map(SqlMacros::all);
  }

  static String encode(List<MacroAction> actions) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (MacroAction a : actions) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("type", a.type());
      one.put("value", a.value());
      out.add(one);
    }
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<MacroAction> decode(String json) {
    try {
      List<Map<String, Object>> read = JSON.readValue(json, new TypeReference<>() {});
      return read.stream()
          .map(m -> new MacroAction((String) m.get("type"), m.get("value")))
          .toList();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
                r.getString(6)
              }));
    }
    return out;
  }

  private static Stored stored(Object[] row) {
    return new Stored(
        UUID.fromString((String) row[0]),
        Optional.ofNullable((String) row[1]).map(o -> new UserId(UUID.fromString(o))),
        (String) row[2],
        decode((String) row[3]),
        new UserId(UUID.fromString((String) row[4])),
        Long.parseLong((String) row[5]),
        Instant.parse((String) row[6]));
  }
}
