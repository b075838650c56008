package dev.triage.application.ticket.comments;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.port.TicketQueries.TicketRef;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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
    String key = idOrNumber == null ? "" : idOrNumber.strip();
    Uni<Optional<TicketRef>> found;
    if (TicketId.parse(key) instanceof Result.Ok<TicketId> id) {
      found = queries.ref(id.value());
    } else if (TicketNumber.parse(key) instanceof Result.Ok<TicketNumber> number) {
      found = queries.ref(number.value());
    } else {
      found = Uni.createFrom().item(Optional.empty());
    }
    Actor actor = context.actor();
    return found.map(ref -> judge(policy, actor, ref, now));
  }

  static TicketVisibility judge(
      AccessPolicy policy, Actor actor, Optional<TicketRef> ref, Instant now) {
    Optional<TicketRef> visible =
        ref.filter(t -> policy.scope(actor).includesRequester(t.requesterId()));
    boolean internal =
        visible
            .map(
                t ->
                    policy.canSeeEvent(
                        actor,
                        t.requesterId(),
                        new TicketEvent.InternalNoteAdded(t.id(), actor, now, ANY_NOTE)))
            .orElse(false);
    return new TicketVisibility(visible, internal);
  }
}
