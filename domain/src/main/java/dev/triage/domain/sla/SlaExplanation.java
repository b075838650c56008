package dev.triage.domain.sla;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a ticket's deadlines are what they are, for a support lead: the policy and calendar used, and
 * per clock every working interval that counted, every pause or stop and every holiday that was
 * skipped. The figures add up: the elapsed intervals sum to the elapsed time, the intervals toward
 * the due date sum to the target.
 */
public record SlaExplanation(
    TicketId ticketId,
    TicketNumber number,
    Instant at,
    String policyName,
    Priority priority,
    Instant clocksStartedAt,
    String calendarName,
    ZoneId zone,
    ClockExplanation firstResponse,
    ClockExplanation resolution) {

  public SlaExplanation {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(resolution, "resolution");
  }

  /** A period in which the clock did not count, and how much business time it held back. */
  public record Gap(ClockPeriod period, Duration businessTime) {}

  /**
   * One clock explained. {@code elapsedIntervals}: working time counted so far. {@code
   * dueIntervals}: working time that makes up the target, up to the due date ({@code
   * projectedIntervals} are the part still ahead). {@code gaps}: pauses and stops, each with the
   * business time by which it moved the due date. {@code holidaysSkipped}: holidays between
   * creation and the later of now and the due date that took working time away.
   */
  public record ClockExplanation(
      ClockStatus status,
      List<ClockPeriod> periods,
      List<TimeRange> elapsedIntervals,
      List<TimeRange> dueIntervals,
      List<TimeRange> projectedIntervals,
      List<Gap> gaps,
      List<LocalDate> holidaysSkipped) {

    public ClockExplanation {
      Objects.requireNonNull(status, "status");
      periods = List.copyOf(periods);
      elapsedIntervals = List.copyOf(elapsedIntervals);
      dueIntervals = List.copyOf(dueIntervals);
      projectedIntervals = List.copyOf(projectedIntervals);
      gaps = List.copyOf(gaps);
      holidaysSkipped = List.copyOf(holidaysSkipped);
    }

    public SlaClock clock() {
      return status.clock();
    }
  }

  public ClockExplanation clock(SlaClock clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponse;
      case RESOLUTION -> resolution;
    };
  }

  /** The explanation as plain sentences, one per line. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Ticket "
            + number
            + " at "
            + at
            + ": policy '"
            + policyName
            + "' for priority "
            + priority
            + ", calendar '"
            + calendarName
            + "' in "
            + zone
            + "; clocks started at "
            + clocksStartedAt
            + ".");
    for (ClockExplanation c : List.of(firstResponse, resolution)) {
      ClockStatus s = c.status();
      lines.add(
          c.clock().key()
              + ": target "
              + s.target()
              + ", elapsed "
              + s.elapsed()
              + ", due "
              + s.dueAt()
              + ", "
              + s.state()
              + (s.breached() ? ", breached" : "")
              + s.stoppedAt().map(t -> ", stopped at " + t).orElse("")
              + ".");
      for (TimeRange r : c.elapsedIntervals()) {
        lines.add("  counted " + r + " = " + r.duration());
      }
      for (TimeRange r : c.projectedIntervals()) {
        lines.add("  still ahead " + r + " = " + r.duration());
      }
      for (Gap g : c.gaps()) {
        lines.add(
            "  "
                + g.period().state().name().toLowerCase(Locale.ROOT)
                + " "
                + g.period().range()
                + ", business time not counted = "
                + g.businessTime());
      }
      for (LocalDate h : c.holidaysSkipped()) {
        lines.add("  holiday skipped " + h);
      }
    }
    return lines;
  }
}
