package dev.triage.application.ticket.find;

import dev.triage.application.bus.Query;
import dev.triage.application.ticket.TicketView;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Which ticket has this id (a UUID) or this number ({@code TCK-2026-000042})? */
public record FindTicket(@NotBlank @Size(max = 64) String idOrNumber)
    implements Query<TicketView> {}
