package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.ticket.TicketEvent.TicketEscalated;
import dev.triage.domain.user.Actor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketEscalationTest {

  @Test
  void staff_escalate_one_priority_level_up() {
    given(opened(Priority.LOW))
        .when(t -> t.escalate(AGENT, Optional.of("VIP customer"), minutes(5)))
        .thenEvents(TicketEscalated.class)
        .thenTicket(
            t -> {
              assertThat(t.priority()).isEqualTo(Priority.MEDIUM);
              assertThat(t.escalationLevel()).isEqualTo(1);
              assertThat(t.escalatedAt()).contains(minutes(5));
              assertThat(t.autoEscalated()).isFalse();
            })
        .thenEventsSatisfy(
            events -> {
              TicketEscalated e = (TicketEscalated) events.getFirst();
              assertThat(e.from()).isEqualTo(Priority.LOW);
              assertThat(e.to()).isEqualTo(Priority.MEDIUM);
              assertThat(e.level()).isEqualTo(1);
              assertThat(e.reason()).contains("VIP customer");
              assertThat(e.automatic()).isFalse();
              assertThat(e.internal()).isTrue();
            });
  }

  @Test
  void escalating_a_critical_ticket_is_refused() {
    given(opened(Priority.CRITICAL))
        .when(t -> t.escalate(ADMIN, Optional.empty(), minutes(5)))
        .thenRefused(ErrorCode.CONFLICT, "already CRITICAL", "no higher priority");
  }

  @Test
  void customers_may_not_escalate() {
    given(opened())
        .when(t -> t.escalate(REQUESTER, Optional.empty(), minutes(5)))
        .thenRefused(ErrorCode.FORBIDDEN, "Only staff");
  }

  @Test
  void a_closed_ticket_is_not_escalated() {
    given(inStatus(Status.CLOSED))
        .when(t -> t.escalate(ADMIN, Optional.empty(), minutes(10)))
        .thenRefused(ErrorCode.CONFLICT, "CLOSED");
  }

  @Test
  void the_system_escalates_an_open_ticket_once_with_its_reason() {
    given(opened())
        .when(t -> t.autoEscalate("Still OPEN without an assignee after 24 h.", minutes(1440)))
        .thenEvents(TicketEscalated.class)
        .thenTicket(t -> assertThat(t.autoEscalated()).isTrue())
        .thenEventsSatisfy(
            events -> {
              TicketEscalated e = (TicketEscalated) events.getFirst();
              assertThat(e.actor()).isEqualTo(Actor.system());
              assertThat(e.automatic()).isTrue();
              assertThat(e.reason()).contains("Still OPEN without an assignee after 24 h.");
            });
    given(opened())
        .and(t -> t.autoEscalate("first", minutes(1440)))
        .when(t -> t.autoEscalate("second", minutes(1441)))
        .thenRefused(ErrorCode.CONFLICT, "already auto-escalated");
  }

  @Test
  void the_system_raises_the_level_of_a_critical_ticket_without_a_higher_priority() {
    given(opened(Priority.CRITICAL))
        .when(t -> t.autoEscalate("unattended", minutes(1440)))
        .thenEvents(TicketEscalated.class)
        .thenTicket(
            t -> {
              assertThat(t.priority()).isEqualTo(Priority.CRITICAL);
              assertThat(t.escalationLevel()).isEqualTo(1);
            });
  }

  @Test
  void the_system_escalates_only_open_tickets() {
    given(inStatus(Status.IN_PROGRESS))
        .when(t -> t.autoEscalate("late", minutes(1440)))
        .thenRefused(ErrorCode.CONFLICT, "Only an OPEN ticket");
  }

  @Test
  void manual_escalation_after_an_automatic_one_keeps_counting_levels() {
    given(opened(Priority.LOW))
        .and(t -> t.autoEscalate("unattended", minutes(1440)))
        .when(t -> t.escalate(ADMIN, Optional.empty(), minutes(1500)))
        .thenTicket(
            t -> {
              assertThat(t.priority()).isEqualTo(Priority.HIGH);
              assertThat(t.escalationLevel()).isEqualTo(2);
              assertThat(t.autoEscalated()).isTrue();
            });
  }
}
