package dev.triage.application.sla;

import java.util.Objects;
import java.util.UUID;

/** The version rows a ticket is pinned to, as the ticket row stores them. */
public record SlaPinIds(UUID policyVersionId, UUID calendarVersionId) {
  public SlaPinIds {
    Objects.requireNonNull(policyVersionId, "policyVersionId");
    Objects.requireNonNull(calendarVersionId, "calendarVersionId");
  }
}
