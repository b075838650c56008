package dev.triage.application.field;

import dev.triage.application.port.TicketFields;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.FieldType;
import java.util.List;
import java.util.UUID;

/** A custom field's definition as the API and the audit trail show it. */
public record TicketFieldView(
    UUID id,
    String key,
    String label,
    FieldType type,
    List<String> options,
    boolean requiredForCustomers,
    boolean requiredForStaff,
    boolean visibleToCustomers,
    boolean editableByCustomers,
    int position,
    boolean active,
    long version) {

  /** The audited entity type of custom fields. */
  public static final String ENTITY = "TicketField";

  public static TicketFieldView of(TicketFields.Stored stored) {
    FieldDefinition d = stored.definition();
    return new TicketFieldView(
        stored.id(),
        d.key(),
        d.label(),
        d.type(),
        d.options(),
        d.requiredForCustomers(),
        d.requiredForStaff(),
        d.visibleToCustomers(),
        d.editableByCustomers(),
        d.position(),
        d.active(),
        stored.version());
  }
}
