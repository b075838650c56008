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
    Ticket t = opened();
    TicketRules rules = TicketRules.defaults();
    assertThat(refusal(t.checkVisible(OTHER_CUSTOMER))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(refusal(t.checkComment(OTHER_CUSTOMER, false))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(refusal(t.checkChangeStatus(OTHER_CUSTOMER, Status.CLOSED, rules)))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(refusal(t.checkEscalate(OTHER_CUSTOMER))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(refusal(t.checkEdit(OTHER_CUSTOMER, TicketEdit.none())))
        .isEqualTo(ErrorCode.NOT_FOUND);
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
  void the_checks_give_the_same_answer_the_operation_enforces() {
    TicketRules rules = TicketRules.defaults();
    Ticket resolved = inStatus(Status.RESOLVED);
    assertThat(resolved.checkChangeStatus(AGENT, Status.CLOSED, rules).isOk()).isFalse();
    assertThat(resolved.close(AGENT, Optional.empty(), minutes(10)).isOk()).isFalse();
    assertThat(resolved.checkChangeStatus(ADMIN, Status.CLOSED, rules).isOk()).isTrue();
    assertThat(resolved.checkChangeStatus(REQUESTER, Status.OPEN, rules).isOk()).isTrue();
    assertThat(refusal(opened().checkComment(REQUESTER, true))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(opened().checkAssign(AGENT, assignee(AGENT)).isOk()).isTrue();
    assertThat(refusal(opened().checkAssign(AGENT, assignee(ADMIN))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(opened().checkEscalate(REQUESTER).isOk()).isFalse();
    assertThat(
            inStatus(Status.IN_PROGRESS)
                .checkEdit(
                    REQUESTER, TicketEdit.none().withTitle(Title.of("New one").orElseThrow()))
                .isOk())
        .isFalse();
    assertThat(opened().checkUnassign(AGENT).isOk()).isTrue();
  }

  @Test
  void redaction_rights_depend_on_author_time_and_role() {
    TicketRules rules = TicketRules.defaults();
    CommentOutcome.Added oops = reply(opened(), REQUESTER, "oops", false, minutes(1));
    Ticket t = oops.change().ticket();
    Comment comment = oops.comment();
    assertThat(t.checkRedact(REQUESTER, comment, rules, minutes(16)).isOk()).isTrue();
    assertThat(t.checkRedact(REQUESTER, comment, rules, minutes(17)).isOk()).isFalse();
    assertThat(t.checkRedact(AGENT, comment, rules, minutes(2)).isOk()).isFalse();
    assertThat(t.checkRedact(ADMIN, comment, rules, minutes(999)).isOk()).isTrue();
  }

  @Test
  void switching_off_the_requesters_accept_is_honoured_by_the_checks() {
    TicketRules strict = TicketRules.defaults().withRequesterMayAcceptResolution(false);
    Ticket resolved = inStatus(Status.RESOLVED);
    assertThat(resolved.allowedNextStatuses(REQUESTER, strict)).containsExactly(Status.OPEN);
    assertThat(resolved.allowedNextStatuses(REQUESTER, TicketRules.defaults()))
        .containsExactly(Status.OPEN, Status.CLOSED);
    assertThat(resolved.checkChangeStatus(REQUESTER, Status.CLOSED, strict).isOk()).isFalse();
  }

  @Test
  void the_system_actor_is_staff_level_for_jobs() {
    assertThat(POLICY.canSee(Actor.system(), opened())).isTrue();
    assertThat(Actor.system().isSystem()).isTrue();
    assertThat(Actor.system().isAdmin()).isTrue();
  }
}
