package dev.triage.application.live;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.LiveEvents;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opens a live stream for the caller: only events the access policy lets them see (a customer: the
 * public events of their own tickets). A ticket they may not see is answered like a missing one,
 * before anything streams.
 */
public final class WatchEventsHandler implements Handler<WatchEvents, Multi<LiveEvent>> {

  private final LiveEvents live;
  private final TicketLookup lookup;
  private final AccessPolicy access;

  public WatchEventsHandler(LiveEvents live, TicketLookup lookup, AccessPolicy access) {
    this.live = live;
    this.lookup = lookup;
    this.access = access;
  }

  @Override
  public Uni<Result<Multi<LiveEvent>>> handle(WatchEvents query, RequestContext context) {
    Actor actor = context.actor();
    OptionalLong after = OptionalLong.empty();
    if (query.resume().isPresent()) {
      Result<Long> position = position(query.resume().get());
      if (position instanceof Result.Err<Long> refused) {
        return Uni.createFrom().item(refused.cast());
      }
      after = OptionalLong.of(position.orElseThrow());
    }
    OptionalLong resumeAfter = after;
    if (query.ticket().isEmpty()) {
      return Uni.createFrom().item(Result.ok(visible(actor, resumeAfter, Optional.empty())));
    }
    return lookup.find(
        query.ticket().get(),
        context,
        ticket -> visible(actor, resumeAfter, Optional.of(ticket.id().value())));
  }

  /** The position a client resumes after: the id of an event it received, never negative. */
  static Result<Long> position(String resume) {
    long position;
    try {
      position = Long.parseLong(resume.strip());
    } catch (NumberFormatException notANumber) {
      return Result.err(
          ErrorCode.MALFORMED_REQUEST, "Last-Event-ID must be the id of an event received before.");
    }
    return position < 0
        ? Result.invalid("after", "must be greater than or equal to 0")
        : Result.ok(position);
  }

  private Multi<LiveEvent> visible(Actor actor, OptionalLong after, Optional<UUID> ticket) {
    // Staff see every event (a restricted agent those of their groups' tickets); anyone else the
    // public events of the tickets they opened or are a CC of (as the ticket is at each event).
    LiveAudience audience =
        actor.isStaff()
            ? new LiveAudience(ticket, Optional.empty(), true, access.scope(actor).onlyGroups())
            : new LiveAudience(ticket, Optional.of(actor.id().value()), false);
    return live.stream(after, audience)
        .select()
        .where(
            e ->
                audience.includes(e)
                    && access.canSeeEvent(
                        actor,
                        new UserId(e.requesterId()),
                        e.ccIds().stream().map(UserId::new).collect(Collectors.toSet()),
                        e.groupId(),
                        e.internal()));
  }
}
