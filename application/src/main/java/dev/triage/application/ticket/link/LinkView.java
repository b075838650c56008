package dev.triage.application.ticket.link;

import dev.triage.application.port.TicketLinks;
import dev.triage.domain.ticket.LinkType;
import java.time.Instant;
import java.util.UUID;

/** A link as one ticket reads it: its kind in that direction and the other ticket. */
public record LinkView(
    UUID id, LinkType type, UUID ticketId, String ticketNumber, Instant createdAt) {

  static LinkView of(TicketLinks.Link l) {
    return new LinkView(l.id(), l.type(), l.otherId().value(), l.otherNumber(), l.createdAt());
  }
}
