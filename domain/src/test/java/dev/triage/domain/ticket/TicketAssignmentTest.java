package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_CUSTOMER;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.ticket.TicketEvent.TicketAssigned;
import dev.triage.domain.ticket.TicketEvent.TicketUnassigned;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketAssignmentTest {

  @Test
  void an_agent_takes_an_unassigned_ticket() {
    given(opened())
        .when(t -> t.assign(AGENT, assignee(AGENT), minutes(1)))
        .thenEvents(TicketAssigned.class)
        .thenTicket(t -> assertThat(t.assigneeId()).contains(AGENT.id()))
        .thenEventsSatisfy(
            events ->
                assertThat(((TicketAssigned) events.getFirst()).previous())
                    .isEqualTo(Optional.empty()));
  }

  @Test
  void an_agent_may_not_assign_someone_else() {
    given(opened())
        .when(t -> t.assign(AGENT, assignee(OTHER_AGENT), minutes(1)))
        .thenRefused(ErrorCode.FORBIDDEN, "only to themselves");
  }

  @Test
  void an_agent_may_not_take_a_ticket_someone_else_holds() {
    given(opened())
        .and(t -> t.assign(OTHER_AGENT, assignee(OTHER_AGENT), minutes(1)))
        .when(t -> t.assign(AGENT, assignee(AGENT), minutes(2)))
        .thenRefused(ErrorCode.FORBIDDEN, "only an admin may reassign");
  }

  @Test
  void an_admin_assigns_anyone_and_reassigns() {
    given(opened())
        .and(t -> t.assign(OTHER_AGENT, assignee(OTHER_AGENT), minutes(1)))
        .when(t -> t.assign(ADMIN, assignee(AGENT), minutes(2)))
        .thenEvents(TicketAssigned.class)
        .thenEventsSatisfy(
            events ->
                assertThat(((TicketAssigned) events.getFirst()).previous())
                    .contains(OTHER_AGENT.id()));
    given(opened())
        .when(t -> t.assign(ADMIN, assignee(ADMIN), minutes(2)))
        .thenEvents(TicketAssigned.class);
  }

  @Test
  void assigning_to_a_customer_is_refused() {
    given(opened())
        .when(t -> t.assign(ADMIN, assignee(REQUESTER), minutes(1)))
        .thenRefused(ErrorCode.VALIDATION_FAILED, "assigneeId", "active agent or admin");
  }

  @Test
  void assigning_to_a_deactivated_agent_is_refused() {
    Assignee inactive = new Assignee(AGENT.id(), AGENT.role(), false);
    given(opened())
        .when(t -> t.assign(ADMIN, inactive, minutes(1)))
        .thenRefused(ErrorCode.VALIDATION_FAILED, "assigneeId");
  }

  @Test
  void customers_may_not_assign() {
    given(opened())
        .when(t -> t.assign(REQUESTER, assignee(AGENT), minutes(1)))
        .thenRefused(ErrorCode.FORBIDDEN, "Only staff");
    given(opened())
        .when(t -> t.assign(OTHER_CUSTOMER, assignee(AGENT), minutes(1)))
        .thenRefused(ErrorCode.NOT_FOUND);
  }

  @Test
  void assigning_the_current_assignee_changes_nothing() {
    given(opened())
        .and(t -> t.assign(AGENT, assignee(AGENT), minutes(1)))
        .when(t -> t.assign(AGENT, assignee(AGENT), minutes(2)))
        .thenEvents();
  }

  @Test
  void a_closed_ticket_is_not_reassigned() {
    given(inStatus(Status.CLOSED))
        .when(t -> t.assign(ADMIN, assignee(AGENT), minutes(10)))
        .thenRefused(ErrorCode.CONFLICT, "CLOSED");
  }

  @Test
  void an_agent_drops_its_own_ticket_but_not_someone_elses() {
    given(opened())
        .and(t -> t.assign(AGENT, assignee(AGENT), minutes(1)))
        .when(t -> t.unassign(AGENT, minutes(2)))
        .thenEvents(TicketUnassigned.class)
        .thenTicket(t -> assertThat(t.assigneeId()).isEmpty());
    given(opened())
        .and(t -> t.assign(OTHER_AGENT, assignee(OTHER_AGENT), minutes(1)))
        .when(t -> t.unassign(AGENT, minutes(2)))
        .thenRefused(ErrorCode.FORBIDDEN, "only themselves");
  }

  @Test
  void an_admin_unassigns_anyone() {
    given(opened())
        .and(t -> t.assign(OTHER_AGENT, assignee(OTHER_AGENT), minutes(1)))
        .when(t -> t.unassign(ADMIN, minutes(2)))
        .thenEvents(TicketUnassigned.class);
  }

  @Test
  void unassigning_a_ticket_without_assignee_changes_nothing_and_customers_may_not() {
    given(opened()).when(t -> t.unassign(AGENT, minutes(2))).thenEvents();
    given(opened()).when(t -> t.unassign(REQUESTER, minutes(2))).thenRefused(ErrorCode.FORBIDDEN);
  }
}
