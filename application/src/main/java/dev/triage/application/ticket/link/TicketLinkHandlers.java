package dev.triage.application.ticket.link;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketLinks;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.TicketKeys;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.application.ticket.comments.TicketVisibility;
import dev.triage.domain.access.AccessPolicy;
import dev.triage.domain.access.TicketScope;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.ticket.LinkType;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** The handlers of ticket links (ADR 25). */
public final class TicketLinkHandlers {

  private TicketLinkHandlers() {}

  /**
   * Links two tickets: the ticket of the path is locked and gets a {@code TicketLinked} event
   * (staff only), the link is stored once; the other ticket must be one the caller sees (422 {@code
   * ticketId} otherwise, as for one that does not exist). Linking two tickets the same way twice is
   * 409.
   */
  public static final class Add implements Handler<AddTicketLink, LinkView> {

    private final TicketUpdates updates;
    private final TicketQueries queries;
    private final TicketLinks links;
    private final AccessPolicy policy;
    private final RandomGenerator random;

    public Add(
        TicketUpdates updates,
        TicketQueries queries,
        TicketLinks links,
        AccessPolicy policy,
        RandomGenerator random) {
      this.updates = updates;
      this.queries = queries;
      this.links = links;
      this.policy = policy;
      this.random = random;
    }

    @Override
    public Uni<Result<LinkView>> handle(AddTicketLink c, RequestContext context) {
      Optional<LinkType> type = LinkType.parseForward(c.type());
      if (type.isEmpty()) {
        return Uni.createFrom()
            .item(Result.invalid("type", "must be RELATED, DUPLICATE_OF or CAUSED_BY"));
      }
      if (c.otherTicket() == null || c.otherTicket().isBlank()) {
        return Uni.createFrom().item(Result.invalid("ticketId", "is required"));
      }
      Actor actor = context.actor();
      return Results.then(
          updates.load(c.ticket(), c.ifMatch(), context),
          ticket ->
              Results.then(
                  ticket.checkLink(actor),
                  checked ->
                      TicketKeys.find(c.otherTicket(), queries::ref, queries::ref)
                          .flatMap(
                              other -> {
                                TicketScope scope = policy.scope(actor);
                                if (other.isEmpty()
                                    || !scope.includes(
                                        other.get().requesterId(),
                                        other.get().ccIds(),
                                        other.get().groupId())) {
                                  return Uni.createFrom()
                                      .item(
                                          Result.<LinkView>invalid(
                                              "ticketId", "must name a ticket you can see"));
                                }
                                return link(ticket, other.get(), type.get(), context);
                              })));
    }

    private Uni<Result<LinkView>> link(
        Ticket ticket, TicketQueries.TicketRef other, LinkType type, RequestContext context) {
      var now = updates.now();
      UUID id = Uuids.v7(now, random);
      return Results.then(
          ticket.link(context.actor(), id, other.id(), type, now),
          change ->
              links
                  .add(id, ticket.id(), other.id(), type, context.actor().id(), now)
                  .flatMap(
                      added -> {
                        if (added.isEmpty()) {
                          return Uni.createFrom()
                              .item(
                                  Result.<LinkView>err(
                                      ErrorCode.CONFLICT, "The tickets are linked so already."));
                        }
                        return Results.map(
                            updates.save(ticket, change, context),
                            view -> new LinkView(id, type, other.id().value(), added.get(), now));
                      }));
    }
  }

  /** Removes a link (a {@code TicketUnlinked} event on the ticket of the path). */
  public static final class Remove implements Handler<RemoveTicketLink, TicketView> {

    private final TicketUpdates updates;
    private final TicketLinks links;

    public Remove(TicketUpdates updates, TicketLinks links) {
      this.updates = updates;
      this.links = links;
    }

    @Override
    public Uni<Result<TicketView>> handle(RemoveTicketLink c, RequestContext context) {
      Optional<UUID> id = Uuids.parse(c.linkId() == null ? "" : c.linkId());
      if (id.isEmpty()) {
        return Uni.createFrom().item(Result.invalid("linkId", "must be a link id"));
      }
      return Results.then(
          updates.load(c.ticket(), c.ifMatch(), context),
          ticket ->
              Results.then(
                  ticket.checkLink(context.actor()),
                  checked ->
                      links
                          .remove(ticket.id(), id.get())
                          .flatMap(
                              removed ->
                                  removed.isPresent()
                                          && !removed.get().type().forward()
                                          && removed.get().type() != LinkType.DUPLICATED_BY
                                          && removed.get().type() != LinkType.CAUSES
                                      ? Uni.createFrom()
                                          .item(
                                              Result.<TicketView>err(
                                                  ErrorCode.CONFLICT,
                                                  "A merge's link stays: a merge is not undone."))
                                      : removed.isEmpty()
                                          ? Uni.createFrom()
                                              .item(
                                                  Result.<TicketView>err(
                                                      ErrorCode.NOT_FOUND,
                                                      "Ticket "
                                                          + ticket.number()
                                                          + " has no link "
                                                          + id.get()
                                                          + "."))
                                          : Results.then(
                                              ticket.unlink(
                                                  context.actor(),
                                                  id.get(),
                                                  removed.get().otherId(),
                                                  removed.get().type(),
                                                  updates.now()),
                                              change -> updates.save(ticket, change, context)))));
    }
  }

  /** Lists a ticket's links: only those to tickets the caller can see. */
  public static final class ListLinks implements Handler<ListTicketLinks, List<LinkView>> {

    private final TicketQueries queries;
    private final TicketLinks links;
    private final AccessPolicy policy;
    private final Clock clock;

    public ListLinks(TicketQueries queries, TicketLinks links, AccessPolicy policy, Clock clock) {
      this.queries = queries;
      this.links = links;
      this.policy = policy;
      this.clock = clock;
    }

    @Override
    public Uni<Result<List<LinkView>>> handle(ListTicketLinks q, RequestContext context) {
      TicketScope scope = policy.scope(context.actor());
      return TicketVisibility.read(
          queries,
          policy,
          q.ticket(),
          context,
          clock.instant(),
          (ref, internal) ->
              links
                  .of(ref.id())
                  .map(
                      all ->
                          all.stream()
                              .filter(
                                  l ->
                                      scope.includes(
                                          l.otherRequesterId(), l.otherCcIds(), l.otherGroupId()))
                              .map(LinkView::of)
                              .toList()));
    }
  }
}
