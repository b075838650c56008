package dev.triage.domain.sla;

import java.util.Objects;

/**
 * One version of an SLA policy, as a ticket pins it and the API shows it ({@code sla.policy:
 * {"id","name","version"}}). Versions are immutable and numbered from 1; an edit makes the next
 * one.
 */
public record SlaPolicyRef(SlaPolicyId id, String name, int version) {

  public SlaPolicyRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1: " + version);
    }
  }
}
