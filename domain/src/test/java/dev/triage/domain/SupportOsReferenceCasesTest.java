package dev.triage.domain;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaPolicy;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour the SupportOS write-up tests for, as it holds in Triage. */
class SupportOsReferenceCasesTest {

  @Test
  void open_to_resolved_by_staff_is_an_invalid_transition() {
    for (Actor staff : List.of(AGENT, ADMIN)) {
      given(opened())
          .when(t -> t.changeStatus(staff, Status.RESOLVED, Optional.empty(), minutes(5)))
          .thenRefused(ErrorCode.INVALID_TRANSITION, "is OPEN", "IN_PROGRESS");
    }
  }

  @Test
  void open_to_closed_by_staff_is_an_invalid_transition() {
    for (Actor staff : List.of(AGENT, ADMIN)) {
      given(opened())
          .when(t -> t.changeStatus(staff, Status.CLOSED, Optional.empty(), minutes(5)))
          .thenRefused(ErrorCode.INVALID_TRANSITION, "is OPEN", "cannot move to CLOSED");
    }
  }

  @Test
  void assigning_a_ticket_to_a_customer_is_refused() {
    given(opened())
        .when(t -> t.assign(ADMIN, assignee(REQUESTER), minutes(5)))
        .thenRefused(ErrorCode.VALIDATION_FAILED, "active agent or admin");
  }

  @Test
  void staff_close_only_from_resolved() {
    for (Status notResolved : List.of(Status.OPEN, Status.IN_PROGRESS, Status.PENDING_CUSTOMER)) {
      given(inStatus(notResolved))
          .when(t -> t.close(ADMIN, Optional.empty(), minutes(30)))
          .thenRefused(ErrorCode.INVALID_TRANSITION, "is " + notResolved);
    }
    given(inStatus(Status.RESOLVED))
        .when(t -> t.close(ADMIN, Optional.empty(), minutes(30)))
        .thenTicket(t -> assertThat(t.status()).isEqualTo(Status.CLOSED));
  }

  @Test
  void escalation_recomputes_the_deadline_from_creation_and_not_from_now() {
    Ticket escalated =
        opened(Priority.MEDIUM)
            .escalate(AGENT, Optional.empty(), T0.plus(Duration.ofHours(5)))
            .orElseThrow()
            .ticket();
    SlaStatus sla =
        Sla.evaluate(
            escalated,
            SlaPolicy.defaults(),
            BusinessCalendar.twentyFourSeven(),
            T0.plus(Duration.ofHours(5)));
    assertThat(sla.resolution().dueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
    assertThat(sla.resolution().dueAt()).isNotEqualTo(T0.plus(Duration.ofHours(13)));
  }

  @Test
  void escalating_a_critical_ticket_is_refused() {
    given(opened(Priority.CRITICAL))
        .when(t -> t.escalate(ADMIN, Optional.empty(), minutes(5)))
        .thenRefused(ErrorCode.CONFLICT, "CRITICAL");
  }
}
