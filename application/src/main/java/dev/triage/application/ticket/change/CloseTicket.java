package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Close a ticket: admins close RESOLVED tickets; the requester accepts a resolution. */
public record CloseTicket(
    String ticket,
    Optional<Long> ifMatch,
    @Size(max = 1000, message = "must be at most 1000 characters") String reason)
    implements Command<TicketView> {}
