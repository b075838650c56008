package dev.triage.application.port;

import dev.triage.domain.ticket.LinkType;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Links between tickets (V30, ADR 25). A link is stored once, from the ticket it was made on, in
 * its forward kind; each ticket reads it in its own direction. Writes run on the command's session;
 * reads on the primary pool.
 */
public interface TicketLinks {

  /** A link as one ticket reads it: its kind in that direction and the other ticket. */
  record Link(
      UUID id,
      LinkType type,
      TicketId otherId,
      String otherNumber,
      UserId otherRequesterId,
      Optional<UUID> otherGroupId,
      Set<UserId> otherCcIds,
      Instant createdAt) {}

  /**
   * Stores a link from {@code source} to {@code target} of the forward kind {@code type}: the
   * target's number, or empty when the two tickets are linked so already (a RELATED link either
   * way).
   */
  Uni<Optional<String>> add(
      UUID id, TicketId source, TicketId target, LinkType type, UserId by, Instant at);

  /** Removes the link {@code id} if it touches {@code ticket}; the link as that ticket read it. */
  Uni<Optional<Link>> remove(TicketId ticket, UUID id);

  /** Every link of {@code ticket}, oldest first, as it reads them. */
  Uni<List<Link>> of(TicketId ticket);
}
