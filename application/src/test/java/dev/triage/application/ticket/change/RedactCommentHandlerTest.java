package dev.triage.application.ticket.change;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static dev.triage.application.fakes.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.fakes.TicketDesk;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.application.ticket.CommentView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketRules;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The author of a reply erases its text within the redaction window, and not after it. */
class RedactCommentHandlerTest {

  private static final Instant WRITTEN = T0.plus(Duration.ofMinutes(1));

  private final TicketDesk desk = new TicketDesk();
  private final Actor agent = TicketFixtures.agent();
  private final Ticket ticket = desk.fixtures.open(TicketFixtures.customer(), Priority.MEDIUM, T0);
  private final CommentView reply = reply("Your password is hunter2.");

  private CommentView reply(String body) {
    return desk.commentsAt(WRITTEN, 5)
        .handle(
            new AddComment(ticket.id().toString(), Optional.empty(), body, false),
            TicketFixtures.as(agent))
        .await()
        .indefinitely()
        .orElseThrow()
        .comment()
        .orElseThrow();
  }

  private Result<CommentView> redactAt(Instant now) {
    return new RedactCommentHandler(desk.updatesAt(now), desk.tickets, TicketRules.defaults())
        .handle(
            new RedactComment(ticket.id().toString(), Optional.empty(), reply.id().toString()),
            TicketFixtures.as(agent))
        .await()
        .indefinitely();
  }

  @Test
  void the_author_erases_the_text_of_a_reply_within_the_window() {
    Instant now = WRITTEN.plus(Duration.ofMinutes(5));

    CommentView redacted = redactAt(now).orElseThrow();

    assertThat(redacted.id()).isEqualTo(reply.id());
    assertThat(redacted.body()).isEmpty();
    assertThat(redacted.redactedBy()).contains(agent.id().value());
    assertThat(redacted.redactedAt()).contains(now);
    assertThat(desk.tickets.comments(ticket.id()))
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.isRedacted()).isTrue();
              assertThat(stored.body()).isEmpty();
            });
    assertThat(desk.outbox.events(TicketEvent.CommentRedacted.class)).hasSize(1);
  }

  @Test
  void after_the_window_the_author_is_refused_and_the_text_stays() {
    Result<CommentView> refused = redactAt(WRITTEN.plus(Duration.ofMinutes(16)));

    assertRejected(refused, ErrorCode.FORBIDDEN);
    assertThat(desk.tickets.comments(ticket.id()))
        .singleElement()
        .extracting(Comment::body)
        .isEqualTo("Your password is hunter2.");
    assertThat(desk.outbox.events(TicketEvent.CommentRedacted.class)).isEmpty();
  }
}
