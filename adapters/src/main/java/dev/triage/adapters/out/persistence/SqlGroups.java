package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Groups;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Groups in {@code groups} and {@code group_members} (V23), on the paths of ADR 0011: the writes
 * and the lookups ticket commands make are statements on the command's session, so they see and
 * commit with the rest of the command; the reads of the API ({@link #find}, {@link #list}) go over
 * the primary pool, so a client reads back what it just wrote.
 *
 * <p>Every member whose groups change (added, removed, or in a deleted group) is dropped from
 * {@link CachedSessionAccounts} at once here and, through {@code triage_accounts} sent at commit,
 * on every replica, as an account change is: an agent restricted to their groups stops seeing a
 * group's tickets within the bound of ADR 0010.
 *
 * <p>Two admins naming groups alike at the same time are put in line by an advisory lock on the
 * name, taken before the name is checked (the unique index on {@code lower(name)} stays the last
 * word).
 */
@ApplicationScoped
public class SqlGroups implements Groups {

  /** The first half of every advisory lock taken here ("grps"). */
  static final int LOCK_SPACE = 0x67727073;

  private static final String COLUMNS =
      "select cast(g.id as text), g.name, cast(g.version as text), "
          + SqlStatement.isoText("g.updated_at")
          + ", coalesce((select string_agg(cast(m.user_id as text), ',' order by cast(m.user_id as text))"
          + " from group_members m where m.group_id = g.id), '')"
          + " from groups g";

  private static final String LOCK_NAME =
      "select cast(pg_advisory_xact_lock(cast(:space as integer),"
          + " hashtext(lower(cast(:name as text)))) as text)";

  private static final String INSERT =
      "insert into groups (id, name, version, created_at, updated_at)"
          + " select cast(:id as uuid), cast(:name as text), 1, cast(:at as timestamptz),"
          + " cast(:at as timestamptz)"
          + " where not exists (select 1 from groups o where lower(o.name) = lower(cast(:name as"
          + " text)))";

  private static final String UPDATE =
      "update groups set name = cast(:name as text), version = cast(:version as bigint),"
          + " updated_at = cast(:at as timestamptz) where id = cast(:id as uuid)"
          + " and not exists (select 1 from groups o"
          + " where lower(o.name) = lower(cast(:name as text)) and o.id <> cast(:id as uuid))";

  private static final String CLEAR_MEMBERS =
      "delete from group_members where group_id = cast(:id as uuid)";

  private static final String ADD_MEMBERS =
      "insert into group_members (group_id, user_id)"
          + " select cast(:id as uuid), cast(u as uuid)"
          + " from unnest(string_to_array(cast(:members as text), ',')) as u";

  private static final String SIGNAL = "select cast(pg_notify('triage_accounts', :id) as text)";

  private static final String LOCK = COLUMNS + " where g.id = cast(:id as uuid) for update of g";

  private static final String EXISTS =
      "select cast(id as text) from groups where id = cast(:id as uuid) for key share";

  private static final String IN_USE =
      "select cast(exists (select 1 from tickets where group_id = cast(:id as uuid)"
          + " and group_id is not null)"
          + " or exists (select 1 from categories where default_group_id = cast(:id as uuid))"
          + " as text)";

  private static final String GROUPS_OF =
      "select cast(group_id as text) from group_members where user_id = cast(:id as uuid)";

  private static final String FIND = COLUMNS + " where g.id = $1";

  private final Pool primary;
  private final CachedSessionAccounts sessions;

  public SqlGroups(Pool primary, CachedSessionAccounts sessions) {
    this.primary = primary;
    this.sessions = sessions;
  }

  @Override
  public Uni<Boolean> add(Stored group) {
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, group.name())
                    .chain(
                        () ->
                            s.createNativeQuery(INSERT)
                                .setParameter("id", group.id().toString())
                                .setParameter("name", group.name())
                                .setParameter("at", SqlStatement.utc(group.updatedAt()))
                                .executeUpdate())
                    .flatMap(
                        added ->
                            added != 1
                                ? Uni.createFrom().item(false)
                                : writeMembers(s, group.id(), group.memberIds(), Set.of())
                                    .replaceWith(true)));
  }

  @Override
  public Uni<Optional<Stored>> lock(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(LOCK, Object[].class)
                    .setParameter("id", id.toString())
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(SqlGroups::stored));
  }

  @Override
  public Uni<Boolean> change(Stored next, Set<UUID> membersBefore) {
    return Panache.getSession()
        .flatMap(
            s ->
                lockName(s, next.name())
                    .chain(
                        () ->
                            s.createNativeQuery(UPDATE)
                                .setParameter("id", next.id().toString())
                                .setParameter("name", next.name())
                                .setParameter("version", next.version())
                                .setParameter("at", SqlStatement.utc(next.updatedAt()))
                                .executeUpdate())
                    .flatMap(
                        changed ->
                            changed != 1
                                ? Uni.createFrom().item(false)
                                : writeMembers(s, next.id(), next.memberIds(), membersBefore)
                                    .replaceWith(true)));
  }

  @Override
  public Uni<Void> delete(Stored group) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery("delete from groups where id = cast(:id as uuid)")
                    .setParameter("id", group.id().toString())
                    .executeUpdate()
                    .chain(() -> forget(s, new HashSet<>(group.memberIds()))));
  }

  @Override
  public Uni<Boolean> inUse(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(IN_USE, String.class)
                    .setParameter("id", id.toString())
                    .getSingleResult())
        .map("true"::equals);
  }

  @Override
  public Uni<Boolean> exists(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(EXISTS, String.class)
                    .setParameter("id", id.toString())
                    .getResultList())
        .map(rows -> !rows.isEmpty());
  }

  @Override
  public Uni<Set<UUID>> groupsOf(UserId user) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(GROUPS_OF, String.class)
                    .setParameter("id", user.value().toString())
                    .getResultList())
        .map(rows -> rows.stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet()));
  }

  @Override
  public Uni<Optional<Stored>> find(UUID id) {
    return primary
        .preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> all(rows).stream().findFirst());
  }

  @Override
  public Uni<List<Stored>> list() {
    return primary.preparedQuery(COLUMNS + " order by g.name, g.id").execute().map(SqlGroups::all);
  }

  /** Replaces the members and drops every member whose groups changed from the session cache. */
  private Uni<Void> writeMembers(
      Mutiny.Session s, UUID group, List<UUID> members, Set<UUID> before) {
    Set<UUID> affected = new HashSet<>(before);
    affected.addAll(members);
    Set<UUID> kept = new HashSet<>(before);
    kept.retainAll(members);
    affected.removeAll(kept);
    Uni<Integer> cleared =
        s.createNativeQuery(CLEAR_MEMBERS).setParameter("id", group.toString()).executeUpdate();
    Uni<Integer> written =
        members.isEmpty()
            ? cleared
            : cleared.chain(
                () ->
                    s.createNativeQuery(ADD_MEMBERS)
                        .setParameter("id", group.toString())
                        .setParameter(
                            "members",
                            members.stream().map(UUID::toString).collect(Collectors.joining(",")))
                        .executeUpdate());
    return written.chain(() -> forget(s, affected));
  }

  private Uni<Void> forget(Mutiny.Session s, Set<UUID> users) {
    users.forEach(sessions::forget);
    return Multi.createFrom()
        .iterable(users)
        .onItem()
        .transformToUniAndConcatenate(
            u ->
                s.createNativeQuery(SIGNAL)
                    .setParameter("id", u.toString())
                    .getSingleResult()
                    .replaceWithVoid())
        .collect()
        .last()
        .replaceWithVoid();
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
          stored(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
    }
    return out;
  }

  private static Stored stored(Object[] row) {
    return stored(
        (String) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4]);
  }

  private static Stored stored(
      String id, String name, String version, String updatedAt, String members) {
    return new Stored(
        UUID.fromString(id),
        name,
        members.isEmpty()
            ? List.of()
            : Arrays.stream(members.split(",")).map(UUID::fromString).toList(),
        Long.parseLong(version),
        Instant.parse(updatedAt));
  }
}
