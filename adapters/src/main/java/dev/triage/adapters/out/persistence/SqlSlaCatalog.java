package dev.triage.adapters.out.persistence;

import dev.triage.application.port.SlaCatalog;
import dev.triage.application.sla.AppliedSla;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.CalendarVersion;
import dev.triage.domain.sla.PolicyFacts;
import dev.triage.domain.sla.PolicySelection;
import dev.triage.domain.sla.SlaPolicyId;
import dev.triage.domain.sla.SlaPolicySelector;
import dev.triage.domain.sla.SlaPolicyVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The SLA policies and calendars as tickets use them (ADR 17, points 1, 2 and 5), kept in memory in
 * each replica and read from the primary's pool (ADR 11, path b), like {@link CachedSettings}.
 *
 * <p>Version rows are immutable, so each one read (pinned or current) is kept by its row's id for
 * good; the copies are bounded ({@value #MAX_VERSIONS} of each kind, then all are dropped and read
 * again as needed). The live policies' current versions, with the current version of each calendar
 * they measure in, are read in one statement (one snapshot of the database) and kept at most {@code
 * triage.sla.cache-ttl} (5 s by default), which bounds how long a replica selects by rules an admin
 * has changed. Every creation, change and deletion of a policy or calendar drops that copy at once
 * on the replica that wrote it ({@link #changed}, called by {@link SqlSlaPolicies} and {@link
 * SqlCalendars} right after their writes) and, through the {@code triage_sla} signal sent in the
 * same transaction and delivered at its commit, on every replica, this one included ({@code
 * PgSignals}, which also drops it after reconnecting). A load that began before a drop is not kept.
 */
@ApplicationScoped
public class SqlSlaCatalog implements SlaCatalog {

  /** The signal every replica listens to; its payload says what changed, for the logs only. */
  public static final String CHANNEL = "triage_sla";

  /** Beyond this many versions of one kind kept in memory, all of that kind are dropped. */
  static final int MAX_VERSIONS = 10_000;

  /**
   * The two pinned rows in one round trip: always one row, a column group null when its version row
   * does not exist.
   */
  static final String PINNED =
      "select cast(p.policy_id as text), p.version, cast(p.definition as text), p.is_default,"
          + " cast(c.calendar_id as text), c.version, cast(c.definition as text)"
          + " from (select 1) one"
          + " left join (select v.policy_id, v.version, v.definition, sp.is_default"
          + " from sla_policy_versions v join sla_policies sp on sp.id = v.policy_id"
          + " where v.id = $1) p on true"
          + " left join (select v.calendar_id, v.version, v.definition"
          + " from sla_calendar_versions v where v.id = $2) c on true";

  /**
   * Every live policy's current version with the current version of its calendar, in the order
   * selection tries them. The calendar is read whether or not it is live: a policy read here keeps
   * its calendar alive, and a deletion committed in between is followed by its signal.
   */
  static final String CURRENT =
      "select cast(v.id as text), cast(p.id as text), v.version, cast(v.definition as text),"
          + " p.is_default, cast(cv.id as text), cast(c.id as text), cv.version,"
          + " cast(cv.definition as text)"
          + " from sla_policies p"
          + " join sla_policy_versions v on v.id = p.current_version_id"
          + " join sla_calendars c on c.id = v.calendar_id"
          + " join sla_calendar_versions cv on cv.id = c.current_version_id"
          + " where p.deleted_at is null"
          + " order by p.position, p.id";

  private static final String SIGNAL =
      "select cast(pg_notify('" + CHANNEL + "', cast(:what as text)) as text)";

  /** A version row's id with its content. */
  private record Pinned<V>(UUID versionId, V version) {}

  /** The current rules as selection reads them, and when they were read. */
  private record Snapshot(
      List<SlaPolicyVersion> policies,
      Map<SlaPolicyId, UUID> policyVersionIds,
      Map<CalendarId, Pinned<CalendarVersion>> calendars,
      long loadedAt) {}

  private final Pool pool;
  private final long ttlNanos;
  private final Map<UUID, SlaPolicyVersion> policyVersions = new ConcurrentHashMap<>();
  private final Map<UUID, CalendarVersion> calendarVersions = new ConcurrentHashMap<>();
  private final AtomicLong drops = new AtomicLong();
  private volatile Snapshot snapshot;

  public SqlSlaCatalog(
      Pool pool,
      @ConfigProperty(name = "triage.sla.cache-ttl", defaultValue = "PT5S") Duration ttl) {
    this.pool = pool;
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  public Uni<AppliedSla> pinned(UUID policyVersionId, UUID calendarVersionId) {
    SlaPolicyVersion policy = policyVersions.get(policyVersionId);
    CalendarVersion calendar = calendarVersions.get(calendarVersionId);
    if (policy != null && calendar != null) {
      return Uni.createFrom()
          .item(
              () ->
                  new AppliedSla(policyVersionId, policy, calendarVersionId, calendar, List.of()));
    }
    return pool.preparedQuery(PINNED)
        .execute(Tuple.of(policyVersionId, calendarVersionId))
        .map(rows -> pinned(rows.iterator().next(), policyVersionId, calendarVersionId));
  }

  private AppliedSla pinned(Row r, UUID policyVersionId, UUID calendarVersionId) {
    if (r.getString(0) == null) {
      throw new IllegalStateException("no SLA policy version " + policyVersionId);
    }
    if (r.getString(4) == null) {
      throw new IllegalStateException("no calendar version " + calendarVersionId);
    }
    SlaPolicyVersion policy =
        kept(
            policyVersions,
            policyVersionId,
            id ->
                SqlSlaPolicies.version(
                    r.getString(0), r.getInteger(1), r.getString(2), r.getBoolean(3)));
    CalendarVersion calendar =
        kept(
            calendarVersions,
            calendarVersionId,
            id -> SqlCalendars.version(r.getString(4), r.getInteger(5), r.getString(6)));
    return new AppliedSla(policyVersionId, policy, calendarVersionId, calendar, List.of());
  }

  @Override
  public Uni<AppliedSla> select(PolicyFacts facts) {
    long now = System.nanoTime();
    Snapshot cached = snapshot;
    if (cached != null && now - cached.loadedAt() < ttlNanos) {
      return Uni.createFrom().item(() -> applied(cached, facts));
    }
    long seen = drops.get();
    return pool.preparedQuery(CURRENT)
        .execute()
        .map(rows -> snapshot(rows, now))
        .invoke(
            loaded -> {
              if (drops.get() == seen) {
                snapshot = loaded;
              }
            })
        .map(loaded -> applied(loaded, facts));
  }

  @Override
  public void invalidate() {
    drops.incrementAndGet();
    snapshot = null;
  }

  /**
   * A policy or calendar was written on {@code session}: this replica forgets the current rules now
   * and every replica (this one again) when the transaction commits ({@code triage_sla}).
   *
   * @param what what changed, as the signal's payload ({@code "policy <id>"})
   */
  Uni<Void> changed(Mutiny.Session session, String what) {
    invalidate();
    return session
        .<Object>createNativeQuery(SIGNAL)
        .setParameter("what", what)
        .getSingleResult()
        .replaceWithVoid();
  }

  private static AppliedSla applied(Snapshot current, PolicyFacts facts) {
    PolicySelection selection = SlaPolicySelector.select(current.policies(), facts);
    SlaPolicyVersion policy = selection.policy();
    Pinned<CalendarVersion> calendar = current.calendars().get(policy.calendarId());
    return new AppliedSla(
        current.policyVersionIds().get(policy.id()),
        policy,
        calendar.versionId(),
        calendar.version(),
        selection.matched());
  }

  private Snapshot snapshot(RowSet<Row> rows, long loadedAt) {
    List<SlaPolicyVersion> policies = new ArrayList<>();
    Map<SlaPolicyId, UUID> versionIds = new HashMap<>();
    Map<CalendarId, Pinned<CalendarVersion>> calendars = new HashMap<>();
    for (Row r : rows) {
      UUID policyVersionId = UUID.fromString(r.getString(0));
      SlaPolicyVersion policy =
          kept(
              policyVersions,
              policyVersionId,
              id ->
                  SqlSlaPolicies.version(
                      r.getString(1), r.getInteger(2), r.getString(3), r.getBoolean(4)));
      UUID calendarVersionId = UUID.fromString(r.getString(5));
      CalendarVersion calendar =
          kept(
              calendarVersions,
              calendarVersionId,
              id -> SqlCalendars.version(r.getString(6), r.getInteger(7), r.getString(8)));
      policies.add(policy);
      versionIds.put(policy.id(), policyVersionId);
      calendars.putIfAbsent(calendar.id(), new Pinned<>(calendarVersionId, calendar));
    }
    return new Snapshot(
        List.copyOf(policies), Map.copyOf(versionIds), Map.copyOf(calendars), loadedAt);
  }

  /** The version kept under {@code id}, else the one {@code read} makes, kept from now on. */
  private static <V> V kept(Map<UUID, V> versions, UUID id, Function<UUID, V> read) {
    V known = versions.get(id);
    if (known != null) {
      return known;
    }
    V version = read.apply(id);
    if (versions.size() >= MAX_VERSIONS) {
      versions.clear();
    }
    versions.put(id, version);
    return version;
  }
}
