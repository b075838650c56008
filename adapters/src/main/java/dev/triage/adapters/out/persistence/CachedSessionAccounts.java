package dev.triage.adapters.out.persistence;

import dev.triage.application.port.SessionAccounts;
import dev.triage.application.port.SessionAccounts.Current;
import dev.triage.domain.user.UserId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The accounts behind access tokens, kept in memory so that a request costs no database round trip
 * (ADR 0010). An entry is dropped when the account changes: at once on this replica (by {@link
 * PanacheAccounts#update} inside the changing transaction, or by {@link SqlGroups} for each member
 * whose groups changed) and, through the {@code triage_accounts} signal sent at its commit, on
 * every replica. An entry also lives at most {@code triage.auth.account-cache-ttl}, which bounds
 * how long another replica can accept a revoked session should a signal be lost while its listener
 * reconnects.
 *
 * <p>A load that began before a drop is not kept: a read racing a change's commit would otherwise
 * put the old state back for the whole lifetime of an entry.
 */
@ApplicationScoped
public class CachedSessionAccounts implements SessionAccounts {

  /** Past this many entries the cache starts over; accounts in use come back at one read each. */
  static final int MAX_ENTRIES = 50_000;

  private record Entry(Optional<Current> account, long loadedAt) {}

  /** The groups of an account, read with it (group_members, V23). */
  private static final String GROUPS_OF =
      "select cast(group_id as text) from group_members where user_id = cast(:id as uuid)";

  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong drops = new AtomicLong();
  private final long ttlNanos;

  public CachedSessionAccounts(
      @ConfigProperty(name = "triage.auth.account-cache-ttl", defaultValue = "PT10S")
          Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  public Uni<Optional<Current>> current(UserId id) {
    long now = System.nanoTime();
    Entry entry = entries.get(id.value());
    if (entry != null && now - entry.loadedAt() < ttlNanos) {
      return Uni.createFrom().item(entry.account());
    }
    long seen = drops.get();
    return Panache.withSession(
            () ->
                AccountEntity.<AccountEntity>findById(id.value())
                    .flatMap(
                        e ->
                            e == null
                                ? Uni.createFrom().item(Optional.<Current>empty())
                                : groupsOf(id.value())
                                    .map(groups -> Optional.of(new Current(e.toDomain(), groups)))))
        .invoke(
            account -> {
              if (drops.get() == seen) {
                if (entries.size() >= MAX_ENTRIES) {
                  entries.clear();
                }
                entries.put(id.value(), new Entry(account, now));
              }
            });
  }

  private static Uni<Set<UUID>> groupsOf(UUID id) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(GROUPS_OF, String.class)
                    .setParameter("id", id.toString())
                    .getResultList())
        .map(rows -> rows.stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet()));
  }

  /** The account changed (or may have): the next request reads it again. */
  public void forget(UUID id) {
    drops.incrementAndGet();
    entries.remove(id);
  }

  /** Signals may have been missed: every account is read again. */
  public void forgetAll() {
    drops.incrementAndGet();
    entries.clear();
  }
}
