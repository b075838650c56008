package dev.triage.domain.access;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_CUSTOMER;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.assignee;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketMother.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.testing.TicketMother;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentOutcome;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEdit;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketRules;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static final AccessPolicy POLICY = AccessPolicy.defaults();

  private static ErrorCode refusal(Result<?> result) {
    return ((Result.Err<?>) result).code();
  }

  @Test
  void staff_see_every_ticket_and_customers_only_their_own() {
    Ticket t = opened();
    assertThat(POLICY.canSee(REQUESTER, t)).isTrue();
    assertThat(POLICY.canSee(AGENT, t)).isTrue();
    assertThat(POLICY.canSee(ADMIN, t)).isTrue();
    assertThat(POLICY.canSee(OTHER_CUSTOMER, t)).isFalse();
  }

  @Test
  void another_customers_ticket_is_not_found_rather_than_forbidden() {
    Result<Ticket> result = POLICY.requireVisible(OTHER_CUSTOMER, opened());
    assertThat(refusal(result)).isEqualTo(ErrorCode.NOT_FOUND);
    for (TicketOperation op :
        List.of(
            new TicketOperation.View(),
            new TicketOperation.AddComment(false),
            new TicketOperation.Close(),
            new TicketOperation.Escalate(),
            new TicketOperation.Edit(TicketEdit.none()))) {
      assertThat(refusal(POLICY.check(OTHER_CUSTOMER, opened(), op, minutes(1))))
          .as("%s", op)
          .isEqualTo(ErrorCode.NOT_FOUND);
    }
  }

  @Test
  void lists_and_counts_are_scoped_to_the_requester_for_customers() {
    assertThat(POLICY.scope(REQUESTER)).isEqualTo(TicketScope.requestedBy(REQUESTER.id()));
    assertThat(POLICY.scope(AGENT)).isEqualTo(TicketScope.all());
    assertThat(POLICY.scope(REQUESTER).includes(opened())).isTrue();
    assertThat(POLICY.scope(OTHER_CUSTOMER).includes(opened())).isFalse();
  }

  @Test
  void customers_never_see_internal_notes() {
    CommentOutcome.Added open = reply(opened(), AGENT, "public", false, minutes(1));
    CommentOutcome.Added note = reply(open.change().ticket(), AGENT, "internal", true, minutes(2));
    Ticket t = note.change().ticket();
    List<Comment> comments = List.of(open.comment(), note.comment());
    assertThat(POLICY.visibleComments(REQUESTER, t, comments))
        .extracting(Comment::body)
        .containsExactly("public");
    assertThat(POLICY.visibleComments(AGENT, t, comments))
        .extracting(Comment::body)
        .containsExactly("public", "internal");
    assertThat(POLICY.visibleComments(OTHER_CUSTOMER, t, comments)).isEmpty();
  }

  @Test
  void customers_never_see_internal_events() {
    Ticket t = opened();
    List<TicketEvent> timeline = new ArrayList<>();
    var note =
        (CommentOutcome.Added)
            t.addComment(AGENT, TicketMother.newCommentId(minutes(1)), "n", true, minutes(1))
                .orElseThrow();
    timeline.addAll(note.change().events());
    t = note.change().ticket();
    var reply =
        (CommentOutcome.Added)
            t.addComment(AGENT, TicketMother.newCommentId(minutes(2)), "r", false, minutes(2))
                .orElseThrow();
    timeline.addAll(reply.change().events());
    t = reply.change().ticket();
    var escalation = t.escalate(AGENT, Optional.of("angry"), minutes(3)).orElseThrow();
    timeline.addAll(escalation.events());
    t = escalation.ticket();

    assertThat(POLICY.visibleEvents(REQUESTER, t, timeline))
        .extracting(TicketEvent::type)
        .containsExactly("CommentAdded");
    assertThat(POLICY.visibleEvents(AGENT, t, timeline)).hasSize(3);
    assertThat(POLICY.visibleEvents(OTHER_CUSTOMER, t, timeline)).isEmpty();
  }

  @Test
  void the_policy_gives_the_same_answer_the_operation_enforces() {
    Ticket resolved = inStatus(Status.RESOLVED);
    assertThat(POLICY.may(AGENT, resolved, new TicketOperation.Close(), minutes(10))).isFalse();
    assertThat(resolved.close(AGENT, Optional.empty(), minutes(10)).isOk()).isFalse();
    assertThat(POLICY.may(ADMIN, resolved, new TicketOperation.Close(), minutes(10))).isTrue();
    assertThat(POLICY.may(REQUESTER, resolved, new TicketOperation.Reopen(), minutes(10))).isTrue();
    assertThat(
            refusal(
                POLICY.check(
                    REQUESTER, opened(), new TicketOperation.AddComment(true), minutes(1))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(POLICY.may(AGENT, opened(), new TicketOperation.Assign(assignee(AGENT)), minutes(1)))
        .isTrue();
    assertThat(
            refusal(
                POLICY.check(
                    AGENT, opened(), new TicketOperation.Assign(assignee(ADMIN)), minutes(1))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(POLICY.may(REQUESTER, opened(), new TicketOperation.Escalate(), minutes(1)))
        .isFalse();
    assertThat(
            POLICY.may(
                REQUESTER,
                inStatus(Status.IN_PROGRESS),
                new TicketOperation.Edit(
                    TicketEdit.none().withTitle(Title.of("New one").orElseThrow())),
                minutes(10)))
        .isFalse();
    assertThat(POLICY.may(AGENT, opened(), new TicketOperation.Unassign(), minutes(1))).isTrue();
  }

  @Test
  void redaction_rights_depend_on_author_time_and_role() {
    CommentOutcome.Added oops = reply(opened(), REQUESTER, "oops", false, minutes(1));
    Ticket t = oops.change().ticket();
    TicketOperation redact = new TicketOperation.RedactComment(oops.comment());
    assertThat(POLICY.may(REQUESTER, t, redact, minutes(16))).isTrue();
    assertThat(POLICY.may(REQUESTER, t, redact, minutes(17))).isFalse();
    assertThat(POLICY.may(AGENT, t, redact, minutes(2))).isFalse();
    assertThat(POLICY.may(ADMIN, t, redact, minutes(999))).isTrue();
  }

  @Test
  void switching_off_the_requesters_accept_is_honoured_by_the_policy() {
    AccessPolicy strict =
        new AccessPolicy(TicketRules.defaults().withRequesterMayAcceptResolution(false));
    Ticket resolved = inStatus(Status.RESOLVED);
    assertThat(strict.allowedNextStatuses(REQUESTER, resolved)).containsExactly(Status.OPEN);
    assertThat(POLICY.allowedNextStatuses(REQUESTER, resolved))
        .containsExactly(Status.OPEN, Status.CLOSED);
    assertThat(strict.may(REQUESTER, resolved, new TicketOperation.Close(), minutes(10))).isFalse();
  }

  @Test
  void admin_capabilities_are_for_admins_and_the_overdue_list_for_staff() {
    assertThat(POLICY.may(REQUESTER, Capability.CREATE_TICKET)).isTrue();
    assertThat(POLICY.may(REQUESTER, Capability.LIST_OVERDUE)).isFalse();
    assertThat(POLICY.may(AGENT, Capability.LIST_OVERDUE)).isTrue();
    for (Capability adminOnly :
        List.of(
            Capability.VIEW_DASHBOARD,
            Capability.MANAGE_USERS,
            Capability.MANAGE_SLA,
            Capability.MANAGE_WEBHOOKS,
            Capability.READ_AUDIT_LOG)) {
      assertThat(POLICY.may(AGENT, adminOnly)).as("%s", adminOnly).isFalse();
      assertThat(POLICY.may(ADMIN, adminOnly)).as("%s", adminOnly).isTrue();
    }
    assertThat(refusal(POLICY.require(AGENT, Capability.READ_AUDIT_LOG)))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(POLICY.require(ADMIN, Capability.READ_AUDIT_LOG).isOk()).isTrue();
  }

  @Test
  void the_system_actor_is_staff_level_for_jobs() {
    assertThat(POLICY.canSee(Actor.system(), opened())).isTrue();
    assertThat(Actor.system().isSystem()).isTrue();
    assertThat(Actor.system().isAdmin()).isTrue();
  }
}
