package dev.triage.application.field;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Command;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An admin changes a custom field; a part left out ({@code null}) stays as it is. The options given
 * replace the list (an option removed stays readable on the tickets that have it, and is no longer
 * accepted); {@code active} false retires the field.
 *
 * @param ifMatch the version the admin last read; empty for whatever is current
 */
public record ChangeTicketField(
    String fieldId,
    Optional<Long> ifMatch,
    String label,
    List<String> options,
    Boolean requiredForCustomers,
    Boolean requiredForStaff,
    Boolean visibleToCustomers,
    Boolean editableByCustomers,
    Integer position,
    Boolean active)
    implements Command<TicketFieldView> {

  public ChangeTicketField {
    Objects.requireNonNull(ifMatch, "ifMatch");
  }

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
