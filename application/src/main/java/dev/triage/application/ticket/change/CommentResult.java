package dev.triage.application.ticket.change;

import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.TicketView;
import java.util.Optional;

/**
 * What a new comment led to: the comment on the ticket, or (a reply to a CLOSED ticket) the
 * follow-up ticket that was opened with the reply as its description.
 */
public record CommentResult(Optional<CommentView> comment, Optional<TicketView> followUpTicket) {}
