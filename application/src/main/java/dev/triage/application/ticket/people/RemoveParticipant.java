package dev.triage.application.ticket.people;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.ticket.Participants;
import java.util.Objects;
import java.util.Optional;

/**
 * Removes a participant from a ticket: a CC (staff, the requester, or the CC themself) or a
 * follower (staff). The removed CC loses access at once.
 */
public record RemoveParticipant(
    String ticket, Optional<Long> ifMatch, Participants.Kind kind, String userId)
    implements Command<TicketView> {

  public RemoveParticipant {
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public Access requiredAccess() {
    return kind == Participants.Kind.FOLLOWER ? Access.STAFF : Access.AUTHENTICATED;
  }
}
