package dev.triage.application.ticket.create;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.ticket.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Open a new ticket on behalf of the caller, who becomes its requester. */
public record CreateTicket(
    @NotBlank(message = "is required")
        @Size(min = 3, max = 200, message = "must be 3 to 200 characters")
        String title,
    @NotBlank(message = "is required")
        @Size(min = 1, max = 20_000, message = "must be 1 to 20000 characters")
        String description,
    Priority priority,
    @Size(min = 1, max = 60, message = "must be 1 to 60 characters") String category,
    @Size(max = 20, message = "at most 20 tags are allowed")
        List<
                @NotNull(message = "must not be null")
                @Size(min = 1, max = 40, message = "each tag must be 1 to 40 characters") String>
            tags)
    implements Command<TicketView> {}
