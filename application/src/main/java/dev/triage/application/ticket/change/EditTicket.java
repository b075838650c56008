package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.ticket.Priority;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Change a ticket's title, description (requester while OPEN; staff until CLOSED), category, tags
 * or priority (staff). A null field is left as it is. {@code fields} sets custom field values by
 * key (a null value clears one; keys not given are kept), as the catalogue allows the caller.
 */
public record EditTicket(
    String ticket,
    Optional<Long> ifMatch,
    String title,
    String description,
    String category,
    List<String> tags,
    Priority priority,
    Map<String, Object> fields)
    implements Command<TicketView> {

  /** An edit of no custom field. */
  public EditTicket(
      String ticket,
      Optional<Long> ifMatch,
      String title,
      String description,
      String category,
      List<String> tags,
      Priority priority) {
    this(ticket, ifMatch, title, description, category, tags, priority, null);
  }
}
