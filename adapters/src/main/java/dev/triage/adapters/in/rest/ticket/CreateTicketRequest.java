package dev.triage.adapters.in.rest.ticket;

import dev.triage.domain.ticket.Priority;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tickets}. */
@Schema(name = "CreateTicket", description = "A new ticket; the caller becomes its requester.")
public record CreateTicketRequest(
    @Schema(required = true, minLength = 3, maxLength = 200, examples = "Printer on fire")
        String title,
    @Schema(
            required = true,
            minLength = 1,
            maxLength = 20000,
            examples = "Third floor, since 9:00.")
        String description,
    @Schema(description = "Defaults to MEDIUM.") Priority priority,
    @Schema(maxLength = 60, examples = "hardware") String category,
    @Schema(maxItems = 20, description = "Each 1 to 40 characters.") List<String> tags) {}
