package dev.triage.application.settings;

import dev.triage.application.port.Settings;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.ticket.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The runtime settings as admins read them, with the version an {@code If-Match} names.
 *
 * @param customerPriorities in the order of {@link Priority}, lowest first
 * @param updatedBy who made the last change; empty while the seed stands
 */
public record SettingsView(
    Priority defaultPriority,
    List<Priority> customerPriorities,
    boolean requesterMayAcceptResolution,
    Duration autoEscalateAfter,
    Duration autoCloseAfter,
    long version,
    Instant updatedAt,
    Optional<UUID> updatedBy) {

  /** The audited entity type of the settings, and the id of their one row. */
  public static final String ENTITY = "Settings";

  public static final String ENTITY_ID = "settings";

  public SettingsView {
    Objects.requireNonNull(defaultPriority, "defaultPriority");
    customerPriorities = List.copyOf(customerPriorities);
    Objects.requireNonNull(autoEscalateAfter, "autoEscalateAfter");
    Objects.requireNonNull(autoCloseAfter, "autoCloseAfter");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(updatedBy, "updatedBy");
  }

  static SettingsView of(Settings.Stored stored) {
    RuntimeSettings s = stored.values();
    return new SettingsView(
        s.defaultPriority(),
        s.customerPriorities().stream().sorted().toList(),
        s.requesterMayAcceptResolution(),
        s.autoEscalateAfter(),
        s.autoCloseAfter(),
        stored.version(),
        stored.updatedAt(),
        stored.updatedBy());
  }

  /** The settings as the audit trail keeps them: durations as ISO-8601 text ({@code PT24H}). */
  AuditState audit() {
    return new AuditState(
        defaultPriority.name(),
        customerPriorities.stream().map(Priority::name).toList(),
        requesterMayAcceptResolution,
        autoEscalateAfter.toString(),
        autoCloseAfter.toString(),
        version);
  }

  /** One audited state of the settings, before or after a change. */
  public record AuditState(
      String defaultPriority,
      List<String> customerPriorities,
      boolean requesterMayAcceptResolution,
      String autoEscalateAfter,
      String autoCloseAfter,
      long version) {}
}
