package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_CUSTOMER;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.testing.TicketMother;
import dev.triage.domain.ticket.TicketEvent.StatusChanged;
import dev.triage.domain.ticket.TicketEvent.TicketClosed;
import dev.triage.domain.ticket.TicketEvent.TicketReopened;
import dev.triage.domain.ticket.TicketEvent.TicketResolved;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TicketLifecycleTest {

  enum Who {
    REQUESTER(TicketMother.REQUESTER),
    OTHER_CUSTOMER(TicketMother.OTHER_CUSTOMER),
    AGENT(TicketMother.AGENT),
    ADMIN(TicketMother.ADMIN);

    final Actor actor;

    Who(Actor actor) {
      this.actor = actor;
    }
  }

  /** DOMAIN.md's table, written out by hand: status -> who -> allowed next statuses. */
  private static final Map<Status, Map<Who, Set<Status>>> ALLOWED =
      Map.of(
          Status.OPEN,
          Map.of(
              Who.REQUESTER, EnumSet.of(Status.CLOSED),
              Who.AGENT, EnumSet.of(Status.IN_PROGRESS),
              Who.ADMIN, EnumSet.of(Status.IN_PROGRESS)),
          Status.IN_PROGRESS,
          Map.of(
              Who.AGENT, EnumSet.of(Status.PENDING_CUSTOMER, Status.RESOLVED),
              Who.ADMIN, EnumSet.of(Status.PENDING_CUSTOMER, Status.RESOLVED)),
          Status.PENDING_CUSTOMER,
          Map.of(
              Who.AGENT, EnumSet.of(Status.IN_PROGRESS, Status.RESOLVED),
              Who.ADMIN, EnumSet.of(Status.IN_PROGRESS, Status.RESOLVED)),
          Status.RESOLVED,
          Map.of(
              Who.REQUESTER, EnumSet.of(Status.OPEN, Status.CLOSED),
              Who.AGENT, EnumSet.of(Status.OPEN),
              Who.ADMIN, EnumSet.of(Status.OPEN, Status.CLOSED)),
          Status.CLOSED,
          Map.of());

  static Stream<Arguments> everyStatusRoleAndTarget() {
    List<Arguments> cases = new ArrayList<>();
    for (Status from : Status.values()) {
      for (Who who : Who.values()) {
        for (Status to : Status.values()) {
          boolean allowed = ALLOWED.get(from).getOrDefault(who, Set.of()).contains(to);
          cases.add(Arguments.of(from, who, to, allowed ? "allowed" : "refused"));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} -> {2} by {1} is {3}")
  @MethodSource("everyStatusRoleAndTarget")
  void every_transition_for_every_role_follows_the_rule_table(
      Status from, Who who, Status to, String verdict) {
    Ticket ticket = inStatus(from);
    var outcome =
        given(ticket).when(t -> t.changeStatus(who.actor, to, Optional.empty(), minutes(30)));
    if (verdict.equals("allowed")) {
      outcome.thenTicket(t -> assertThat(t.status()).isEqualTo(to));
      outcome.thenEvents(expectedEvents(from, to));
    } else if (who == Who.OTHER_CUSTOMER) {
      outcome.thenRefused(ErrorCode.NOT_FOUND);
    } else {
      Set<Status> allowedForWho = ALLOWED.get(from).getOrDefault(who, Set.of());
      String allowedText =
          allowedForWho.isEmpty()
              ? "none"
              : String.join(", ", allowedForWho.stream().map(Status::name).toList());
      outcome.thenRefused(
          ErrorCode.INVALID_TRANSITION,
          "is " + from,
          "cannot move to " + to,
          "Allowed next statuses for you: " + allowedText + ".");
    }
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends TicketEvent>[] expectedEvents(Status from, Status to) {
    return switch (to) {
      case RESOLVED -> new Class[] {StatusChanged.class, TicketResolved.class};
      case CLOSED -> new Class[] {StatusChanged.class, TicketClosed.class};
      case OPEN -> new Class[] {StatusChanged.class, TicketReopened.class};
      default -> new Class[] {StatusChanged.class};
    };
  }

  @Test
  void closing_a_resolved_ticket_as_agent_is_refused() {
    given(inStatus(Status.RESOLVED))
        .when(t -> t.close(AGENT, Optional.empty(), minutes(10)))
        .thenRefused(
            ErrorCode.INVALID_TRANSITION,
            "is RESOLVED",
            "cannot move to CLOSED",
            "Allowed next statuses for you: OPEN.");
  }

  @Test
  void closing_a_resolved_ticket_as_admin_records_the_close() {
    Ticket resolved = inStatus(Status.RESOLVED);
    given(resolved)
        .when(t -> t.close(ADMIN, Optional.of("done"), minutes(10)))
        .thenEvents(StatusChanged.class, TicketClosed.class)
        .thenTicket(
            t -> {
              assertThat(t.status()).isEqualTo(Status.CLOSED);
              assertThat(t.closedAt()).contains(minutes(10));
              assertThat(t.resolvedAt()).contains(minutes(3));
            })
        .thenEventsSatisfy(
            events ->
                assertThat(events.getFirst())
                    .isEqualTo(
                        new StatusChanged(
                            resolved.id(),
                            ADMIN,
                            minutes(10),
                            Status.RESOLVED,
                            Status.CLOSED,
                            Optional.of("done"))));
  }

  @Test
  void the_requester_withdraws_an_open_ticket() {
    given(opened())
        .when(t -> t.close(REQUESTER, Optional.of("found it myself"), minutes(5)))
        .thenEvents(StatusChanged.class, TicketClosed.class)
        .thenTicket(t -> assertThat(t.closedAt()).contains(minutes(5)));
  }

  @Test
  void the_requester_accepts_a_resolution_by_closing() {
    given(inStatus(Status.RESOLVED))
        .when(t -> t.close(REQUESTER, Optional.empty(), minutes(10)))
        .thenEvents(StatusChanged.class, TicketClosed.class);
  }

  @Test
  void accepting_a_resolution_is_refused_when_switched_off() {
    TicketRules noAccept = TicketRules.defaults().withRequesterMayAcceptResolution(false);
    given(inStatus(Status.RESOLVED))
        .when(t -> t.close(REQUESTER, Optional.empty(), noAccept, minutes(10)))
        .thenRefused(
            ErrorCode.INVALID_TRANSITION, "is RESOLVED", "Allowed next statuses for you: OPEN.");
  }

  @Test
  void switching_accept_off_leaves_the_admin_close_alone() {
    TicketRules noAccept = TicketRules.defaults().withRequesterMayAcceptResolution(false);
    given(inStatus(Status.RESOLVED))
        .when(t -> t.close(ADMIN, Optional.empty(), noAccept, minutes(10)))
        .thenEvents(StatusChanged.class, TicketClosed.class);
  }

  @Test
  void the_requester_reopens_a_resolved_ticket_and_the_resolution_time_is_cleared() {
    given(inStatus(Status.RESOLVED))
        .when(t -> t.reopen(REQUESTER, Optional.of("still broken"), minutes(10)))
        .thenEvents(StatusChanged.class, TicketReopened.class)
        .thenTicket(
            t -> {
              assertThat(t.status()).isEqualTo(Status.OPEN);
              assertThat(t.resolvedAt()).isEmpty();
            })
        .thenEventsSatisfy(
            events ->
                assertThat(((TicketReopened) events.get(1)).reason()).contains("still broken"));
  }

  @Test
  void reopening_a_ticket_that_is_not_resolved_names_the_allowed_moves() {
    given(inStatus(Status.IN_PROGRESS))
        .when(t -> t.reopen(AGENT, Optional.empty(), minutes(10)))
        .thenRefused(
            ErrorCode.INVALID_TRANSITION,
            "is IN_PROGRESS",
            "cannot move to OPEN",
            "PENDING_CUSTOMER, RESOLVED");
  }

  @Test
  void a_closed_ticket_is_final_for_everyone() {
    for (Actor actor : List.of(REQUESTER, AGENT, ADMIN, Actor.system())) {
      for (Status target : Status.values()) {
        given(inStatus(Status.CLOSED))
            .when(t -> t.changeStatus(actor, target, Optional.empty(), minutes(10)))
            .thenRefused(ErrorCode.INVALID_TRANSITION, "CLOSED, which is final", "none");
      }
    }
  }

  @Test
  void staff_who_opened_a_ticket_also_have_the_requester_rights() {
    Actor agentRequester = TicketMother.actor(9, Role.AGENT);
    Ticket own = TicketMother.opened(agentRequester, Priority.LOW, T0);
    assertThat(own.allowedNextStatuses(agentRequester, TicketRules.defaults()))
        .containsExactly(Status.IN_PROGRESS, Status.CLOSED);
  }

  @Test
  void a_customer_who_is_not_the_requester_has_no_moves_at_all() {
    assertThat(
            inStatus(Status.RESOLVED).allowedNextStatuses(OTHER_CUSTOMER, TicketRules.defaults()))
        .isEmpty();
  }

  @Test
  void every_status_change_is_kept_in_the_history() {
    Ticket closed = inStatus(Status.CLOSED);
    assertThat(closed.statusHistory())
        .containsExactly(
            new StatusChange(Status.OPEN, T0),
            new StatusChange(Status.IN_PROGRESS, minutes(1)),
            new StatusChange(Status.PENDING_CUSTOMER, minutes(2)),
            new StatusChange(Status.RESOLVED, minutes(3)),
            new StatusChange(Status.CLOSED, minutes(4)));
    assertThat(closed.version()).isEqualTo(5);
  }

  @Test
  void an_overlong_reason_is_refused_as_a_field_error() {
    given(inStatus(Status.IN_PROGRESS))
        .when(
            t -> t.changeStatus(AGENT, Status.RESOLVED, Optional.of("x".repeat(1001)), minutes(10)))
        .thenRefused(ErrorCode.VALIDATION_FAILED, "reason");
  }

  @Test
  void auto_close_closes_only_resolved_tickets_as_the_system() {
    given(inStatus(Status.RESOLVED))
        .when(t -> t.autoClose(minutes(60)))
        .thenEvents(StatusChanged.class, TicketClosed.class)
        .thenEventsSatisfy(
            events -> {
              assertThat(events).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.system()));
              assertThat(((TicketClosed) events.get(1)).automatic()).isTrue();
            });
    given(inStatus(Status.IN_PROGRESS))
        .when(t -> t.autoClose(minutes(60)))
        .thenRefused(ErrorCode.INVALID_TRANSITION, "IN_PROGRESS");
  }

  @Test
  void a_clock_that_runs_behind_never_puts_the_history_out_of_order() {
    Ticket t =
        TicketMother.apply(
            inStatus(Status.IN_PROGRESS)
                .changeStatus(AGENT, Status.RESOLVED, Optional.empty(), T0.minusSeconds(5)));
    assertThat(t.statusHistory().getLast().at()).isEqualTo(minutes(1));
    assertThat(TicketMother.rebuilt(t)).isEqualTo(t);
  }
}
