package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.validation.CodePoints;
import dev.triage.domain.ticket.Ticket;
import java.util.Optional;

/** Close a ticket: admins close RESOLVED tickets; the requester accepts a resolution. */
public record CloseTicket(
    String ticket,
    Optional<Long> ifMatch,
    @CodePoints(max = Ticket.MAX_REASON_LENGTH, message = "must be at most {max} characters")
        String reason)
    implements Command<TicketView> {}
