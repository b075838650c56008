package dev.triage.domain;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.newCommentId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.escalation.AutoClosePolicy;
import dev.triage.domain.escalation.AutoEscalationPolicy;
import dev.triage.domain.escalation.SlaAlarmPolicy;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.ClockStatus;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaExplanation;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.CommentOutcome;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One ticket's whole life on an office calendar (Berlin, Monday to Friday 09:00-17:00, Good Friday
 * off), with the default MEDIUM targets of 4 h first response and 24 h resolution: a pending
 * period, a reopen, an escalation and an automatic close, checking every due date on the way.
 */
class TicketLifecycleScenarioTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDate GOOD_FRIDAY = LocalDate.of(2026, 4, 3);
  private static final BusinessCalendar OFFICE =
      BusinessCalendar.weekdays(
          "Berlin office", BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(GOOD_FRIDAY));
  private static final SlaPolicy POLICY = SlaPolicy.defaults();

  private final List<TicketEvent> timeline = new ArrayList<>();
  private Ticket ticket;

  private static Instant berlin(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), BERLIN).toInstant();
  }

  private void record(TicketChange change) {
    timeline.addAll(change.events());
    ticket = change.ticket();
  }

  private void comment(
      dev.triage.domain.user.Actor author, String body, boolean internal, String at) {
    CommentOutcome outcome =
        ticket
            .addComment(author, newCommentId(berlin(at)), body, internal, berlin(at))
            .orElseThrow();
    record(((CommentOutcome.Added) outcome).change());
  }

  private SlaStatus slaAt(String at) {
    return Sla.evaluate(ticket, POLICY, OFFICE, berlin(at));
  }

  @Test
  void a_ticket_from_opening_to_automatic_close() {
    // Monday 30 March, 10:00: the requester reports a broken VPN.
    record(
        Ticket.open(
                TicketId.newId(berlin("2026-03-30T10:00"), new SplittableRandom(1)),
                TicketNumber.of("TCK", 2026, 7),
                REQUESTER,
                Title.of("VPN drops every hour").orElseThrow(),
                Description.of("Since the update the VPN disconnects.").orElseThrow(),
                Priority.MEDIUM,
                Optional.empty(),
                Tags.of(List.of("vpn")).orElseThrow(),
                berlin("2026-03-30T10:00"))
            .orElseThrow());
    SlaStatus opened = slaAt("2026-03-30T10:00");
    assertThat(opened.firstResponse().dueAt()).isEqualTo(berlin("2026-03-30T14:00"));
    assertThat(opened.resolution().dueAt()).isEqualTo(berlin("2026-04-02T10:00"));

    // 11:00 the agent takes it; 12:30 an internal note does not answer the customer.
    record(ticket.assign(AGENT, assignee(AGENT), berlin("2026-03-30T11:00")).orElseThrow());
    comment(AGENT, "Probably the new client version.", true, "2026-03-30T12:30");
    assertThat(slaAt("2026-03-30T13:00").firstResponse().running()).isTrue();

    // 13:30 the first public reply stops the first-response clock in time.
    comment(AGENT, "We are on it; which client version do you run?", false, "2026-03-30T13:30");
    ClockStatus firstResponse = slaAt("2026-03-30T13:45").firstResponse();
    assertThat(firstResponse.stoppedAt()).contains(berlin("2026-03-30T13:30"));
    assertThat(firstResponse.elapsed()).isEqualTo(Duration.ofMinutes(210));
    assertThat(firstResponse.breached()).isFalse();

    // 13:31 work starts; 15:00 the agent waits for the customer's logs: resolution pauses.
    record(
        ticket
            .changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), berlin("2026-03-30T13:31"))
            .orElseThrow());
    record(
        ticket
            .changeStatus(
                AGENT,
                Status.PENDING_CUSTOMER,
                Optional.of("Need logs"),
                berlin("2026-03-30T15:00"))
            .orElseThrow());
    ClockStatus paused = slaAt("2026-03-31T10:00").resolution();
    assertThat(paused.paused()).isTrue();
    assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(5));
    assertThat(paused.dueAt()).isEqualTo(berlin("2026-04-02T13:00"));

    // Tuesday 11:00 the customer sends the logs: back to IN_PROGRESS, four business hours paused.
    comment(REQUESTER, "Logs attached.", false, "2026-03-31T11:00");
    assertThat(ticket.status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(slaAt("2026-03-31T11:00").resolution().dueAt())
        .isEqualTo(berlin("2026-04-02T14:00"));

    // 16:00 resolved: the resolution clock stops with 10 business hours used.
    record(
        ticket
            .changeStatus(AGENT, Status.RESOLVED, Optional.empty(), berlin("2026-03-31T16:00"))
            .orElseThrow());
    ClockStatus resolved = slaAt("2026-03-31T16:30").resolution();
    assertThat(resolved.stoppedAt()).contains(berlin("2026-03-31T16:00"));
    assertThat(resolved.elapsed()).isEqualTo(Duration.ofHours(10));
    assertThat(resolved.dueAt()).isEqualTo(berlin("2026-04-02T14:00"));

    // Wednesday 10:00 the customer says it is still broken: the reply reopens the ticket and the
    // clock runs on; the two business hours it was stopped move the due date.
    comment(REQUESTER, "Still dropping.", false, "2026-04-01T10:00");
    assertThat(ticket.status()).isEqualTo(Status.OPEN);
    assertThat(slaAt("2026-04-01T10:00").resolution().dueAt())
        .isEqualTo(berlin("2026-04-02T16:00"));

    // 10:30 an admin escalates to HIGH (1 h / 8 h). Due dates are recomputed from creation: the
    // resolution target was already used up on Tuesday at 14:00, and the first reply came late.
    record(
        ticket
            .escalate(ADMIN, Optional.of("Board member"), berlin("2026-04-01T10:30"))
            .orElseThrow());
    SlaStatus escalated = slaAt("2026-04-01T10:30");
    assertThat(escalated.firstResponse().dueAt()).isEqualTo(berlin("2026-03-30T11:00"));
    assertThat(escalated.firstResponse().breached()).isTrue();
    assertThat(escalated.resolution().dueAt()).isEqualTo(berlin("2026-03-31T14:00"));
    assertThat(escalated.resolution().overdue()).isTrue();
    assertThat(escalated.resolution().elapsed()).isEqualTo(Duration.ofMinutes(630));

    // The SLA sweep records both breaches once, in one change.
    record(SlaAlarmPolicy.apply(ticket, POLICY, OFFICE, berlin("2026-04-01T10:31")).orElseThrow());
    assertThat(ticket.slaBreachesRecorded()).hasSize(2);
    assertThat(SlaAlarmPolicy.apply(ticket, POLICY, OFFICE, berlin("2026-04-01T12:00"))).isEmpty();
    // It is OPEN but assigned and answered: no automatic escalation.
    assertThat(AutoEscalationPolicy.defaults().reasonToEscalate(ticket, berlin("2026-04-01T12:00")))
        .isEmpty();

    // Thursday 12:00 resolved again after 20 business hours in all.
    record(
        ticket
            .changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), berlin("2026-04-01T11:00"))
            .orElseThrow());
    record(
        ticket
            .changeStatus(AGENT, Status.RESOLVED, Optional.empty(), berlin("2026-04-02T12:00"))
            .orElseThrow());
    ClockStatus done = slaAt("2026-04-02T12:00").resolution();
    assertThat(done.elapsed()).isEqualTo(Duration.ofHours(20));
    assertThat(done.breached()).isTrue();

    // Good Friday and Easter pass; seven days after the last activity the system closes it.
    AutoClosePolicy autoClose = AutoClosePolicy.defaults();
    assertThat(autoClose.apply(ticket, berlin("2026-04-09T11:59"))).isEmpty();
    record(autoClose.apply(ticket, berlin("2026-04-09T12:00")).orElseThrow());
    assertThat(ticket.status()).isEqualTo(Status.CLOSED);

    // The explanation shows the pause, the stop and the holiday that was skipped.
    SlaExplanation why = Sla.explain(ticket, POLICY, OFFICE, berlin("2026-04-09T12:00"));
    assertThat(why.resolution().holidaysSkipped()).containsExactly(GOOD_FRIDAY);
    assertThat(why.resolution().gaps()).hasSize(3);
    assertThat(why.resolution().gaps().getFirst().businessTime()).isEqualTo(Duration.ofHours(4));
    assertThat(why.resolution().gaps().get(1).businessTime()).isEqualTo(Duration.ofHours(2));
    assertThat(why.describe()).anyMatch(line -> line.contains("holiday skipped 2026-04-03"));

    // A late reply from the requester opens a linked follow-up instead of touching the closed one.
    CommentOutcome late =
        ticket
            .addComment(
                REQUESTER,
                newCommentId(berlin("2026-04-10T09:00")),
                "Broken again.",
                false,
                berlin("2026-04-10T09:00"))
            .orElseThrow();
    assertThat(late).isInstanceOf(CommentOutcome.FollowUpRequired.class);

    assertThat(timeline)
        .extracting(TicketEvent::type)
        .containsExactly(
            "TicketCreated",
            "TicketAssigned",
            "InternalNoteAdded",
            "CommentAdded",
            "StatusChanged",
            "StatusChanged",
            "CommentAdded",
            "StatusChanged",
            "StatusChanged",
            "TicketResolved",
            "CommentAdded",
            "StatusChanged",
            "TicketReopened",
            "TicketEscalated",
            "SlaBreached",
            "SlaBreached",
            "StatusChanged",
            "StatusChanged",
            "TicketResolved",
            "StatusChanged",
            "TicketClosed");
    assertThat(ticket.version()).isEqualTo(14);
  }
}
