package dev.triage.domain.sla;

import dev.triage.domain.ticket.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Both clocks of a ticket at one instant, as the API's {@code sla} object shows them. */
public record SlaStatus(Instant at, ClockStatus firstResponse, ClockStatus resolution) {

  public SlaStatus {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(resolution, "resolution");
  }

  public ClockStatus clock(SlaClock clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponse;
      case RESOLUTION -> resolution;
    };
  }

  public List<ClockStatus> clocks() {
    return List.of(firstResponse, resolution);
  }

  /** True when a running clock has passed its due date. */
  public boolean overdue() {
    return firstResponse.overdue() || resolution.overdue();
  }

  /** The earliest due date of a clock that is not stopped, for sorting by urgency. */
  public Optional<Instant> nextDueAt() {
    return clocks().stream()
        .filter(c -> !c.stopped())
        .map(ClockStatus::dueAt)
        .min(Instant::compareTo);
  }
}
