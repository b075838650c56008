package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.validation.CodePoints;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;

/** Move a ticket to another status, as the lifecycle allows for the caller. */
public record ChangeStatus(
    String ticket,
    Optional<Long> ifMatch,
    @NotNull(message = "is required") Status status,
    @CodePoints(max = Ticket.MAX_REASON_LENGTH, message = "must be at most {max} characters")
        String reason)
    implements Command<TicketView> {}
