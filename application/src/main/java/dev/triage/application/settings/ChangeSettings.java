package dev.triage.application.settings;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.domain.ticket.Priority;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin changes the runtime settings; every field left out ({@code null}) stays as it is. {@code
 * customerPriorities} replaces the set; the durations are ISO-8601 text ({@code PT24H}, {@code
 * P7D}). {@code ifMatch}, when present, is the version the admin last read.
 */
public record ChangeSettings(
    Optional<Long> ifMatch,
    Priority defaultPriority,
    @Size(max = MAX_PRIORITIES, message = "at most {max} priorities")
        List<Priority> customerPriorities,
    Boolean requesterMayAcceptResolution,
    @Size(max = MAX_DURATION_LENGTH, message = "at most {max} characters") String autoEscalateAfter,
    @Size(max = MAX_DURATION_LENGTH, message = "at most {max} characters") String autoCloseAfter)
    implements Command<SettingsView> {

  /** More than every priority once is surely a mistake. */
  public static final int MAX_PRIORITIES = 16;

  /** Longer than any duration within the bounds needs ({@code PT525600M} is 9). */
  public static final int MAX_DURATION_LENGTH = 40;

  public ChangeSettings {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
