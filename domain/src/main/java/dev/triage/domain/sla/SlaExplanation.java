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
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a ticket's deadlines are what they are, for a support lead: the policy and calendar used
 * (with their versions and the conditions that made the policy apply, when evaluated under pinned
 * versions), and per clock every working interval that counted, every pause or stop and every
 * holiday that was skipped. The figures add up: the elapsed intervals sum to the elapsed time, the
 * intervals toward the due date sum to the target. {@code nextReply} is present while a reply cycle
 * runs.
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
    ClockExplanation resolution,
    Optional<SlaPolicyRef> policy,
    Optional<CalendarRef> calendar,
    List<ConditionMatch> matchedConditions,
    Optional<ClockExplanation> nextReply) {

  public SlaExplanation {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(firstResponse, "firstResponse");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(nextReply, "nextReply");
    matchedConditions = List.copyOf(matchedConditions);
  }

  /** An explanation of the two clocks every ticket has, without versions or conditions. */
  public SlaExplanation(
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
    this(
        ticketId,
        number,
        at,
        policyName,
        priority,
        clocksStartedAt,
        calendarName,
        zone,
        firstResponse,
        resolution,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  /** A period in which the clock did not count, and how much business time it held back. */
  public record Gap(ClockPeriod period, Duration businessTime) {}

  /**
   * One clock explained. {@code elapsedIntervals}: working time counted so far. {@code
   * dueIntervals}: working time that makes up the target, up to the due date ({@code
   * projectedIntervals} are the part still ahead). {@code gaps}: pauses and stops, each with the
   * business time by which it moved the due date. {@code holidaysSkipped}: holidays between the
   * clock's start (creation; for next reply the requester's reply) and the later of now and the due
   * date that took working time away; {@code skippedHolidays}: the same dates with their names.
   */
  public record ClockExplanation(
      ClockStatus status,
      List<ClockPeriod> periods,
      List<TimeRange> elapsedIntervals,
      List<TimeRange> dueIntervals,
      List<TimeRange> projectedIntervals,
      List<Gap> gaps,
      List<LocalDate> holidaysSkipped,
      List<SkippedHoliday> skippedHolidays) {

    public ClockExplanation {
      Objects.requireNonNull(status, "status");
      periods = List.copyOf(periods);
      elapsedIntervals = List.copyOf(elapsedIntervals);
      dueIntervals = List.copyOf(dueIntervals);
      projectedIntervals = List.copyOf(projectedIntervals);
      gaps = List.copyOf(gaps);
      holidaysSkipped = List.copyOf(holidaysSkipped);
      skippedHolidays = List.copyOf(skippedHolidays);
      if (!holidaysSkipped.equals(skippedHolidays.stream().map(SkippedHoliday::date).toList())) {
        throw new IllegalArgumentException(
            "named holidays " + skippedHolidays + " are not the dates " + holidaysSkipped);
      }
    }

    /** A clock explained with bare holiday dates (no names). */
    public ClockExplanation(
        ClockStatus status,
        List<ClockPeriod> periods,
        List<TimeRange> elapsedIntervals,
        List<TimeRange> dueIntervals,
        List<TimeRange> projectedIntervals,
        List<Gap> gaps,
        List<LocalDate> holidaysSkipped) {
      this(
          status,
          periods,
          elapsedIntervals,
          dueIntervals,
          projectedIntervals,
          gaps,
          holidaysSkipped,
          holidaysSkipped.stream().map(d -> new SkippedHoliday(d, "")).toList());
    }

    public SlaClock clock() {
      return status.clock();
    }
  }

  /**
   * The explanation of {@code clock}.
   *
   * @throws NoSuchElementException for the next-reply clock when no reply cycle runs
   */
  public ClockExplanation clock(SlaClock clock) {
    return switch (clock) {
      case FIRST_RESPONSE -> firstResponse;
      case RESOLUTION -> resolution;
      case NEXT_REPLY ->
          nextReply.orElseThrow(() -> new NoSuchElementException("no next-reply clock is running"));
    };
  }

  /** The clocks explained: first response, resolution and, while a cycle runs, next reply. */
  public List<ClockExplanation> clocks() {
    List<ClockExplanation> clocks = new ArrayList<>(List.of(firstResponse, resolution));
    nextReply.ifPresent(clocks::add);
    return List.copyOf(clocks);
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
    policy.ifPresent(
        p ->
            lines.add(
                "Policy '"
                    + p.name()
                    + "' version "
                    + p.version()
                    + calendar
                        .map(c -> ", calendar '" + c.name() + "' version " + c.version())
                        .orElse("")
                    + "; "
                    + (matchedConditions.isEmpty()
                        ? "it has no conditions and applies to every ticket."
                        : "it applies because "
                            + String.join(
                                " and ",
                                matchedConditions.stream().map(ConditionMatch::describe).toList())
                            + ".")));
    for (ClockExplanation c : clocks()) {
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
      for (SkippedHoliday h : c.skippedHolidays()) {
        lines.add("  holiday skipped " + h);
      }
    }
    return lines;
  }
}
