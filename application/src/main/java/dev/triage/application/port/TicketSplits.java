package dev.triage.application.port;

import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Comments split into tickets (ADR 30); on the command's session. */
public interface TicketSplits {

  /**
   * Marks the comment {@code comment} of {@code ticket} as split into {@code into}; false when it
   * was split already.
   */
  Uni<Boolean> markSplit(TicketId ticket, CommentId comment, TicketId into);

  /** The ticket the comment {@code comment} was split into, if it was. */
  Uni<Optional<TicketId>> splitInto(CommentId comment);
}
