package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.ADMIN;
import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_AGENT;
import static dev.triage.domain.testing.TicketMother.OTHER_CUSTOMER;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.commented;
import static dev.triage.domain.testing.TicketMother.inStatus;
import static dev.triage.domain.testing.TicketMother.minutes;
import static dev.triage.domain.testing.TicketMother.newCommentId;
import static dev.triage.domain.testing.TicketMother.number;
import static dev.triage.domain.testing.TicketMother.opened;
import static dev.triage.domain.testing.TicketScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketEvent.CommentAdded;
import dev.triage.domain.ticket.TicketEvent.CommentRedacted;
import dev.triage.domain.ticket.TicketEvent.FollowUpCreated;
import dev.triage.domain.ticket.TicketEvent.InternalNoteAdded;
import dev.triage.domain.ticket.TicketEvent.StatusChanged;
import dev.triage.domain.ticket.TicketEvent.TicketCreated;
import dev.triage.domain.ticket.TicketEvent.TicketReopened;
import dev.triage.domain.user.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TicketCommentsTest {

  private static Result<CommentOutcome> comment(
      Ticket t, Actor author, String body, boolean internal, Instant at) {
    return t.addComment(author, newCommentId(at), body, internal, at);
  }

  private static CommentOutcome.Added added(Result<CommentOutcome> result) {
    return (CommentOutcome.Added) result.orElseThrow();
  }

  private static void assertRefused(Result<?> result, ErrorCode code, String fragment) {
    assertThat(result).isInstanceOf(Result.Err.class);
    Result.Err<?> err = (Result.Err<?>) result;
    assertThat(err.code()).isEqualTo(code);
    assertThat(err.message()).contains(fragment);
  }

  @Test
  void a_public_reply_is_added_and_announced() {
    CommentOutcome.Added added = added(comment(opened(), AGENT, "On it.", false, minutes(5)));
    assertThat(added.change().events()).singleElement().isInstanceOf(CommentAdded.class);
    assertThat(added.change().events().getFirst().internal()).isFalse();
    assertThat(added.comment().body()).isEqualTo("On it.");
    assertThat(added.change().comment()).contains(added.comment());
    assertThat(added.change().ticket().version()).isEqualTo(2);
  }

  @Test
  void staff_write_internal_notes_which_are_internal_events() {
    CommentOutcome.Added added = added(comment(opened(), AGENT, "Toner?", true, minutes(5)));
    assertThat(added.change().events()).singleElement().isInstanceOf(InternalNoteAdded.class);
    assertThat(added.change().events().getFirst().internal()).isTrue();
    assertThat(added.comment().internal()).isTrue();
  }

  @Test
  void a_customer_asking_for_an_internal_note_is_refused_not_downgraded() {
    assertRefused(
        comment(opened(), REQUESTER, "secret", true, minutes(5)),
        ErrorCode.FORBIDDEN,
        "Only staff may write internal notes");
  }

  @Test
  void another_customer_cannot_comment_on_a_ticket_they_cannot_see() {
    assertRefused(
        comment(opened(), OTHER_CUSTOMER, "hi", false, minutes(5)), ErrorCode.NOT_FOUND, "");
  }

  @Test
  void a_blank_or_overlong_comment_is_a_field_error() {
    assertRefused(
        comment(opened(), AGENT, "  ", false, minutes(5)), ErrorCode.VALIDATION_FAILED, "body");
    assertRefused(
        comment(opened(), AGENT, "x".repeat(20_001), false, minutes(5)),
        ErrorCode.VALIDATION_FAILED,
        "body");
  }

  @Test
  void only_the_first_public_staff_reply_records_the_first_response() {
    Ticket t = commented(opened(), AGENT, "First.", false, minutes(5));
    t = commented(t, OTHER_AGENT, "Second.", false, minutes(9));
    assertThat(t.firstRespondedAt()).contains(minutes(5));
  }

  @Test
  void a_staff_member_replying_on_their_own_ticket_is_not_a_first_response() {
    Ticket own = dev.triage.domain.testing.TicketMother.opened(AGENT, Priority.LOW, minutes(0));
    assertThat(commented(own, AGENT, "bump", false, minutes(3)).firstRespondedAt()).isEmpty();
  }

  @Test
  void the_requesters_reply_moves_a_pending_ticket_back_to_in_progress() {
    CommentOutcome.Added added =
        added(
            comment(
                inStatus(Status.PENDING_CUSTOMER), REQUESTER, "Here it is.", false, minutes(9)));
    assertThat(added.change().ticket().status()).isEqualTo(Status.IN_PROGRESS);
    assertThat(added.change().events().stream().map(e -> (Object) e.getClass()))
        .containsExactly(CommentAdded.class, StatusChanged.class);
    assertThat(((StatusChanged) added.change().events().get(1)).reason())
        .contains("The requester replied.");
  }

  @Test
  void the_requesters_reply_reopens_a_resolved_ticket() {
    CommentOutcome.Added added =
        added(comment(inStatus(Status.RESOLVED), REQUESTER, "Still broken.", false, minutes(9)));
    assertThat(added.change().ticket().status()).isEqualTo(Status.OPEN);
    assertThat(added.change().ticket().resolvedAt()).isEmpty();
    assertThat(added.change().events().stream().map(e -> (Object) e.getClass()))
        .containsExactly(CommentAdded.class, StatusChanged.class, TicketReopened.class);
  }

  @Test
  void a_staff_reply_does_not_move_a_pending_ticket() {
    CommentOutcome.Added added =
        added(comment(inStatus(Status.PENDING_CUSTOMER), AGENT, "Reminder.", false, minutes(9)));
    assertThat(added.change().ticket().status()).isEqualTo(Status.PENDING_CUSTOMER);
  }

  @Test
  void the_requesters_reply_to_a_closed_ticket_asks_for_a_follow_up_and_leaves_it_closed() {
    Ticket closed = inStatus(Status.CLOSED);
    CommentOutcome outcome =
        comment(closed, REQUESTER, "It broke again.", false, minutes(60)).orElseThrow();
    assertThat(outcome).isInstanceOf(CommentOutcome.FollowUpRequired.class);
    FollowUp followUp = ((CommentOutcome.FollowUpRequired) outcome).followUp();
    assertThat(followUp.closedTicketId()).isEqualTo(closed.id());
    assertThat(followUp.title().value()).isEqualTo("Follow-up to TCK-2026-000042: Printer on fire");
    assertThat(followUp.description().value()).isEqualTo("It broke again.");
    assertThat(followUp.priority()).isEqualTo(closed.priority());
    assertThat(followUp.requester()).isEqualTo(REQUESTER);

    TicketId newId = TicketId.newId(minutes(60), new SplittableRandom(3));
    TicketChange opened =
        Ticket.openFollowUp(followUp, newId, number(43), minutes(60)).orElseThrow();
    assertThat(opened.ticket().followUpOf()).contains(closed.id());
    assertThat(opened.ticket().status()).isEqualTo(Status.OPEN);
    assertThat(opened.ticket().requesterId()).isEqualTo(REQUESTER.id());
    assertThat(opened.events()).hasSize(2);
    assertThat(((TicketCreated) opened.events().get(0)).followUpOf()).contains(closed.id());
    assertThat(opened.events().get(1))
        .isEqualTo(new FollowUpCreated(closed.id(), REQUESTER, minutes(60), newId, number(43)));
  }

  @Test
  void a_follow_up_title_is_cut_to_the_title_limit() {
    Ticket longTitle =
        Ticket.open(
                TicketId.newId(minutes(0), new SplittableRandom(4)),
                number(44),
                REQUESTER,
                Title.of("x".repeat(200)).orElseThrow(),
                Description.of("d").orElseThrow(),
                Priority.LOW,
                Optional.empty(),
                Tags.empty(),
                minutes(0))
            .orElseThrow()
            .ticket();
    Ticket closed =
        dev.triage.domain.testing.TicketMother.apply(
            longTitle.close(REQUESTER, Optional.empty(), minutes(1)));
    var outcome =
        (CommentOutcome.FollowUpRequired)
            comment(closed, REQUESTER, "again", false, minutes(2)).orElseThrow();
    assertThat(outcome.followUp().title().value())
        .hasSize(200)
        .startsWith("Follow-up to TCK-2026-000044: x");
  }

  @Test
  void staff_cannot_comment_on_a_closed_ticket_nor_can_the_requester_add_notes() {
    assertRefused(
        comment(inStatus(Status.CLOSED), AGENT, "late", false, minutes(60)),
        ErrorCode.CONFLICT,
        "CLOSED, which is final");
    assertRefused(
        comment(inStatus(Status.CLOSED), AGENT, "late", true, minutes(60)),
        ErrorCode.CONFLICT,
        "CLOSED");
  }

  // ------------------------------------------------------------------ redaction

  private static CommentOutcome.Added withReply(Actor author, boolean internal) {
    return added(comment(opened(), author, "my phone number is 555-0100", internal, minutes(10)));
  }

  @Test
  void the_author_redacts_within_fifteen_minutes_and_the_text_is_erased() {
    CommentOutcome.Added reply = withReply(REQUESTER, false);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    given(t)
        .when(x -> x.redactComment(REQUESTER, c, minutes(25)))
        .thenEvents(CommentRedacted.class)
        .thenChange(
            change -> {
              Comment r = change.comment().orElseThrow();
              assertThat(r.id()).isEqualTo(c.id());
              assertThat(r.body()).isEmpty();
              assertThat(r.isRedacted()).isTrue();
              assertThat(r.redaction())
                  .contains(new Comment.Redaction(REQUESTER.id(), minutes(25)));
              assertThat(r.authorId()).isEqualTo(REQUESTER.id());
            })
        .thenEventsSatisfy(events -> assertThat(events.getFirst().internal()).isFalse());
  }

  @Test
  void the_author_is_refused_after_fifteen_minutes() {
    CommentOutcome.Added reply = withReply(AGENT, false);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    given(t)
        .when(x -> x.redactComment(AGENT, c, minutes(25).plusSeconds(1)))
        .thenRefused(ErrorCode.FORBIDDEN, "within 15 minutes");
  }

  @Test
  void an_admin_redacts_any_comment_at_any_time() {
    CommentOutcome.Added reply = withReply(AGENT, true);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    given(t)
        .when(x -> x.redactComment(ADMIN, c, minutes(10_000)))
        .thenEvents(CommentRedacted.class)
        .thenEventsSatisfy(events -> assertThat(events.getFirst().internal()).isTrue());
  }

  @Test
  void another_agent_may_not_redact_someone_elses_comment() {
    CommentOutcome.Added reply = withReply(AGENT, false);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    given(t)
        .when(x -> x.redactComment(OTHER_AGENT, c, minutes(11)))
        .thenRefused(ErrorCode.FORBIDDEN, "author or an admin");
  }

  @Test
  void a_customer_cannot_even_find_an_internal_note_to_redact() {
    CommentOutcome.Added reply = withReply(AGENT, true);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    given(t)
        .when(x -> x.redactComment(REQUESTER, c, minutes(11)))
        .thenRefused(ErrorCode.NOT_FOUND, "No such comment");
  }

  @Test
  void redacting_twice_is_refused() {
    CommentOutcome.Added reply = withReply(REQUESTER, false);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    given(t)
        .and(x -> x.redactComment(ADMIN, c, minutes(11)))
        .when(x -> x.redactComment(ADMIN, c.redactedBy(ADMIN.id(), minutes(11)), minutes(12)))
        .thenRefused(ErrorCode.CONFLICT, "already redacted");
  }

  @Test
  void redaction_is_possible_on_a_closed_ticket_because_it_erases_rather_than_changes() {
    CommentOutcome.Added reply = withReply(REQUESTER, false);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    t =
        dev.triage.domain.testing.TicketMother.apply(
            t.close(REQUESTER, Optional.empty(), minutes(12)));
    given(t).when(x -> x.redactComment(ADMIN, c, minutes(100))).thenEvents(CommentRedacted.class);
  }

  @Test
  void a_longer_redaction_window_can_be_configured() {
    CommentOutcome.Added reply = withReply(AGENT, false);
    Ticket t = reply.change().ticket();
    Comment c = reply.comment();
    TicketRules hour = new TicketRules(true, java.time.Duration.ofHours(1));
    given(t)
        .when(x -> x.redactComment(AGENT, c, hour, minutes(60)))
        .thenEvents(CommentRedacted.class);
  }

  @Test
  void events_never_carry_comment_text() {
    CommentOutcome.Added added = added(comment(opened(), AGENT, "secret text", false, minutes(5)));
    assertThat(List.copyOf(added.change().events()).toString()).doesNotContain("secret text");
  }
}
