package dev.triage.application.field;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/**
 * Which custom fields may a ticket have? The active fields by position (customers: those visible to
 * customers), or with {@code all} (staff only) the retired ones too.
 */
public record ListTicketFields(boolean all) implements Query<List<TicketFieldView>> {

  @Override
  public Access requiredAccess() {
    return all ? Access.STAFF : Access.AUTHENTICATED;
  }
}
