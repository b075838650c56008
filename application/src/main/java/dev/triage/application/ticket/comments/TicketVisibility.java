package dev.triage.application.ticket.comments;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.TicketQueries.TicketRef;
import dev.triage.application.ticket.TicketKeys;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * What of one ticket an actor may read, as the access policy answers it, for read-side rows that
 * are neither a loaded aggregate nor a domain event: whether the ticket is visible at all (its
 * scope), and whether its internal items are (the policy's answer for an internal note added to
 * it). Comments and the timeline both ask here, so the rule is never restated in SQL.
 *
 * @param ticket the ticket, when the actor may see it
 * @param internal whether internal notes and internal events are shown
 */
public record TicketVisibility(Optional<TicketRef> ticket, boolean internal) {

  private static final CommentId ANY_NOTE = CommentId.of(new UUID(0L, 0L));

  /** Finds the ticket by id or number and judges it; an invisible ticket reads as missing. */
  public static Uni<TicketVisibility> of(
      TicketQueries queries,
      AccessPolicy policy,
      String idOrNumber,
      RequestContext context,
      Instant now) {
    Actor actor = context.actor();
    return TicketKeys.find(idOrNumber, queries::ref, queries::ref)
        .map(ref -> judge(policy, actor, ref, now));
  }

  /**
   * What {@code read} answers for the ticket named {@code idOrNumber} and whether its internal
   * items are shown, when the actor may see it; NOT_FOUND for one out of sight, exactly like a
   * missing one.
   */
  public static <T> Uni<Result<T>> read(
      TicketQueries queries,
      AccessPolicy policy,
      String idOrNumber,
      RequestContext context,
      Instant now,
      BiFunction<TicketRef, Boolean, Uni<T>> read) {
    return of(queries, policy, idOrNumber, context, now)
        .flatMap(
            seen ->
                seen.ticket().isEmpty()
                    ? Uni.createFrom()
                        .item(Result.err(ErrorCode.NOT_FOUND, "No ticket " + idOrNumber + "."))
                    : read.apply(seen.ticket().get(), seen.internal()).map(Result::ok));
  }

  static TicketVisibility judge(
      AccessPolicy policy, Actor actor, Optional<TicketRef> ref, Instant now) {
    Optional<TicketRef> visible =
        ref.filter(t -> policy.scope(actor).includes(t.requesterId(), t.ccIds(), t.groupId()));
    boolean internal =
        visible
            .map(
                t ->
                    policy.canSeeEvent(
                        actor,
                        t.requesterId(),
                        t.ccIds(),
                        t.groupId(),
                        new TicketEvent.InternalNoteAdded(t.id(), actor, now, ANY_NOTE).internal()))
            .orElse(false);
    return new TicketVisibility(visible, internal);
  }
}
