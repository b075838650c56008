package dev.triage.adapters.out.persistence;

import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaPolicyId;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaPolicyVersion;
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
 * SLA policies in {@code sla_policies} and their immutable versions in {@code sla_policy_versions}
 * (V17), on the paths of ADR 0011, as {@link SqlCalendars} keeps calendars. The writes ({@link
 * #add}, {@link #lock}, {@link #change}, {@link #delete}) are fixed statements on the command's
 * session, so they commit with its audit entry or not at all; each one that writes also sends
 * {@code triage_sla} in the same transaction and drops this replica's {@link SqlSlaCatalog} copy of
 * the current rules (ADR 17, point 5). The reads ({@link #current}, {@link #page}) go over the
 * reactive pool: the current version on the primary (a client reads back what it just wrote, with
 * the ETag it must send), the list on the {@link ReadReplica} pool (ADR 0012).
 *
 * <p>Two admins naming policies alike at the same time are put in line by an advisory lock on the
 * name, taken before the name is checked, so the check and the write see the same names.
 */
@ApplicationScoped
public class SqlSlaPolicies implements SlaPolicies {

  /** The first half of every advisory lock taken here ("slap"), apart from anyone else's. */
  static final int LOCK_SPACE = 0x736c6170;

  private static final String COLUMNS =
      "select cast(p.id as text), v.version, cast(v.definition as text), cast(v.id as text),"
          + " cast(v.created_by as text), "
          + SqlStatement.isoText("v.created_at")
          + ", p.is_default"
          + " from sla_policies p join sla_policy_versions v on v.id = p.current_version_id";

  private static final String LOCK =
      COLUMNS + " where p.id = :id and p.deleted_at is null for update of p";

  private static final String LOCK_NAME =
      "select cast(pg_advisory_xact_lock(cast(:space as integer),"
          + " hashtext(lower(cast(:name as text)))) as text)";

  private static final String INSERT_POLICY =
      "insert into sla_policies"
          + " (id, name, position, is_default, current_version_id, created_at, updated_at)"
          + " select cast(:id as uuid), cast(:name as text), cast(:position as integer), false,"
          + " cast(:versionId as uuid), cast(:at as timestamptz), cast(:at as timestamptz)"
          + " where not exists (select 1 from sla_policies o"
          + " where lower(o.name) = lower(cast(:name as text)) and o.deleted_at is null)";

  private static final String MOVE_POINTER =
      "update sla_policies set name = :name, position = :position,"
          + " current_version_id = :versionId, updated_at = :at"
          + " where id = :id and deleted_at is null"
          + " and not exists (select 1 from sla_policies o"
          + " where lower(o.name) = lower(:name) and o.deleted_at is null and o.id <> :id)";

  private static final String INSERT_VERSION =
      "insert into sla_policy_versions"
          + " (id, policy_id, version, calendar_id, definition, created_at, created_by)"
          + " values (:id, :policyId, :version, :calendarId,"
          + " cast(cast(:definition as text) as jsonb), :at, :by)";

  private static final String DELETE =
      "update sla_policies set deleted_at = :at, updated_at = :at"
          + " where id = :id and deleted_at is null and not is_default";

  private static final String CURRENT = COLUMNS + " where p.id = $1 and p.deleted_at is null";

  private final Pool primary;
  private final Pool reads;
  private final SqlSlaCatalog catalog;

  public SqlSlaPolicies(Pool primary, @ReadReplica Pool reads, SqlSlaCatalog catalog) {
    this.primary = primary;
    this.reads = reads;
    this.catalog = catalog;
  }

  @Override
  public Uni<Boolean> add(Stored policy) {
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, policy)
                    .chain(
                        () ->
                            s.createNativeQuery(INSERT_POLICY)
                                .setParameter("id", policy.id().value())
                                .setParameter("name", policy.version().ref().name())
                                .setParameter("position", position(policy))
                                .setParameter("versionId", policy.versionId())
                                .setParameter("at", SqlStatement.utc(policy.writtenAt()))
                                .executeUpdate())
                    .flatMap(
                        added ->
                            added == 1
                                ? insertVersion(s, policy)
                                    .call(() -> changed(s, policy.id()))
                                    .replaceWith(true)
                                : Uni.createFrom().item(false)));
  }

  @Override
  public Uni<Optional<Stored>> lock(SlaPolicyId id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(LOCK, Object[].class)
                    .setParameter("id", id.value())
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(SqlSlaPolicies::stored));
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
                                .setParameter("position", position(next))
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
  public Uni<Void> delete(SlaPolicyId id, Instant at) {
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
  public Uni<Optional<Stored>> current(SlaPolicyId id) {
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
    SqlStatement st = new SqlStatement().and("p.deleted_at is null");
    after.ifPresent(
        p ->
            st.and(
                "(p.position, p.id) > (" + st.bind(p.position()) + ", " + st.bind(p.id()) + ")"));
    return st.list(reads, st.page(COLUMNS, "p.position, p.id", limit), SqlSlaPolicies::stored);
  }

  private static int position(Stored policy) {
    return policy.version().definition().position();
  }

  /** Tells the SLA catalogue of every replica (ADR 17, point 5), at this transaction's commit. */
  private Uni<Void> changed(Mutiny.Session s, SlaPolicyId id) {
    return catalog.changed(s, "policy " + id);
  }

  private static Uni<Object> lockName(Mutiny.Session s, Stored policy) {
    return s.<Object>createNativeQuery(LOCK_NAME)
        .setParameter("space", LOCK_SPACE)
        .setParameter("name", policy.version().ref().name())
        .getSingleResult();
  }

  private static Uni<Integer> insertVersion(Mutiny.Session s, Stored policy) {
    SlaPolicyDefinition definition = policy.version().definition();
    return s.createNativeQuery(INSERT_VERSION)
        .setParameter("id", policy.versionId())
        .setParameter("policyId", policy.id().value())
        .setParameter("version", policy.version().ref().version())
        .setParameter("calendarId", definition.calendarId().value())
        .setParameter("definition", SlaPolicyJson.write(definition))
        .setParameter("at", SqlStatement.utc(policy.writtenAt()))
        .setParameter("by", policy.writtenBy())
        .executeUpdate();
  }

  private static Stored stored(Object[] row) {
    return stored(
        (String) row[0],
        ((Number) row[1]).intValue(),
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (Boolean) row[6]);
  }

  private static Stored stored(Row r) {
    return stored(
        r.getString(0),
        r.getInteger(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getBoolean(6));
  }

  private static Stored stored(
      String id,
      int version,
      String definition,
      String versionId,
      String by,
      String at,
      boolean isDefault) {
    return new Stored(
        version(id, version, definition, isDefault),
        UUID.fromString(versionId),
        UUID.fromString(by),
        Instant.parse(at));
  }

  /**
   * A version row's content: the policy {@code id}'s version {@code version} with its stored {@code
   * definition}; {@code isDefault} is the policy's {@code is_default}. Shared with {@link
   * SqlSlaCatalog}, so both read a row alike.
   */
  static SlaPolicyVersion version(String id, int version, String definition, boolean isDefault) {
    SlaPolicyDefinition policy = SlaPolicyJson.read(definition);
    SlaPolicyId policyId = SlaPolicyId.of(UUID.fromString(id));
    return new SlaPolicyVersion(
        new SlaPolicyRef(policyId, policy.name(), version), isDefault, policy);
  }
}
