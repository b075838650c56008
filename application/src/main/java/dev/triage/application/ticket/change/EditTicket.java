package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.ticket.Priority;
import java.util.List;
import java.util.Optional;

/**
 * Change a ticket's title, description (requester while OPEN; staff until CLOSED), category, tags
 * or priority (staff). A null field is left as it is.
 */
public record EditTicket(
    String ticket,
    Optional<Long> ifMatch,
    String title,
    String description,
    String category,
    List<String> tags,
    Priority priority)
    implements Command<TicketView> {}
