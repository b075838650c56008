package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.apply;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.commented;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketMother.rebuilt;
import static dev.triage.domain.testing.TicketMother.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketStateTest {

  private static Ticket busyTicket() {
    Ticket t = apply(opened().assign(AGENT, assignee(AGENT), minutes(1)));
    t = commented(t, AGENT, "Looking.", false, minutes(2));
    CommentOutcome.Added note = reply(t, AGENT, "note", true, minutes(3));
    t = note.change().ticket();
    t = apply(t.changeStatus(AGENT, Status.IN_PROGRESS, Optional.empty(), minutes(4)));
    t = apply(t.escalate(AGENT, Optional.of("loud"), minutes(5)));
    t = apply(t.recordSlaWarning(SlaClock.RESOLUTION, minutes(600), minutes(6)));
    t = apply(t.redactComment(ADMIN, note.comment(), minutes(7)));
    return apply(t.changeStatus(AGENT, Status.RESOLVED, Optional.empty(), minutes(8)));
  }

  @Test
  void a_ticket_survives_the_trip_through_its_fields_unchanged() {
    Ticket t = busyTicket();
    Ticket back = rebuilt(t);
    assertThat(back).isEqualTo(t).isNotSameAs(t);
    assertThat(back.version()).isEqualTo(9);
    assertThat(back.slaWarningsRecorded()).containsExactly(SlaClock.RESOLUTION);
  }

  @Test
  void a_fresh_ticket_has_version_one() {
    assertThat(opened().version()).isEqualTo(1);
    assertThat(opened().updatedAt()).isEqualTo(T0);
  }

  @Test
  void sla_bookkeeping_is_not_activity() {
    Ticket t = busyTicket();
    Ticket after = apply(t.recordSlaBreach(SlaClock.FIRST_RESPONSE, minutes(240), minutes(300)));
    assertThat(after.updatedAt()).isEqualTo(t.updatedAt());
    assertThat(after.version()).isEqualTo(t.version() + 1);
  }

  @Test
  void a_state_that_breaks_the_invariants_is_refused_as_corrupt() {
    Ticket s = busyTicket();
    assertThatThrownBy(
            () ->
                new Ticket(
                    s.id(),
                    s.number(),
                    s.requesterId(),
                    s.title(),
                    s.description(),
                    s.priority(),
                    s.category(),
                    s.tags(),
                    Status.CLOSED,
                    s.assigneeId(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.firstRespondedAt(),
                    s.resolvedAt(),
                    s.closedAt(),
                    s.escalatedAt(),
                    s.escalationLevel(),
                    s.autoEscalated(),
                    s.followUpOf(),
                    s.statusHistory(),
                    s.slaWarningsRecorded(),
                    s.slaBreachesRecorded(),
                    s.version()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status history must end with the current status")
        .hasMessageContaining("closedAt");
    assertThatThrownBy(
            () ->
                new Ticket(
                    s.id(),
                    s.number(),
                    s.requesterId(),
                    s.title(),
                    s.description(),
                    s.priority(),
                    s.category(),
                    s.tags(),
                    s.status(),
                    s.assigneeId(),
                    s.createdAt(),
                    s.updatedAt(),
                    s.firstRespondedAt(),
                    s.resolvedAt(),
                    s.closedAt(),
                    s.escalatedAt(),
                    s.escalationLevel(),
                    s.autoEscalated(),
                    s.followUpOf(),
                    List.of(),
                    Set.of(),
                    Set.of(),
                    0))
        .hasMessageContaining("version")
        .hasMessageContaining("start with OPEN");
  }

  @Test
  void recording_the_same_sla_report_twice_is_refused() {
    Ticket t = apply(opened().recordSlaBreach(SlaClock.FIRST_RESPONSE, minutes(240), minutes(241)));
    assertThat(t.recordSlaBreach(SlaClock.FIRST_RESPONSE, minutes(240), minutes(242)).isOk())
        .isFalse();
    assertThat(t.recordSlaWarning(SlaClock.FIRST_RESPONSE, minutes(240), minutes(242)).isOk())
        .isFalse();
    assertThat(t.recordSlaWarning(SlaClock.RESOLUTION, minutes(1440), minutes(242)).isOk())
        .isTrue();
  }

  @Test
  void the_system_does_not_open_tickets() {
    var result =
        Ticket.open(
            opened().id(),
            opened().number(),
            dev.triage.domain.user.Actor.system(),
            opened().title(),
            opened().description(),
            Priority.LOW,
            Optional.empty(),
            Tags.empty(),
            T0);
    assertThat(result.isOk()).isFalse();
    assertThat(REQUESTER.isSystem()).isFalse();
  }
}
