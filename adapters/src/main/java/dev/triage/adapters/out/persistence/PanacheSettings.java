package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Settings;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * The runtime settings' row as the settings use cases read and change it, on the command's session
 * (ADR 11, path a; the signal is one of path c's statements). A change tells every replica's {@link
 * CachedSettings}: this one at once, the others through {@code triage_settings}, sent when the
 * transaction commits.
 */
@ApplicationScoped
public class PanacheSettings implements Settings {

  private final CachedSettings cache;

  public PanacheSettings(CachedSettings cache) {
    this.cache = cache;
  }

  @Override
  public Uni<Stored> find() {
    return SettingsEntity.<SettingsEntity>findById(SettingsEntity.ID).map(SettingsEntity::toDomain);
  }

  @Override
  public Uni<Stored> findForUpdate() {
    return SettingsEntity.<SettingsEntity>findById(
            SettingsEntity.ID, LockModeType.PESSIMISTIC_WRITE)
        .map(SettingsEntity::toDomain);
  }

  @Override
  public Uni<Boolean> update(Stored next, long expectedVersion) {
    cache.forget();
    return Panache.getSession()
        .flatMap(
            s ->
                s.find(SettingsEntity.class, SettingsEntity.ID, LockModeType.PESSIMISTIC_WRITE)
                    .flatMap(
                        e -> {
                          if (e == null || e.version != expectedVersion) {
                            return Uni.createFrom().item(false);
                          }
                          e.apply(next);
                          return s.flush()
                              .chain(
                                  () ->
                                      s.createNativeQuery(
                                              "select cast(pg_notify('triage_settings', :version)"
                                                  + " as text)")
                                          .setParameter("version", Long.toString(next.version()))
                                          .getSingleResult())
                              .replaceWith(true);
                        }));
  }
}
