package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.validation.CodePoints;
import dev.triage.domain.ticket.Priority;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Change a ticket's title, description (requester while OPEN; staff until CLOSED), category, tags,
 * priority, group or assignee (staff). A null field is left as it is. {@code fields} sets custom
 * field values by key (a null value clears one; keys not given are kept), as the catalogue allows
 * the caller.
 *
 * @param groupId null: left as it is; empty: out of any group; else a group's id
 * @param assigneeId a user's id, checked against the group the edit leaves the ticket in
 */
public record EditTicket(
    String ticket,
    Optional<Long> ifMatch,
    String title,
    String description,
    String category,
    List<String> tags,
    Priority priority,
    Map<String, Object> fields,
    Optional<@CodePoints(max = 64, message = "must be at most {max} characters") String> groupId,
    @CodePoints(max = 64, message = "must be at most {max} characters") String assigneeId)
    implements Command<TicketView> {

  /** An edit of the ticket's own fields: no custom field, neither group nor assignee. */
  public EditTicket(
      String ticket,
      Optional<Long> ifMatch,
      String title,
      String description,
      String category,
      List<String> tags,
      Priority priority) {
    this(ticket, ifMatch, title, description, category, tags, priority, null, null, null);
  }

  /** An edit of the ticket's own and custom fields, neither group nor assignee. */
  public EditTicket(
      String ticket,
      Optional<Long> ifMatch,
      String title,
      String description,
      String category,
      List<String> tags,
      Priority priority,
      Map<String, Object> fields) {
    this(ticket, ifMatch, title, description, category, tags, priority, fields, null, null);
  }

  /** An edit of no custom field. */
  public EditTicket(
      String ticket,
      Optional<Long> ifMatch,
      String title,
      String description,
      String category,
      List<String> tags,
      Priority priority,
      Optional<String> groupId,
      String assigneeId) {
    this(ticket, ifMatch, title, description, category, tags, priority, null, groupId, assigneeId);
  }
}
