package dev.triage.application.ticket.list;

import dev.triage.application.Page;
import dev.triage.application.bus.Query;
import java.util.List;

/**
 * Which tickets match these filters, in this order, after this position? Parameters arrive as the
 * client sent them; the handler reads them and names every one it cannot use. Absent ones are null
 * (or an empty list for {@code status}).
 *
 * @param assignee {@code me}, {@code none} or a user id
 * @param tag tags the tickets must all have (the parameter repeated)
 * @param position the decoded cursor of the previous page, if any
 * @param group {@code mine}, {@code none} or a group's id
 */
public record ListTickets(
    List<String> status,
    String priority,
    String assignee,
    String requester,
    String overdue,
    String escalated,
    String createdAfter,
    String createdBefore,
    String q,
    List<String> tag,
    String sort,
    String limit,
    String position,
    String group)
    implements Query<Page<TicketSummary>> {

  /** A list that does not filter by group. */
  public ListTickets(
      List<String> status,
      String priority,
      String assignee,
      String requester,
      String overdue,
      String escalated,
      String createdAfter,
      String createdBefore,
      String q,
      List<String> tag,
      String sort,
      String limit,
      String position) {
    this(
        status,
        priority,
        assignee,
        requester,
        overdue,
        escalated,
        createdAfter,
        createdBefore,
        q,
        tag,
        sort,
        limit,
        position,
        null);
  }

  public ListTickets {
    status = status == null ? List.of() : List.copyOf(status);
    tag = tag == null ? List.of() : List.copyOf(tag);
  }
}
