package dev.triage.application.port;

import dev.triage.domain.ticket.TicketId;
import io.smallrye.mutiny.Uni;

/** What a merge writes besides the two tickets (ADR 30); on the command's session. */
public interface TicketMerges {

  /**
   * Copies every comment of {@code source} into {@code target}'s conversation, with its author,
   * role, time, visibility and redaction, and its files (each a file of the copy, sharing the
   * original's bytes), in one statement; answers how many comments were copied.
   */
  Uni<Integer> copyComments(TicketId source, TicketId target);
}
