package dev.triage.adapters.out.persistence;

import dev.triage.application.port.Settings;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.ticket.Priority;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The {@code settings} row (V15): the runtime settings, one row only. */
@Entity
@Table(name = "settings")
public class SettingsEntity extends PanacheEntityBase {

  /** The id of the one row. */
  static final Short ID = 1;

  @Id public Short id;

  @Column(name = "default_priority")
  public String defaultPriority;

  @Column(name = "customer_priorities")
  public String[] customerPriorities;

  @Column(name = "requester_may_accept_resolution")
  public boolean requesterMayAcceptResolution;

  @Column(name = "auto_escalate_after_seconds")
  public long autoEscalateAfterSeconds;

  @Column(name = "auto_close_after_seconds")
  public long autoCloseAfterSeconds;

  public long version;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "updated_by")
  public UUID updatedBy;

  /** Takes over the stored state of {@code s}. */
  void apply(Settings.Stored s) {
    RuntimeSettings v = s.values();
    defaultPriority = v.defaultPriority().name();
    customerPriorities =
        v.customerPriorities().stream().sorted().map(Enum::name).toArray(String[]::new);
    requesterMayAcceptResolution = v.requesterMayAcceptResolution();
    autoEscalateAfterSeconds = v.autoEscalateAfter().toSeconds();
    autoCloseAfterSeconds = v.autoCloseAfter().toSeconds();
    version = s.version();
    updatedAt = s.updatedAt();
    updatedBy = s.updatedBy().orElse(null);
  }

  Settings.Stored toDomain() {
    return new Settings.Stored(
        values(
            defaultPriority,
            customerPriorities,
            requesterMayAcceptResolution,
            autoEscalateAfterSeconds,
            autoCloseAfterSeconds),
        version,
        updatedAt,
        Optional.ofNullable(updatedBy));
  }

  /**
   * The settings a row holds. The table's checks are the domain's rules, so a row the domain
   * refuses is a fault, not a user's mistake.
   */
  static RuntimeSettings values(
      String defaultPriority,
      String[] customerPriorities,
      boolean requesterMayAcceptResolution,
      long autoEscalateAfterSeconds,
      long autoCloseAfterSeconds) {
    return new RuntimeSettings(
        Priority.valueOf(defaultPriority),
        Arrays.stream(customerPriorities)
            .map(Priority::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Priority.class))),
        requesterMayAcceptResolution,
        Duration.ofSeconds(autoEscalateAfterSeconds),
        Duration.ofSeconds(autoCloseAfterSeconds));
  }

  @Override
  public String toString() {
    return "SettingsEntity[version=" + version + "]";
  }
}
