package dev.triage.domain.notification;

import static dev.triage.domain.notification.NotificationKind.ASSIGNED_TO_YOU;
import static dev.triage.domain.notification.NotificationKind.ESCALATED;
import static dev.triage.domain.notification.NotificationKind.INTERNAL_NOTE;
import static dev.triage.domain.notification.NotificationKind.REPLY;
import static dev.triage.domain.notification.NotificationKind.SLA_BREACHED;
import static dev.triage.domain.notification.NotificationKind.SLA_WARNING;
import static dev.triage.domain.notification.NotificationKind.STATUS_CHANGED;
import static dev.triage.domain.notification.NotificationKind.UNASSIGNED;
import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.T0;
import static dev.triage.domain.testing.TicketMother.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

  private static final TicketId TICKET = TicketId.of(new UUID(0x2000L, 1));
  private static final CommentId COMMENT = CommentId.of(new UUID(0x3000L, 1));

  private static List<Recipient> heard(TicketEvent event, Optional<Actor> assigneeAfter) {
    return NotificationPolicy.recipients(
        Occurrence.of(event, REQUESTER.id(), assigneeAfter.map(Actor::id)));
  }

  private static Recipient to(Actor actor, NotificationKind kind) {
    return new Recipient(actor.id(), kind);
  }

  // ---------------------------------------------------------------- assignment

  @Test
  void the_new_assignee_is_told_the_ticket_is_theirs() {
    var assigned = new TicketEvent.TicketAssigned(TICKET, ADMIN, T0, AGENT.id(), Optional.empty());
    assertThat(heard(assigned, Optional.of(AGENT))).containsExactly(to(AGENT, ASSIGNED_TO_YOU));
  }

  @Test
  void a_reassignment_tells_the_new_assignee_and_the_one_who_lost_it() {
    var reassigned =
        new TicketEvent.TicketAssigned(
            TICKET, ADMIN, T0, AGENT.id(), Optional.of(OTHER_AGENT.id()));
    assertThat(heard(reassigned, Optional.of(AGENT)))
        .containsExactly(to(AGENT, ASSIGNED_TO_YOU), to(OTHER_AGENT, UNASSIGNED));
  }

  @Test
  void an_agent_taking_a_ticket_for_itself_is_not_told_of_its_own_act() {
    var took = new TicketEvent.TicketAssigned(TICKET, AGENT, T0, AGENT.id(), Optional.empty());
    assertThat(heard(took, Optional.of(AGENT))).isEmpty();
  }

  @Test
  void the_requester_is_not_told_of_an_assignment() {
    var assigned = new TicketEvent.TicketAssigned(TICKET, ADMIN, T0, AGENT.id(), Optional.empty());
    assertThat(heard(assigned, Optional.of(AGENT)))
        .extracting(Recipient::userId)
        .doesNotContain(REQUESTER.id());
  }

  @Test
  void an_unassignment_by_an_admin_tells_the_previous_assignee() {
    var dropped = new TicketEvent.TicketUnassigned(TICKET, ADMIN, T0, AGENT.id());
    assertThat(heard(dropped, Optional.empty())).containsExactly(to(AGENT, UNASSIGNED));
  }

  @Test
  void an_agent_dropping_its_own_ticket_is_told_nothing() {
    var dropped = new TicketEvent.TicketUnassigned(TICKET, AGENT, T0, AGENT.id());
    assertThat(heard(dropped, Optional.empty())).isEmpty();
  }

  // ---------------------------------------------------------------- status

  @Test
  void a_status_change_by_the_assignee_tells_the_requester() {
    var moved =
        new TicketEvent.StatusChanged(
            TICKET, AGENT, T0, Status.OPEN, Status.IN_PROGRESS, Optional.empty());
    assertThat(heard(moved, Optional.of(AGENT))).containsExactly(to(REQUESTER, STATUS_CHANGED));
  }

  @Test
  void a_status_change_by_the_requester_tells_the_assignee() {
    var withdrawn =
        new TicketEvent.StatusChanged(
            TICKET, REQUESTER, T0, Status.RESOLVED, Status.OPEN, Optional.empty());
    assertThat(heard(withdrawn, Optional.of(AGENT))).containsExactly(to(AGENT, STATUS_CHANGED));
  }

  @Test
  void a_status_change_by_someone_else_tells_requester_and_assignee() {
    var moved =
        new TicketEvent.StatusChanged(
            TICKET, ADMIN, T0, Status.IN_PROGRESS, Status.RESOLVED, Optional.empty());
    assertThat(heard(moved, Optional.of(AGENT)))
        .containsExactly(to(REQUESTER, STATUS_CHANGED), to(AGENT, STATUS_CHANGED));
  }

  @Test
  void an_automatic_close_tells_everyone_concerned_but_the_system() {
    var closed =
        new TicketEvent.StatusChanged(
            TICKET, Actor.system(), T0, Status.RESOLVED, Status.CLOSED, Optional.empty());
    assertThat(heard(closed, Optional.of(AGENT)))
        .containsExactly(to(REQUESTER, STATUS_CHANGED), to(AGENT, STATUS_CHANGED));
  }

  @Test
  void the_companions_of_a_status_change_tell_nobody_twice() {
    assertThat(heard(new TicketEvent.TicketResolved(TICKET, AGENT, T0), Optional.of(AGENT)))
        .isEmpty();
    assertThat(heard(new TicketEvent.TicketClosed(TICKET, ADMIN, T0, false), Optional.of(AGENT)))
        .isEmpty();
    assertThat(
            heard(
                new TicketEvent.TicketReopened(TICKET, REQUESTER, T0, Optional.empty()),
                Optional.of(AGENT)))
        .isEmpty();
  }

  // ---------------------------------------------------------------- comments

  @Test
  void a_public_reply_by_the_assignee_tells_the_requester() {
    var reply = new TicketEvent.CommentAdded(TICKET, AGENT, T0, COMMENT);
    assertThat(heard(reply, Optional.of(AGENT))).containsExactly(to(REQUESTER, REPLY));
  }

  @Test
  void a_reply_by_the_requester_tells_the_assignee() {
    var reply = new TicketEvent.CommentAdded(TICKET, REQUESTER, T0, COMMENT);
    assertThat(heard(reply, Optional.of(AGENT))).containsExactly(to(AGENT, REPLY));
  }

  @Test
  void a_reply_on_an_unassigned_ticket_by_staff_tells_the_requester_only() {
    var reply = new TicketEvent.CommentAdded(TICKET, OTHER_AGENT, T0, COMMENT);
    assertThat(heard(reply, Optional.empty())).containsExactly(to(REQUESTER, REPLY));
  }

  @Test
  void an_internal_note_tells_the_assignee_when_someone_else_wrote_it() {
    var note = new TicketEvent.InternalNoteAdded(TICKET, OTHER_AGENT, T0, COMMENT);
    assertThat(heard(note, Optional.of(AGENT))).containsExactly(to(AGENT, INTERNAL_NOTE));
  }

  @Test
  void an_internal_note_never_reaches_the_requester() {
    var note = new TicketEvent.InternalNoteAdded(TICKET, AGENT, T0, COMMENT);
    assertThat(heard(note, Optional.of(AGENT))).isEmpty();
    assertThat(heard(note, Optional.empty())).isEmpty();
  }

  @Test
  void an_internal_event_is_kept_from_the_requester_even_when_they_are_the_assignee() {
    // A staff member who opened a ticket and took it: the requester side wins, as the safe side.
    var note = new TicketEvent.InternalNoteAdded(TICKET, OTHER_AGENT, T0, COMMENT);
    assertThat(heard(note, Optional.of(REQUESTER))).isEmpty();
  }

  @Test
  void a_redaction_tells_nobody() {
    var redacted = new TicketEvent.CommentRedacted(TICKET, ADMIN, T0, COMMENT, false);
    assertThat(heard(redacted, Optional.of(AGENT))).isEmpty();
  }

  // ---------------------------------------------------------------- escalation and SLA

  @Test
  void an_escalation_tells_the_assignee() {
    var escalated =
        new TicketEvent.TicketEscalated(
            TICKET, OTHER_AGENT, T0, Priority.LOW, Priority.MEDIUM, 1, Optional.empty(), false);
    assertThat(heard(escalated, Optional.of(AGENT))).containsExactly(to(AGENT, ESCALATED));
  }

  @Test
  void an_automatic_escalation_of_an_unassigned_ticket_tells_nobody() {
    var escalated =
        new TicketEvent.TicketEscalated(
            TICKET, Actor.system(), T0, Priority.LOW, Priority.MEDIUM, 1, Optional.empty(), true);
    assertThat(heard(escalated, Optional.empty())).isEmpty();
  }

  @Test
  void sla_warnings_and_breaches_tell_the_assignee_never_the_requester() {
    var warning =
        new TicketEvent.SlaWarning(TICKET, Actor.system(), T0, SlaClock.FIRST_RESPONSE, T0);
    var breach = new TicketEvent.SlaBreached(TICKET, Actor.system(), T0, SlaClock.RESOLUTION, T0);
    assertThat(heard(warning, Optional.of(AGENT))).containsExactly(to(AGENT, SLA_WARNING));
    assertThat(heard(breach, Optional.of(AGENT))).containsExactly(to(AGENT, SLA_BREACHED));
  }

  // ---------------------------------------------------------------- the rest

  @Test
  void creations_and_edits_tell_nobody() {
    var created =
        new TicketEvent.TicketCreated(
            TICKET,
            REQUESTER,
            T0,
            number(1),
            Title.of("Printer on fire").orElseThrow(),
            Priority.LOW,
            Optional.empty());
    var edited = new TicketEvent.TicketEdited(TICKET, AGENT, T0, List.of("title"));
    var priority = new TicketEvent.PriorityChanged(TICKET, AGENT, T0, Priority.LOW, Priority.HIGH);
    assertThat(heard(created, Optional.empty())).isEmpty();
    assertThat(heard(edited, Optional.of(AGENT))).isEmpty();
    assertThat(heard(priority, Optional.of(OTHER_AGENT))).isEmpty();
  }

  @Test
  void a_follow_up_tells_nobody_on_the_closed_ticket() {
    var followUp =
        new TicketEvent.FollowUpCreated(
            TICKET, REQUESTER, T0, TicketId.of(new UUID(0x2000L, 2)), number(2));
    assertThat(heard(followUp, Optional.of(AGENT))).isEmpty();
  }

  @Test
  void a_type_name_no_event_has_tells_nobody() {
    Occurrence unknown =
        new Occurrence(
            "TicketExploded",
            false,
            ADMIN.id(),
            REQUESTER.id(),
            Optional.of(AGENT.id()),
            Optional.of(AGENT.id()),
            Optional.of(OTHER_AGENT.id()));
    assertThat(NotificationPolicy.recipients(unknown)).isEmpty();
  }

  @Test
  void a_user_who_is_both_requester_and_assignee_hears_once() {
    UserId both = AGENT.id();
    var reply = new TicketEvent.CommentAdded(TICKET, ADMIN, T0, COMMENT);
    List<Recipient> heard =
        NotificationPolicy.recipients(Occurrence.of(reply, both, Optional.of(both)));
    assertThat(heard).containsExactly(new Recipient(both, REPLY));
  }

  @Test
  void an_internal_flag_keeps_any_event_from_the_requester() {
    Occurrence internalStatus =
        new Occurrence(
            "StatusChanged",
            true,
            ADMIN.id(),
            REQUESTER.id(),
            Optional.of(AGENT.id()),
            Optional.empty(),
            Optional.empty());
    assertThat(NotificationPolicy.recipients(internalStatus))
        .containsExactly(to(AGENT, STATUS_CHANGED));
  }
}
