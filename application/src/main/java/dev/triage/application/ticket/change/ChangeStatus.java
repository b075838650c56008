package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.ticket.Status;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Move a ticket to another status, as the lifecycle allows for the caller. */
public record ChangeStatus(
    String ticket,
    Optional<Long> ifMatch,
    @NotNull(message = "is required") Status status,
    @Size(max = 1000, message = "must be at most 1000 characters") String reason)
    implements Command<TicketView> {}
