package dev.triage.application.field;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.List;

/**
 * An admin defines a custom ticket field. The key ({@code ^[a-z][a-z0-9_]{0,39}$}, unique) and the
 * type are fixed from then on; options are required for DROPDOWN and MULTI_SELECT and refused for
 * the other types. A flag left out is false ({@code visibleToCustomers}: true); {@code position}
 * null is 0.
 */
public record CreateTicketField(
    String key,
    String label,
    String type,
    List<String> options,
    Boolean requiredForCustomers,
    Boolean requiredForStaff,
    Boolean visibleToCustomers,
    Boolean editableByCustomers,
    Integer position)
    implements Command<TicketFieldView> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
