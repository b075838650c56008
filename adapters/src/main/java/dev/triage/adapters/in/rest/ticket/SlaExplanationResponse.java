package dev.triage.adapters.in.rest.ticket;

import dev.triage.domain.sla.ClockPeriod;
import dev.triage.domain.sla.SlaExplanation;
import dev.triage.domain.sla.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a ticket's deadlines are what they are: the answer of {@code GET /tickets/{id}/sla}. */
@Schema(name = "SlaExplanation")
public record SlaExplanationResponse(
    UUID ticketId,
    String number,
    Instant at,
    String policy,
    String priority,
    Instant clocksStartedAt,
    String calendar,
    String zone,
    Clock firstResponse,
    Clock resolution,
    @Schema(description = "The same explanation as sentences.") List<String> summary,
    @Schema(description = "The policy version the ticket is measured against.")
        Version policyVersion,
    @Schema(description = "The calendar version the ticket is measured in.")
        Version calendarVersion,
    @Schema(
            description =
                "The conditions that made the policy apply; empty for the default policy.")
        List<Condition> matchedConditions,
    @Schema(description = "Present while the requester waits for a public staff reply.")
        Clock nextReply) {

  /** A policy or calendar version: what a ticket pins (ADR 17). */
  @Schema(name = "SlaVersionRef")
  public record Version(UUID id, String name, int version) {}

  /** One condition of the policy and the ticket's value that met it. */
  @Schema(name = "SlaMatchedCondition")
  public record Condition(
      @Schema(examples = "categories") String field, @Schema(examples = "billing") String value) {}

  /** A holiday that the clock skipped, in the calendar's zone. */
  @Schema(name = "SlaSkippedHoliday")
  public record Holiday(LocalDate date, String name) {}

  /** One clock and everything behind its figures. */
  @Schema(name = "SlaClockExplanation")
  public record Clock(
      Instant dueAt,
      long targetSeconds,
      long elapsedSeconds,
      long remainingSeconds,
      boolean paused,
      boolean breached,
      Instant stoppedAt,
      List<Period> periods,
      List<Interval> elapsedIntervals,
      List<Interval> dueIntervals,
      List<Interval> projectedIntervals,
      List<Gap> pausesAndStops,
      List<LocalDate> holidaysSkipped,
      @Schema(description = "The holidays skipped, with their names.") List<Holiday> holidays) {}

  /** A stretch of time and whether the clock ran, was paused or stopped in it. */
  public record Period(Instant start, Instant end, String state) {}

  /** A stretch of working time that counted. */
  public record Interval(Instant start, Instant end) {}

  /** A pause or stop, and by how much business time it moved the due date. */
  public record Gap(Instant start, Instant end, String state, long businessSeconds) {}

  static SlaExplanationResponse of(SlaExplanation e) {
    return new SlaExplanationResponse(
        e.ticketId().value(),
        e.number().value(),
        e.at(),
        e.policyName(),
        e.priority().name(),
        e.clocksStartedAt(),
        e.calendarName(),
        e.zone().getId(),
        clock(e.firstResponse()),
        clock(e.resolution()),
        e.describe(),
        e.policy().map(p -> new Version(p.id().value(), p.name(), p.version())).orElse(null),
        e.calendar().map(c -> new Version(c.id().value(), c.name(), c.version())).orElse(null),
        e.matchedConditions().stream().map(m -> new Condition(m.field().key(), m.value())).toList(),
        e.nextReply().map(SlaExplanationResponse::clock).orElse(null));
  }

  private static Clock clock(SlaExplanation.ClockExplanation c) {
    return new Clock(
        c.status().dueAt(),
        c.status().target().toSeconds(),
        c.status().elapsedSeconds(),
        c.status().remainingSeconds(),
        c.status().paused(),
        c.status().breached(),
        c.status().stoppedAt().orElse(null),
        c.periods().stream().map(SlaExplanationResponse::period).toList(),
        intervals(c.elapsedIntervals()),
        intervals(c.dueIntervals()),
        intervals(c.projectedIntervals()),
        c.gaps().stream()
            .map(
                g ->
                    new Gap(
                        g.period().start(),
                        g.period().end(),
                        g.period().state().name(),
                        g.businessTime().toSeconds()))
            .toList(),
        c.holidaysSkipped(),
        c.skippedHolidays().stream().map(h -> new Holiday(h.date(), h.name())).toList());
  }

  private static Period period(ClockPeriod p) {
    return new Period(p.start(), p.end(), p.state().name());
  }

  private static List<Interval> intervals(List<TimeRange> ranges) {
    return ranges.stream().map(r -> new Interval(r.start(), r.end())).toList();
  }
}
