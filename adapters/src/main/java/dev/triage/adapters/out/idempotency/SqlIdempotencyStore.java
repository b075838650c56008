package dev.triage.adapters.out.idempotency;

import dev.triage.application.bus.Command;
import dev.triage.application.port.IdempotencyStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Idempotency records in {@code idempotency_records}, read and written on the command's own
 * transaction (the Hibernate Reactive session the transaction decorator opened).
 *
 * <p>Two requests with one key, on one replica or several, are told apart by a transaction-scoped
 * advisory lock on the scope, taken without waiting in the same statement that inserts the record:
 * the first holds it until it commits or rolls back; a second one that finds it taken answers "in
 * flight" at once instead of holding a connection while it waits. Once the first has committed, its
 * record is what the next request finds.
 */
@ApplicationScoped
public class SqlIdempotencyStore implements IdempotencyStore {

  /** The first half of every advisory lock taken here ("idmp"), apart from anyone else's. */
  public static final int LOCK_SPACE = 0x69646d70;

  /**
   * Inserts the record if the scope's lock is free and no live record written before the
   * deployment's secret was used stands for the same key; a record that has expired (and not yet
   * been purged) is taken over. Counts 1 when the caller now holds a fresh record, 0 otherwise.
   */
  static final String CLAIM =
      "insert into idempotency_records"
          + " (caller, key_hash, operation, fingerprint, created_at, expires_at)"
          + " select cast(:caller as text), cast(:keyHash as bytea), cast(:operation as text),"
          + " cast(:fingerprint as bytea), cast(:now as timestamptz),"
          + " cast(:expiresAt as timestamptz)"
          + " where pg_try_advisory_xact_lock(cast(:lockSpace as integer),"
          + " cast(:lockNumber as integer))"
          + " and not exists (select 1 from idempotency_records l where l.caller = :caller"
          + " and l.key_hash = cast(:legacyHash as bytea) and l.expires_at > cast(:now as timestamptz))"
          + " on conflict (caller, key_hash) do update set operation = excluded.operation,"
          + " fingerprint = excluded.fingerprint, result = null,"
          + " created_at = excluded.created_at, expires_at = excluded.expires_at"
          + " where idempotency_records.expires_at <= excluded.created_at";

  /** The live record of the key: keyed with the secret, or else one written before it was used. */
  static final String FIND =
      "select fingerprint, result, key_hash = :keyHash from idempotency_records"
          + " where caller = :caller and key_hash in (:keyHash, :legacyHash) and expires_at > :now"
          + " order by 3 desc limit 1";

  static final String COMPLETE =
      "update idempotency_records set result = :result"
          + " where caller = :caller and key_hash = :keyHash";

  /**
   * One batch of expired records, skipping rows another replica is deleting at the same moment: run
   * on every replica at once, each row still goes exactly once.
   */
  static final String PURGE =
      "with expired as (select caller, key_hash from idempotency_records"
          + " where expires_at <= $1 order by expires_at limit $2 for update skip locked)"
          + " delete from idempotency_records r using expired e"
          + " where r.caller = e.caller and r.key_hash = e.key_hash";

  private final IdempotencyJson json = new IdempotencyJson();
  private final Pool pool;
  private final IdempotencySecret secret;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Duration ttl;
  private final int purgeBatch;

  public SqlIdempotencyStore(
      Pool pool,
      IdempotencySecret secret,
      Clock clock,
      MeterRegistry meters,
      @ConfigProperty(name = "triage.idempotency.ttl", defaultValue = "PT24H") Duration ttl,
      @ConfigProperty(name = "triage.idempotency.purge-batch", defaultValue = "10000")
          int purgeBatch) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("triage.idempotency.ttl must be positive: " + ttl);
    }
    if (purgeBatch < 1) {
      throw new IllegalArgumentException("triage.idempotency.purge-batch must be positive");
    }
    this.pool = pool;
    this.secret = secret;
    this.clock = clock;
    this.meters = meters;
    this.ttl = ttl;
    this.purgeBatch = purgeBatch;
  }

  @Override
  public Uni<Claim> claim(Scope scope, Command<?> command) {
    KeySecrets secrets = KeySecrets.of(scope, secret.bytes());
    byte[] canonical = json.canonical(command);
    byte[] fingerprint = secrets.fingerprint(canonical);
    byte[] legacyHash = KeySecrets.legacy(scope).lookupHash();
    Instant now = clock.instant();
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(CLAIM)
                    .setParameter("caller", scope.caller())
                    .setParameter("keyHash", secrets.lookupHash())
                    .setParameter("legacyHash", legacyHash)
                    .setParameter("operation", scope.operation())
                    .setParameter("fingerprint", fingerprint)
                    .setParameter("now", utc(now))
                    .setParameter("expiresAt", utc(now.plus(ttl)))
                    .setParameter("lockSpace", LOCK_SPACE)
                    .setParameter("lockNumber", secrets.lockNumber())
                    .executeUpdate()
                    .flatMap(
                        claimed ->
                            claimed == 1
                                ? Uni.createFrom().<Claim>item(new Claim.Fresh())
                                : existing(s, scope, secrets, canonical, now, command)));
  }

  /** Not claimed: a committed record decides, or the key's first request is still running. */
  private Uni<Claim> existing(
      Mutiny.Session s,
      Scope scope,
      KeySecrets secrets,
      byte[] canonical,
      Instant now,
      Command<?> command) {
    return s.createNativeQuery(FIND, Object[].class)
        .setParameter("caller", scope.caller())
        .setParameter("keyHash", secrets.lookupHash())
        .setParameter("legacyHash", KeySecrets.legacy(scope).lookupHash())
        .setParameter("now", utc(now))
        .getResultList()
        .map(rows -> decide(rows, scope, secrets, canonical, command));
  }

  private Claim decide(
      List<Object[]> rows, Scope scope, KeySecrets current, byte[] canonical, Command<?> command) {
    if (rows.isEmpty() || rows.get(0)[1] == null) {
      return new Claim.InFlight();
    }
    Object[] row = rows.get(0);
    KeySecrets secrets = Boolean.TRUE.equals(row[2]) ? current : KeySecrets.legacy(scope);
    if (!KeySecrets.same((byte[]) row[0], secrets.fingerprint(canonical))) {
      return new Claim.Mismatch();
    }
    Object value = json.decode(secrets.open((byte[]) row[1]));
    replays(command).increment();
    return new Claim.Replay(value);
  }

  @Override
  public Uni<Void> complete(Scope scope, Object value) {
    KeySecrets secrets = KeySecrets.of(scope, secret.bytes());
    byte[] sealed = secrets.seal(json.encode(value));
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(COMPLETE)
                    .setParameter("result", sealed)
                    .setParameter("caller", scope.caller())
                    .setParameter("keyHash", secrets.lookupHash())
                    .executeUpdate())
        .map(
            updated -> {
              if (updated != 1) {
                throw new IllegalStateException("no claimed idempotency record to complete");
              }
              return null;
            });
  }

  /**
   * Deletes every record expired by now, in batches of {@code triage.idempotency.purge-batch}, each
   * one statement in its own transaction. Answers how many went.
   */
  public Uni<Long> purgeExpired() {
    return purge(utc(clock.instant()), 0);
  }

  private Uni<Long> purge(OffsetDateTime now, long sofar) {
    return pool.preparedQuery(PURGE)
        .execute(Tuple.of(now, purgeBatch))
        .flatMap(
            rows -> {
              long total = sofar + rows.rowCount();
              return rows.rowCount() < purgeBatch
                  ? Uni.createFrom().item(total)
                  : purge(now, total);
            });
  }

  /**
   * The second half of the advisory lock a request with this scope holds while it runs, for tools
   * and tests that must stand in for a request still running.
   */
  public static int lockNumber(Scope scope) {
    return KeySecrets.legacy(scope).lockNumber();
  }

  /** {@code triage_idempotent_replays_total}, by command. */
  private Counter replays(Command<?> command) {
    return Counter.builder("triage.idempotent.replays")
        .description("Commands answered from a stored idempotent answer instead of running again")
        .tag("command", command.getClass().getSimpleName())
        .register(meters);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
