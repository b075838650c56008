package dev.triage.adapters.out.persistence;

import dev.triage.application.port.CurrentSettings;
import dev.triage.domain.settings.RuntimeSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The runtime settings this replica applies, kept in memory (ADR 17): read from the primary's pool
 * on first use (ADR 11, path b), and again once the copy is older than {@code
 * triage.settings.cache-ttl} (5 s by default), which bounds how long a replica applies settings an
 * admin has changed. A change drops the copy at once on the replica that made it ({@link
 * PanacheSettings#update}) and, through the {@code triage_settings} signal sent at its commit, on
 * every replica ({@code PgSignals}, which also drops it after reconnecting). A load that began
 * before a drop is not kept.
 */
@ApplicationScoped
public class CachedSettings implements CurrentSettings {

  static final String SELECT =
      "select default_priority, customer_priorities, requester_may_accept_resolution,"
          + " auto_escalate_after_seconds, auto_close_after_seconds from settings where id = 1";

  private record Entry(RuntimeSettings settings, long loadedAt) {}

  private final Pool pool;
  private final long ttlNanos;
  private final AtomicLong drops = new AtomicLong();
  private volatile Entry entry;

  public CachedSettings(
      Pool pool,
      @ConfigProperty(name = "triage.settings.cache-ttl", defaultValue = "PT5S") Duration ttl) {
    this.pool = pool;
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  public Uni<RuntimeSettings> get() {
    long now = System.nanoTime();
    Entry cached = entry;
    if (cached != null && now - cached.loadedAt() < ttlNanos) {
      return Uni.createFrom().item(cached.settings());
    }
    long seen = drops.get();
    return pool.preparedQuery(SELECT)
        .execute()
        .map(rows -> read(rows.iterator().next()))
        .invoke(
            settings -> {
              if (drops.get() == seen) {
                entry = new Entry(settings, now);
              }
            });
  }

  /** The settings changed (or may have): the next use reads them again. */
  public void forget() {
    drops.incrementAndGet();
    entry = null;
  }

  private static RuntimeSettings read(Row r) {
    return SettingsEntity.values(
        r.getString("default_priority"),
        r.getArrayOfStrings("customer_priorities"),
        r.getBoolean("requester_may_accept_resolution"),
        r.getLong("auto_escalate_after_seconds"),
        r.getLong("auto_close_after_seconds"));
  }
}
