package dev.triage.domain.ticket;

import dev.triage.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a ticket came from: its channel and who typed it in. Set when the ticket is opened and
 * never changed. {@code createdBy} is empty for tickets opened before it was recorded (their
 * requester typed them in).
 */
public record TicketOrigin(Channel channel, Optional<UserId> createdBy) {

  /** A ticket its requester opened on the web, before who typed it in was recorded. */
  public static final TicketOrigin UNRECORDED = new TicketOrigin(Channel.WEB, Optional.empty());

  public TicketOrigin {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(createdBy, "createdBy");
  }

  /** Who typed the ticket in: {@link #createdBy}, else its requester. */
  public UserId createdBy(UserId requester) {
    return createdBy.orElse(requester);
  }
}
