package dev.triage.application.ticket.merge;

import dev.triage.application.Results;
import dev.triage.application.audit.AuditEntry;
import dev.triage.application.bus.Effects;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.AuditTrail;
import dev.triage.application.port.TicketLinks;
import dev.triage.application.port.TicketMerges;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.Tickets;
import dev.triage.application.ticket.TicketKeys;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.access.TicketScope;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.LinkType;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Merges a ticket into another (ADR 30). Both rows are locked in one fixed order (the smaller id
 * first), so two merges that cross queue up instead of deadlocking, and the second finds the first
 * done (409). Then, in the command's transaction: the source's comments are copied into the target
 * (one statement), the target takes in the source's people, a MERGED_INTO link is stored, and the
 * source gets its note and is closed. Each ticket gets its audit entry.
 */
public final class MergeTicketHandler implements Handler<MergeTicket, TicketView> {

  private final TicketUpdates updates;
  private final Tickets tickets;
  private final TicketQueries queries;
  private final TicketLinks links;
  private final TicketMerges merges;
  private final AuditTrail trail;
  private final AccessPolicy policy;
  private final RandomGenerator random;

  public MergeTicketHandler(
      TicketUpdates updates,
      Tickets tickets,
      TicketQueries queries,
      TicketLinks links,
      TicketMerges merges,
      AuditTrail trail,
      AccessPolicy policy,
      RandomGenerator random) {
    this.updates = updates;
    this.tickets = tickets;
    this.queries = queries;
    this.links = links;
    this.merges = merges;
    this.trail = trail;
    this.policy = policy;
    this.random = random;
  }

  @Override
  public Uni<Result<TicketView>> handle(MergeTicket c, RequestContext context) {
    if (c.target() == null || c.target().isBlank()) {
      return Uni.createFrom().item(Result.invalid("targetId", "is required"));
    }
    Actor actor = context.actor();
    TicketScope scope = policy.scope(actor);
    String key = c.ticket() == null ? "" : c.ticket().strip();
    return TicketKeys.find(key, queries::ref, queries::ref)
        .flatMap(
            source -> {
              if (source.isEmpty()
                  || !scope.includes(
                      source.get().requesterId(), source.get().ccIds(), source.get().groupId())) {
                return Uni.createFrom()
                    .item(Result.<TicketView>err(ErrorCode.NOT_FOUND, "No ticket " + key + "."));
              }
              return TicketKeys.find(c.target(), queries::ref, queries::ref)
                  .flatMap(
                      target -> {
                        if (target.isEmpty()
                            || !scope.includes(
                                target.get().requesterId(),
                                target.get().ccIds(),
                                target.get().groupId())) {
                          return Uni.createFrom()
                              .item(
                                  Result.<TicketView>invalid(
                                      "targetId", "must name a ticket you can see"));
                        }
                        return locked(source.get().id(), target.get().id(), c, context);
                      });
            });
  }

  /** Locks both tickets, the smaller id first, and merges. */
  private Uni<Result<TicketView>> locked(
      TicketId sourceId, TicketId targetId, MergeTicket c, RequestContext context) {
    if (sourceId.equals(targetId)) {
      return Uni.createFrom()
          .item(Result.err(ErrorCode.CONFLICT, "A ticket cannot be merged into itself."));
    }
    boolean sourceFirst = sourceId.value().compareTo(targetId.value()) < 0;
    TicketId first = sourceFirst ? sourceId : targetId;
    TicketId second = sourceFirst ? targetId : sourceId;
    return tickets
        .byIdForUpdate(first)
        .flatMap(
            a ->
                tickets
                    .byIdForUpdate(second)
                    .flatMap(
                        b -> {
                          Optional<Ticket> source = sourceFirst ? a : b;
                          Optional<Ticket> target = sourceFirst ? b : a;
                          if (source.isEmpty() || target.isEmpty()) {
                            return Uni.createFrom()
                                .item(
                                    Result.<TicketView>err(
                                        ErrorCode.NOT_FOUND, "No ticket " + c.ticket() + "."));
                          }
                          return merge(source.get(), target.get(), c, context);
                        }));
  }

  private Uni<Result<TicketView>> merge(
      Ticket source, Ticket target, MergeTicket c, RequestContext context) {
    Actor actor = context.actor();
    if (c.ifMatch().isPresent() && c.ifMatch().get() != source.version()) {
      return Uni.createFrom()
          .item(
              Result.err(
                  ErrorCode.VERSION_MISMATCH,
                  "Ticket "
                      + source.number()
                      + " is at version "
                      + source.version()
                      + ", not "
                      + c.ifMatch().get()
                      + "; reload it and try again."));
    }
    Result<Ticket> allowed = source.checkMerge(actor);
    if (allowed instanceof Result.Err<Ticket> err) {
      return Uni.createFrom().item(err.cast());
    }
    Optional<String> refusal = source.mergeRefusal(target);
    if (refusal.isPresent()) {
      return Uni.createFrom().item(Result.err(ErrorCode.CONFLICT, refusal.get()));
    }
    Instant now = updates.now();
    return merges
        .copyComments(source.id(), target.id())
        .flatMap(
            copied ->
                Results.then(
                    target.absorb(actor, source, copied, now),
                    absorbed ->
                        Results.then(
                            updates.save(target, absorbed, context, now),
                            targetView ->
                                auditTarget(context, now)
                                    .chain(
                                        () ->
                                            links.add(
                                                Uuids.v7(now, random),
                                                source.id(),
                                                target.id(),
                                                LinkType.MERGED_INTO,
                                                actor.id(),
                                                now))
                                    .flatMap(
                                        linked ->
                                            Results.then(
                                                source.mergeInto(
                                                    actor,
                                                    target,
                                                    CommentId.newId(now, random),
                                                    now),
                                                closed ->
                                                    updates.save(source, closed, context, now))))));
  }

  /**
   * The target's audit entry, written here: the bus writes one entry per command, the last change
   * noted (the source's, saved after this).
   */
  private Uni<Void> auditTarget(RequestContext context, Instant now) {
    Optional<Effects.Change> change = context.effects().change();
    if (change.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return trail.append(
        new AuditEntry(
            now,
            Optional.of(context.actor()),
            MergeTicket.class.getSimpleName(),
            change.get().entityType(),
            change.get().entityId(),
            change.get().before(),
            change.get().after(),
            context.clientIp(),
            context.requestId()));
  }
}
