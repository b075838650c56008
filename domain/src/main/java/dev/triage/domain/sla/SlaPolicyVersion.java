package dev.triage.domain.sla;

import java.util.Objects;

/**
 * A policy's content under one version, as selection and evaluation use it. Exactly one policy is
 * the default: it has no conditions, is tried last and cannot be deleted.
 */
public record SlaPolicyVersion(
    SlaPolicyRef ref, boolean isDefault, SlaPolicyDefinition definition) {

  public SlaPolicyVersion {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(definition, "definition");
    if (!ref.name().equals(definition.name())) {
      throw new IllegalArgumentException(
          "version " + ref + " names another policy: " + definition.name());
    }
    if (isDefault && !definition.conditions().isEmpty()) {
      throw new IllegalArgumentException("the default policy has no conditions: " + ref);
    }
  }

  public SlaPolicyId id() {
    return ref.id();
  }

  public CalendarId calendarId() {
    return definition.calendarId();
  }

  /** The targets and warning share, as evaluation reads them. */
  public SlaPolicy policy() {
    return definition.toPolicy();
  }
}
