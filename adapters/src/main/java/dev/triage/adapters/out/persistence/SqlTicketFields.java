package dev.triage.adapters.out.persistence;

import dev.triage.application.port.TicketFields;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.FieldType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The custom field catalogue in {@code ticket_fields} (V24), on the paths of ADR 0011 like {@link
 * SqlCategories}: the writes are fixed statements on the command's session; the reads of the API go
 * over the primary pool. Every ticket write and answer reads the whole catalogue ({@link
 * #definitions}), so each replica keeps a copy for at most {@value #TTL_SECONDS} s, dropped at once
 * by this replica's own writes; another replica sees an admin's change within that time.
 */
@ApplicationScoped
public class SqlTicketFields implements TicketFields {

  static final int TTL_SECONDS = 5;

  private static final String COLUMNS =
      "select cast(id as text), key, label, type, options, required_for_customers,"
          + " required_for_staff, visible_to_customers, editable_by_customers, position, active,"
          + " version, "
          + SqlStatement.isoText("updated_at")
          + " from ticket_fields";

  private static final String INSERT =
      "insert into ticket_fields (id, key, label, type, options, required_for_customers,"
          + " required_for_staff, visible_to_customers, editable_by_customers, position, active,"
          + " version, created_at, updated_at)"
          + " values (cast(:id as uuid), :key, :label, :type,"
          + " cast(string_to_array(cast(:options as text), chr(31)) as text[]),"
          + " :rc, :rs, :vc, :ec, :position, :active, 1, cast(:at as timestamptz),"
          + " cast(:at as timestamptz)) on conflict (key) do nothing";

  private static final String UPDATE =
      "update ticket_fields set label = :label,"
          + " options = cast(string_to_array(cast(:options as text), chr(31)) as text[]),"
          + " required_for_customers = :rc, required_for_staff = :rs,"
          + " visible_to_customers = :vc, editable_by_customers = :ec, position = :position,"
          + " active = :active, version = :version, updated_at = cast(:at as timestamptz)"
          + " where id = cast(:id as uuid) and key = :key and type = :type";

  private static final String LOCK =
      "select cast(id as text), key, label, type, array_to_string(options, chr(31)),"
          + " cast(required_for_customers as text), cast(required_for_staff as text),"
          + " cast(visible_to_customers as text), cast(editable_by_customers as text),"
          + " cast(position as text), cast(active as text), cast(version as text), "
          + SqlStatement.isoText("updated_at")
          + " from ticket_fields where id = cast(:id as uuid) for update";

  private record Copy(Map<String, FieldDefinition> definitions, long readAtNanos) {}

  private final Pool primary;
  private final AtomicReference<Copy> copy = new AtomicReference<>();

  public SqlTicketFields(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<Map<String, FieldDefinition>> definitions() {
    Copy kept = copy.get();
    long now = System.nanoTime();
    if (kept != null && now - kept.readAtNanos() < Duration.ofSeconds(TTL_SECONDS).toNanos()) {
      return Uni.createFrom().item(kept.definitions());
    }
    return list(true)
        .map(
            all -> {
              Map<String, FieldDefinition> byKey = new LinkedHashMap<>();
              all.forEach(f -> byKey.put(f.definition().key(), f.definition()));
              Map<String, FieldDefinition> read = Map.copyOf(byKey);
              copy.compareAndSet(kept, new Copy(read, now));
              return read;
            });
  }

  @Override
  public Uni<Boolean> add(Stored field) {
    copy.set(null);
    return Panache.getSession()
        .flatMap(s -> bind(s.createNativeQuery(INSERT), field).executeUpdate())
        .map(added -> added == 1)
        .invoke(() -> copy.set(null));
  }

  @Override
  public Uni<Optional<Stored>> lock(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(LOCK, Object[].class)
                    .setParameter("id", id.toString())
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(SqlTicketFields::locked));
  }

  @Override
  public Uni<Void> change(Stored next) {
    copy.set(null);
    return Panache.getSession()
        .flatMap(
            s ->
                bind(s.createNativeQuery(UPDATE), next)
                    .setParameter("version", next.version())
                    .executeUpdate())
        .invoke(() -> copy.set(null))
        .replaceWithVoid();
  }

  @Override
  public Uni<Optional<Stored>> find(UUID id) {
    return primary
        .preparedQuery(COLUMNS + " where id = $1")
        .execute(Tuple.of(id))
        .map(rows -> all(rows).stream().findFirst());
  }

  @Override
  public Uni<List<Stored>> list(boolean includeRetired) {
    return primary
        .preparedQuery(
            COLUMNS + (includeRetired ? "" : " where active") + " order by position, key")
        .execute()
        .map(SqlTicketFields::all);
  }

  private static Mutiny.Query<?> bind(Mutiny.Query<?> query, Stored f) {
    FieldDefinition d = f.definition();
    return query
        .setParameter("id", f.id().toString())
        .setParameter("key", d.key())
        .setParameter("label", d.label())
        .setParameter("type", d.type().name())
        .setParameter("options", String.join("\u001f", d.options()))
        .setParameter("rc", d.requiredForCustomers())
        .setParameter("rs", d.requiredForStaff())
        .setParameter("vc", d.visibleToCustomers())
        .setParameter("ec", d.editableByCustomers())
        .setParameter("position", d.position())
        .setParameter("active", d.active())
        .setParameter("at", SqlStatement.utc(f.updatedAt()));
  }

  private static List<Stored> all(RowSet<Row> rows) {
    List<Stored> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new Stored(
              UUID.fromString(r.getString(0)),
              new FieldDefinition(
                  r.getString(1),
                  r.getString(2),
                  FieldType.valueOf(r.getString(3)),
                  Arrays.asList(r.getArrayOfStrings(4)),
                  r.getBoolean(5),
                  r.getBoolean(6),
                  r.getBoolean(7),
                  r.getBoolean(8),
                  r.getInteger(9),
                  r.getBoolean(10)),
              r.getLong(11),
              Instant.parse(r.getString(12))));
    }
    return out;
  }

  private static Stored locked(Object[] row) {
    String options = (String) row[4];
    return new Stored(
        UUID.fromString((String) row[0]),
        new FieldDefinition(
            (String) row[1],
            (String) row[2],
            FieldType.valueOf((String) row[3]),
            options == null || options.isEmpty()
                ? List.of()
                : Arrays.asList(options.split("\u001f", -1)),
            "true".equals(row[5]),
            "true".equals(row[6]),
            "true".equals(row[7]),
            "true".equals(row[8]),
            Integer.parseInt((String) row[9]),
            "true".equals(row[10])),
        Long.parseLong((String) row[11]),
        Instant.parse((String) row[12]));
  }
}
