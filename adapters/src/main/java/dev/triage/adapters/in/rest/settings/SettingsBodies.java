package dev.triage.adapters.in.rest.settings;

import dev.triage.application.settings.ChangeSettings;
import dev.triage.application.settings.SettingsView;
import dev.triage.domain.ticket.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of {@code /api/v1/settings} (field names are part of the contract). */
final class SettingsBodies {

  private SettingsBodies() {}

  static final String DURATION =
      "An ISO-8601 duration of wall-clock time (PT24H, P7D, PT90M), from 1 minute to 365 days";

  @Schema(
      name = "ChangeSettings",
      description = "Every field may be left out (it stays as it is); null means left out.")
  record ChangeSettingsRequest(
      @Schema(
              description =
                  "The priority of a ticket opened without one; must be one of the"
                      + " customerPriorities")
          Priority defaultPriority,
      @Schema(
              maxItems = ChangeSettings.MAX_PRIORITIES,
              description =
                  "Replaces the priorities a customer may choose when opening a ticket (staff may"
                      + " choose any); not empty, and holding the defaultPriority")
          List<Priority> customerPriorities,
      @Schema(
              description =
                  "Whether the requester may accept a resolution (close a RESOLVED ticket); when"
                      + " false only an admin or the auto-close sweep closes it")
          Boolean requesterMayAcceptResolution,
      @Schema(
              maxLength = ChangeSettings.MAX_DURATION_LENGTH,
              examples = "PT24H",
              description =
                  "How long an OPEN ticket without an assignee or a first response waits before"
                      + " the system escalates it. "
                      + DURATION)
          String autoEscalateAfter,
      @Schema(
              maxLength = ChangeSettings.MAX_DURATION_LENGTH,
              examples = "P7D",
              description =
                  "How long a RESOLVED ticket stays idle before the system closes it. " + DURATION)
          String autoCloseAfter) {}

  @Schema(name = "Settings")
  record SettingsResponse(
      @Schema(description = "The priority of a ticket opened without one") Priority defaultPriority,
      @Schema(
              description =
                  "The priorities a customer may choose when opening a ticket, lowest first")
          List<Priority> customerPriorities,
      @Schema(
              description =
                  "Whether the requester may accept a resolution (close a RESOLVED ticket)")
          boolean requesterMayAcceptResolution,
      @Schema(examples = "PT24H", description = "Age of automatic escalation, ISO-8601")
          String autoEscalateAfter,
      @Schema(examples = "PT168H", description = "Idle time before auto-close, ISO-8601")
          String autoCloseAfter,
      @Schema(description = "The settings' version: their ETag, to send back as If-Match")
          long version,
      Instant updatedAt,
      @Schema(
              nullable = true,
              description = "Who made the last change; null for the first settings")
          UUID updatedBy) {

    static SettingsResponse of(SettingsView v) {
      return new SettingsResponse(
          v.defaultPriority(),
          v.customerPriorities(),
          v.requesterMayAcceptResolution(),
          v.autoEscalateAfter().toString(),
          v.autoCloseAfter().toString(),
          v.version(),
          v.updatedAt(),
          v.updatedBy().orElse(null));
    }
  }
}
