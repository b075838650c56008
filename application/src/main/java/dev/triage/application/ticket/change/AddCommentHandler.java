package dev.triage.application.ticket.change;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.NewTickets;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.CommentOutcome;
import dev.triage.domain.ticket.FollowUp;
import dev.triage.domain.ticket.Ticket;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Adds the comment, or opens the follow-up a reply to a CLOSED ticket asks for. A follow-up is a
 * new ticket, so it counts against the caller's {@link RateLimit#CREATE_TICKET_PER_USER} budget
 * like {@code POST /api/v1/tickets}; past it the reply is refused and nothing is opened.
 */
public final class AddCommentHandler implements Handler<AddComment, CommentResult> {

  private final TicketUpdates updates;
  private final RandomGenerator random;
  private final NewTickets followUps;
  private final RateLimits rateLimits;

  public AddCommentHandler(
      TicketUpdates updates,
      Tickets tickets,
      Outbox outbox,
      RandomGenerator random,
      String numberPrefix,
      SlaClocks sla,
      RateLimits rateLimits) {
    this.updates = updates;
    this.random = random;
    this.followUps = new NewTickets(tickets, outbox, sla, random, numberPrefix);
    this.rateLimits = rateLimits;
  }

  @Override
  public Uni<Result<CommentResult>> handle(AddComment c, RequestContext context) {
    Instant now = updates.now();
    return Results.then(
        updates.load(c.ticket(), c.ifMatch(), context), ticket -> comment(ticket, c, context, now));
  }

  private Uni<Result<CommentResult>> comment(
      Ticket ticket, AddComment c, RequestContext context, Instant now) {
    Result<CommentOutcome> outcome =
        ticket.addComment(
            context.actor(), CommentId.newId(now, random), c.body(), c.internal(), now);
    return Results.then(
        outcome,
        done ->
            switch (done) {
              case CommentOutcome.Added added ->
                  Results.map(
                      updates.save(ticket, added.change(), context, now),
                      t ->
                          new CommentResult(
                              Optional.of(CommentView.of(ticket.id(), added.comment())),
                              Optional.empty()));
              case CommentOutcome.FollowUpRequired required ->
                  followUp(required.followUp(), context, now);
            });
  }

  private Uni<Result<CommentResult>> followUp(
      FollowUp followUp, RequestContext context, Instant now) {
    // The key the HTTP edge counts a signed-in caller's POST /api/v1/tickets under.
    String caller = "user:" + context.actor().id();
    return rateLimits
        .consume(RateLimit.CREATE_TICKET_PER_USER, caller)
        .flatMap(
            decision -> {
              context.effects().rateLimited(decision);
              if (!decision.allowed()) {
                return Uni.createFrom()
                    .item(
                        Result.<CommentResult>err(
                            ErrorCode.RATE_LIMITED,
                            "A reply to a closed ticket opens a new ticket, and too many tickets"
                                + " were opened; retry later."));
              }
              return Results.map(
                  followUps.open(
                      now, context, (id, number) -> Ticket.openFollowUp(followUp, id, number, now)),
                  ticket -> new CommentResult(Optional.empty(), Optional.of(ticket)));
            });
  }
}
