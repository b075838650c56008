package dev.triage.application.ticket.change;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.TicketAuditState;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.CommentOutcome;
import dev.triage.domain.ticket.FollowUp;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Adds the comment, or opens the follow-up a reply to a CLOSED ticket asks for. */
public final class AddCommentHandler implements Handler<AddComment, CommentResult> {

  private final TicketUpdates updates;
  private final Tickets tickets;
  private final Outbox outbox;
  private final RandomGenerator random;
  private final String numberPrefix;
  private final SlaSettings sla;

  public AddCommentHandler(
      TicketUpdates updates,
      Tickets tickets,
      Outbox outbox,
      RandomGenerator random,
      String numberPrefix,
      SlaSettings sla) {
    this.updates = updates;
    this.sla = sla;
    this.tickets = tickets;
    this.outbox = outbox;
    this.random = random;
    this.numberPrefix = numberPrefix;
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
    return tickets
        .nextNumber()
        .flatMap(
            sequence -> {
              TicketNumber number =
                  TicketNumber.of(numberPrefix, now.atZone(ZoneOffset.UTC).getYear(), sequence);
              Result<TicketChange> opened =
                  Ticket.openFollowUp(followUp, TicketId.newId(now, random), number, now);
              return Results.then(
                  opened,
                  created -> {
                    Ticket ticket = created.ticket();
                    SlaStatus clocks = sla.evaluate(ticket, now);
                    context
                        .effects()
                        .changed(
                            "Ticket", ticket.id().toString(), null, TicketAuditState.of(ticket));
                    return tickets
                        .add(ticket, clocks)
                        .chain(() -> outbox.append(created.events(), context))
                        .replaceWith(
                            Result.ok(
                                new CommentResult(
                                    Optional.empty(), Optional.of(TicketView.of(ticket, clocks)))));
                  });
            });
  }
}
