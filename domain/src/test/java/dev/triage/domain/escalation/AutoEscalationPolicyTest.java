package dev.triage.domain.escalation;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.commented;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.opened;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoEscalationPolicyTest {

  private static final AutoEscalationPolicy POLICY = AutoEscalationPolicy.defaults();
  private static final Instant DAY_LATER = T0.plus(Duration.ofHours(24));

  @Test
  void an_unassigned_unanswered_open_ticket_is_due_after_24_hours() {
    assertThat(POLICY.reasonToEscalate(opened(), DAY_LATER))
        .contains("Still OPEN without an assignee or a first response after 24 h.");
    assertThat(POLICY.reasonToEscalate(opened(), DAY_LATER.minusSeconds(1))).isEmpty();
  }

  @Test
  void an_assigned_ticket_without_a_first_response_is_due() {
    Ticket t = apply(opened().assign(AGENT, assignee(AGENT), T0.plusSeconds(60)));
    assertThat(POLICY.reasonToEscalate(t, DAY_LATER))
        .contains("Still OPEN without a first response after 24 h.");
  }

  @Test
  void an_answered_but_unassigned_ticket_is_due() {
    Ticket t = commented(opened(), AGENT, "Hello", false, T0.plusSeconds(60));
    assertThat(POLICY.reasonToEscalate(t, DAY_LATER))
        .contains("Still OPEN without an assignee after 24 h.");
  }

  @Test
  void an_assigned_and_answered_ticket_is_not_due() {
    Ticket t = apply(opened().assign(AGENT, assignee(AGENT), T0.plusSeconds(60)));
    t = commented(t, AGENT, "Hello", false, T0.plusSeconds(120));
    assertThat(POLICY.reasonToEscalate(t, DAY_LATER.plus(Duration.ofDays(3)))).isEmpty();
  }

  @Test
  void only_open_tickets_are_due() {
    assertThat(POLICY.reasonToEscalate(inStatus(Status.IN_PROGRESS), DAY_LATER)).isEmpty();
    assertThat(POLICY.reasonToEscalate(inStatus(Status.RESOLVED), DAY_LATER)).isEmpty();
  }

  @Test
  void running_the_sweep_twice_escalates_once() {
    Optional<TicketChange> first = POLICY.apply(opened(Priority.LOW), DAY_LATER);
    assertThat(first).isPresent();
    Ticket escalated = first.get().ticket();
    assertThat(escalated.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(POLICY.apply(escalated, DAY_LATER.plus(Duration.ofHours(1)))).isEmpty();
  }

  @Test
  void the_threshold_is_configurable_and_gives_the_query_cut_off() {
    AutoEscalationPolicy fourHours = new AutoEscalationPolicy(Duration.ofHours(4));
    assertThat(fourHours.reasonToEscalate(opened(), T0.plus(Duration.ofHours(4))))
        .contains("Still OPEN without an assignee or a first response after 4 h.");
    assertThat(fourHours.createdAtOrBefore(DAY_LATER)).isEqualTo(T0.plus(Duration.ofHours(20)));
  }
}
