package dev.triage.application.ticket.overdue;

import dev.triage.application.Page;
import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import dev.triage.application.ticket.list.TicketSummary;

/**
 * Which tickets have a running SLA clock past its due date, the longest overdue first? Staff only.
 *
 * @param position the decoded cursor of the previous page, if any
 */
public record ListOverdue(String limit, String position) implements Query<Page<TicketSummary>> {

  @Override
  public Access requiredAccess() {
    return Access.STAFF;
  }
}
