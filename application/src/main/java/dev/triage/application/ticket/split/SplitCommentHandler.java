package dev.triage.application.ticket.split;

import dev.triage.application.Results;
import dev.triage.application.audit.AuditEntry;
import dev.triage.application.bus.Effects;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.TicketLinks;
import dev.triage.application.port.TicketSplits;
import dev.triage.application.port.Tickets;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.NewTickets;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.LinkType;
import dev.triage.domain.ticket.Ticket;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Splits a comment into a new ticket (ADR 30), in one transaction: the original ticket is locked,
 * the new ticket opened (its clocks start now), the comment marked with it (once: a comment split
 * already is 409), the two tickets linked RELATED, and a {@code CommentSplit} recorded on the
 * original. Each ticket gets its audit entry: the new one's creation, and the original's change.
 */
public final class SplitCommentHandler implements Handler<SplitComment, TicketView> {

  private final TicketUpdates updates;
  private final Tickets tickets;
  private final TicketLinks links;
  private final TicketSplits splits;
  private final AuditTrail trail;
  private final NewTickets newTickets;
  private final RandomGenerator random;

  public SplitCommentHandler(
      TicketUpdates updates,
      Tickets tickets,
      Outbox outbox,
      SlaClocks sla,
      TicketLinks links,
      TicketSplits splits,
      AuditTrail trail,
      RandomGenerator random,
      String numberPrefix) {
    this.updates = updates;
    this.tickets = tickets;
    this.links = links;
    this.splits = splits;
    this.trail = trail;
    this.random = random;
    this.newTickets = new NewTickets(tickets, outbox, sla, random, numberPrefix);
  }

  @Override
  public Uni<Result<TicketView>> handle(SplitComment c, RequestContext context) {
    Optional<UUID> commentId = Uuids.parse(c.commentId() == null ? "" : c.commentId().strip());
    if (commentId.isEmpty()) {
      return Uni.createFrom().item(Result.invalid("commentId", "must be a comment id"));
    }
    return Results.then(
        updates.load(c.ticket(), c.ifMatch(), context),
        original ->
            Results.then(
                original.checkSplit(context.actor()),
                checked ->
                    tickets
                        .comment(original.id(), CommentId.of(commentId.get()))
                        .flatMap(
                            comment ->
                                comment.isEmpty()
                                    ? Uni.createFrom()
                                        .item(
                                            Result.<TicketView>err(
                                                ErrorCode.NOT_FOUND,
                                                "Ticket "
                                                    + original.number()
                                                    + " has no comment "
                                                    + commentId.get()
                                                    + "."))
                                    : split(original, comment.get(), context))));
  }

  private Uni<Result<TicketView>> split(Ticket original, Comment comment, RequestContext context) {
    Instant now = updates.now();
    return Results.then(
        newTickets.open(
            now,
            context,
            (id, number) -> original.openSplit(context.actor(), comment, id, number, now)),
        opened ->
            auditCreation(context, now)
                .chain(() -> splits.markSplit(original.id(), comment.id(), opened.id()))
                .flatMap(
                    marked -> {
                      if (!marked) {
                        return Uni.createFrom()
                            .item(
                                Result.<TicketView>err(
                                    ErrorCode.CONFLICT,
                                    "The comment was split into a ticket already."));
                      }
                      return links
                          .add(
                              Uuids.v7(now, random),
                              original.id(),
                              opened.id(),
                              LinkType.RELATED,
                              context.actor().id(),
                              now)
                          .flatMap(
                              linked ->
                                  Results.then(
                                      original.markSplit(
                                          context.actor(),
                                          comment,
                                          opened.id(),
                                          opened.number(),
                                          now),
                                      change ->
                                          Results.map(
                                              updates.save(original, change, context, now),
                                              saved -> opened)));
                    }));
  }

  /**
   * The new ticket's audit entry (a creation), written here: the bus writes one entry per command,
   * the last change noted (the original's, saved after this).
   */
  private Uni<Void> auditCreation(RequestContext context, Instant now) {
    Optional<Effects.Change> change = context.effects().change();
    if (change.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return trail.append(
        new AuditEntry(
            now,
            Optional.of(context.actor()),
            SplitComment.class.getSimpleName(),
            change.get().entityType(),
            change.get().entityId(),
            change.get().before(),
            change.get().after(),
            context.clientIp(),
            context.requestId()));
  }
}
