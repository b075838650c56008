package dev.triage.application.ticket.change;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static dev.triage.application.fakes.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.fakes.FixedRateLimits;
import dev.triage.application.fakes.TicketDesk;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.application.port.RateLimit;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies and internal notes, and the follow-up a reply to a CLOSED ticket opens. */
class AddCommentHandlerTest {

  private static final Instant LATER = T0.plus(Duration.ofMinutes(30));

  private final TicketDesk desk = new TicketDesk();
  private final Actor customer = TicketFixtures.customer();
  private final Actor agent = TicketFixtures.agent();
  private final AddCommentHandler handler = desk.commentsAt(LATER, 3);

  private Result<CommentResult> send(
      String ticketKey, String body, boolean internal, RequestContext context) {
    return handler
        .handle(new AddComment(ticketKey, Optional.empty(), body, internal), context)
        .await()
        .indefinitely();
  }

  private Result<CommentResult> comment(
      Actor author, Ticket ticket, String body, boolean internal) {
    return send(ticket.id().toString(), body, internal, TicketFixtures.as(author));
  }

  /** The outbox holds one event, of {@code type}, internal or not. */
  private void assertOnlyEvent(Class<? extends TicketEvent> type, boolean internal) {
    assertThat(desk.outbox.events())
        .singleElement()
        .isInstanceOf(type)
        .extracting(TicketEvent::internal)
        .isEqualTo(internal);
  }

  @Test
  void a_public_reply_by_staff_is_the_tickets_first_response() {
    Ticket ticket = desk.fixtures.open(customer, Priority.MEDIUM, T0);

    CommentResult result =
        comment(agent, ticket, "Please restart the printer.", false).orElseThrow();

    CommentView reply = result.comment().orElseThrow();
    assertThat(result.followUpTicket()).isEmpty();
    assertThat(reply.body()).isEqualTo("Please restart the printer.");
    assertThat(reply.internal()).isFalse();
    assertThat(reply.authorId()).isEqualTo(agent.id().value());
    assertThat(reply.createdAt()).isEqualTo(LATER);

    Ticket stored = desk.tickets.stored(ticket.id()).orElseThrow();
    assertThat(stored.firstRespondedAt()).contains(LATER);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(desk.tickets.comments(ticket.id()))
        .singleElement()
        .extracting(Comment::body)
        .isEqualTo("Please restart the printer.");
    assertThat(desk.tickets.storedClocks(ticket.id()).orElseThrow().firstResponse().stopped())
        .isTrue();
    assertOnlyEvent(TicketEvent.CommentAdded.class, false);
  }

  @Test
  void an_internal_note_by_staff_stays_internal_and_is_no_first_response() {
    Ticket ticket = desk.fixtures.open(customer, Priority.MEDIUM, T0);

    CommentResult result =
        comment(agent, ticket, "Customer is on the old driver.", true).orElseThrow();

    assertThat(result.comment().orElseThrow().internal()).isTrue();
    Ticket stored = desk.tickets.stored(ticket.id()).orElseThrow();
    assertThat(stored.firstRespondedAt()).isEmpty();
    assertThat(desk.tickets.storedClocks(ticket.id()).orElseThrow().firstResponse().running())
        .isTrue();
    assertThat(desk.tickets.comments(ticket.id()))
        .singleElement()
        .extracting(Comment::internal)
        .isEqualTo(true);
    assertOnlyEvent(TicketEvent.InternalNoteAdded.class, true);
  }

  @Test
  void a_customer_may_not_add_an_internal_note() {
    Ticket ticket = desk.fixtures.open(customer, Priority.MEDIUM, T0);
    RequestContext context = TicketFixtures.as(customer);

    Result<CommentResult> refused = send(ticket.id().toString(), "Secret note", true, context);

    assertRejected(refused, ErrorCode.FORBIDDEN);
    assertThat(desk.tickets.stored(ticket.id())).contains(ticket);
    assertThat(desk.tickets.comments(ticket.id())).isEmpty();
    assertThat(desk.outbox.events()).isEmpty();
    assertThat(context.effects().change()).isEmpty();
  }

  @Test
  void a_reply_to_a_closed_ticket_opens_a_follow_up_ticket_and_answers_with_it() {
    Ticket opened = desk.fixtures.open(customer, Priority.HIGH, T0);
    Ticket closed =
        desk.fixtures.change(
            opened,
            T0.plus(Duration.ofMinutes(10)),
            (t, at) -> t.close(customer, Optional.of("Fixed it myself"), at));

    // by number, as the customer quotes it
    CommentResult result =
        send(closed.number().value(), "It is jammed again.", false, TicketFixtures.as(customer))
            .orElseThrow();

    assertThat(result.comment()).isEmpty();
    TicketView followUp = result.followUpTicket().orElseThrow();
    assertThat(followUp.number().value()).isEqualTo("TCK-2026-000002");
    assertThat(followUp.title())
        .isEqualTo("Follow-up to TCK-2026-000001: Printer jam on the third floor");
    assertThat(followUp.description()).isEqualTo("It is jammed again.");
    assertThat(followUp.status()).isEqualTo(Status.OPEN);
    assertThat(followUp.priority()).isEqualTo(Priority.HIGH);
    assertThat(followUp.requesterId()).isEqualTo(customer.id());
    assertThat(followUp.createdAt()).isEqualTo(LATER);
    assertThat(desk.tickets.stored(followUp.id()).orElseThrow().followUpOf()).contains(closed.id());

    assertThat(desk.tickets.stored(closed.id())).contains(closed);
    assertThat(desk.tickets.comments(closed.id())).isEmpty();
    assertThat(desk.outbox.events())
        .hasSize(2)
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        TicketEvent.TicketCreated.class,
                        created -> assertThat(created.ticketId()).isEqualTo(followUp.id())))
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        TicketEvent.FollowUpCreated.class,
                        linked -> {
                          assertThat(linked.ticketId()).isEqualTo(closed.id());
                          assertThat(linked.followUpId()).isEqualTo(followUp.id());
                        }));
  }

  @Test
  void a_follow_up_past_the_ticket_creation_limit_is_refused_and_opens_nothing() {
    FixedRateLimits limits = new FixedRateLimits(1);
    AddCommentHandler limited = desk.commentsAt(LATER, 3, limits);
    Ticket opened = desk.fixtures.open(customer, Priority.HIGH, T0);
    Ticket closed =
        desk.fixtures.change(opened, T0, (t, at) -> t.close(customer, Optional.empty(), at));
    String key = "user:" + customer.id();
    limits.consume(RateLimit.CREATE_TICKET_PER_USER, key).await().indefinitely();

    RequestContext context = TicketFixtures.as(customer);
    Result<CommentResult> refused =
        limited
            .handle(
                new AddComment(closed.id().toString(), Optional.empty(), "Again.", false), context)
            .await()
            .indefinitely();

    assertRejected(refused, ErrorCode.RATE_LIMITED);
    assertThat(context.effects().rateDecision())
        .hasValueSatisfying(
            d -> {
              assertThat(d.allowed()).isFalse();
              assertThat(d.policyName()).isEqualTo("create-ticket");
            });
    assertThat(desk.tickets.all()).containsExactly(closed);
    assertThat(desk.outbox.events()).isEmpty();
  }

  @Test
  void a_follow_up_counts_against_the_requesters_ticket_creation_limit() {
    FixedRateLimits limits = new FixedRateLimits(5);
    AddCommentHandler limited = desk.commentsAt(LATER, 3, limits);
    Ticket opened = desk.fixtures.open(customer, Priority.HIGH, T0);
    Ticket closed =
        desk.fixtures.change(opened, T0, (t, at) -> t.close(customer, Optional.empty(), at));

    limited
        .handle(
            new AddComment(closed.id().toString(), Optional.empty(), "Again.", false),
            TicketFixtures.as(customer))
        .await()
        .indefinitely()
        .orElseThrow();

    assertThat(limits.used(RateLimit.CREATE_TICKET_PER_USER, "user:" + customer.id())).isEqualTo(1);
  }

  @Test
  void staff_may_not_reply_to_a_closed_ticket() {
    Ticket opened = desk.fixtures.open(customer, Priority.LOW, T0);
    Ticket closed =
        desk.fixtures.change(opened, T0, (t, at) -> t.close(customer, Optional.empty(), at));

    Result<CommentResult> refused = comment(agent, closed, "Anything else?", false);

    assertRejected(refused, ErrorCode.CONFLICT);
    assertThat(desk.tickets.all()).containsExactly(closed);
    assertThat(desk.outbox.events()).isEmpty();
  }
}
