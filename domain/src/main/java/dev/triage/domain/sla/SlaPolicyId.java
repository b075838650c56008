package dev.triage.domain.sla;

import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** An SLA policy's identity, the same across its versions. */
public record SlaPolicyId(UUID value) {

  public SlaPolicyId {
    Objects.requireNonNull(value, "value");
  }

  public static SlaPolicyId of(UUID value) {
    return new SlaPolicyId(value);
  }

  /** A new, time-ordered id. */
  public static SlaPolicyId newId(Instant now, RandomGenerator random) {
    return new SlaPolicyId(Uuids.v7(now, random));
  }

  /** Reads an id in canonical UUID form; a rejection names the field {@code policyId}. */
  public static Result<SlaPolicyId> parse(String text) {
    return Uuids.parse(text)
        .<Result<SlaPolicyId>>map(uuid -> Result.ok(new SlaPolicyId(uuid)))
        .orElseGet(() -> Result.invalid("policyId", "must be a UUID"));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
