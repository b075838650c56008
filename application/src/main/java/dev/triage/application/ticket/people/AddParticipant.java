package dev.triage.application.ticket.people;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.ticket.Participants;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds a participant to a ticket: a CC (staff or the requester; by account, or by e-mail and
 * display name for someone without an account yet, who gets one without a password) or a follower
 * (staff; by account).
 *
 * @param userId the account, as sent; null when an e-mail names the CC
 * @param email a CC's e-mail when no {@code userId} is sent
 * @param displayName the name of the account made for a new {@code email}
 */
public record AddParticipant(
    String ticket,
    Optional<Long> ifMatch,
    Participants.Kind kind,
    String userId,
    String email,
    String displayName)
    implements Command<TicketView> {

  public AddParticipant {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Access requiredAccess() {
    return kind == Participants.Kind.FOLLOWER ? Access.STAFF : Access.AUTHENTICATED;
  }
}
