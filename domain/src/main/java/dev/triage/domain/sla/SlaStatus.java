package dev.triage.domain.sla;

import dev.triage.domain.ticket.SlaClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The clocks of a ticket at one instant, as the API's {@code sla} object shows them: first response
 * and resolution always, next reply while a reply cycle has started (empty when the requester is
 * not waiting for a reply, or when the caller evaluated without next-reply facts).
 */
public record SlaStatus(
    Instant at,
    ClockStatus firstResponse,
    ClockStatus resolution,
    Optional<ClockStatus> nextReply) {

  /** A {@code null} next reply (a record stored before the clock existed) reads as empty. */
  public SlaStatus {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(resolution, "resolution");
    nextReply = nextReply == null ? Optional.empty() : nextReply;
  }

  /** The two clocks every ticket has, without a next-reply clock. */
  public SlaStatus(Instant at, ClockStatus firstResponse, ClockStatus resolution) {
    this(at, firstResponse, resolution, Optional.empty());
  }

  /**
   * The status of {@code clock}; for {@link SlaClock#NEXT_REPLY} only while it exists (see {@link
   * #find}).
   *
   * @throws NoSuchElementException for the next-reply clock when no cycle is evaluated
   */
  public ClockStatus clock(SlaClock clock) {
    return find(clock)
        .orElseThrow(() -> new NoSuchElementException("no " + clock + " clock is running"));
  }

  /** The status of {@code clock}, empty for a next-reply clock that has not started. */
  public Optional<ClockStatus> find(SlaClock clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> Optional.of(firstResponse);
      case RESOLUTION -> Optional.of(resolution);
      case NEXT_REPLY -> nextReply;
    };
  }

  /** The clocks there are: first response, resolution and, if present, next reply. */
  public List<ClockStatus> clocks() {
    List<ClockStatus> clocks = new ArrayList<>(List.of(firstResponse, resolution));
    nextReply.ifPresent(clocks::add);
    return List.copyOf(clocks);
  }

  /** True when a running clock has passed its due date. */
  public boolean overdue() {
    return clocks().stream().anyMatch(ClockStatus::overdue);
  }

  /** The earliest due date of a clock that is not stopped, for sorting by urgency. */
  public Optional<Instant> nextDueAt() {
    return clocks().stream()
        .filter(c -> !c.stopped())
        .map(ClockStatus::dueAt)
        .min(Instant::compareTo);
  }

  /** This status with {@code nextReply} as the next-reply clock. */
  public SlaStatus withNextReply(Optional<ClockStatus> nextReply) {
    return new SlaStatus(at, firstResponse, resolution, nextReply);
  }
}
