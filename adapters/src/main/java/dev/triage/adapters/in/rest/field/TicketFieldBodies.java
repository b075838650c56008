package dev.triage.adapters.in.rest.field;

import dev.triage.application.field.TicketFieldView;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.FieldType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the custom field endpoints (field names are part of the contract). */
final class TicketFieldBodies {

  private TicketFieldBodies() {}

  @Schema(
      name = "TicketFieldRequest",
      description =
          "A custom ticket field. To create one, key, label and type are required (options too"
              + " for DROPDOWN and MULTI_SELECT); to change one, every part may be left out (it"
              + " stays as it is), and key and type cannot change.")
  record TicketFieldRequest(
      @Schema(
              pattern = "^[a-z][a-z0-9_]{0,39}$",
              description = "Unique and fixed once created",
              examples = "contract_tier")
          String key,
      @Schema(maxLength = FieldDefinition.MAX_LABEL_LENGTH, examples = "Contract tier")
          String label,
      @Schema(
              description = "Fixed once created",
              enumeration = {
                "TEXT",
                "LONG_TEXT",
                "INTEGER",
                "DECIMAL",
                "DATE",
                "CHECKBOX",
                "DROPDOWN",
                "MULTI_SELECT"
              })
          String type,
      @Schema(
              maxItems = FieldDefinition.MAX_OPTIONS,
              description =
                  "DROPDOWN and MULTI_SELECT only: 1 to 100 distinct options of 1 to 100"
                      + " characters. On a change, the list replaces the options; a removed"
                      + " option stays readable on the tickets that have it.")
          List<String> options,
      @Schema(description = "Customers must give it when they open a ticket (default false)")
          Boolean requiredForCustomers,
      @Schema(description = "Staff must give it when they open a ticket (default false)")
          Boolean requiredForStaff,
      @Schema(
              description =
                  "Customers see its values (default true); false makes it staff-only: its"
                      + " values never reach customers")
          Boolean visibleToCustomers,
      @Schema(description = "Customers may set it when they see it (default false)")
          Boolean editableByCustomers,
      @Schema(description = "Where forms show it, smallest first (default 0)") Integer position,
      @Schema(
              description =
                  "Changes only: false retires the field (no longer offered nor accepted; the"
                      + " values tickets have stay)")
          Boolean active) {}

  @Schema(name = "TicketField")
  record TicketFieldResponse(
      UUID id,
      @Schema(examples = "contract_tier") String key,
      @Schema(examples = "Contract tier") String label,
      FieldType type,
      List<String> options,
      boolean requiredForCustomers,
      boolean requiredForStaff,
      boolean visibleToCustomers,
      boolean editableByCustomers,
      int position,
      boolean active,
      @Schema(description = "The field's version: its ETag, to send back as If-Match")
          long version) {

    static TicketFieldResponse of(TicketFieldView v) {
      return new TicketFieldResponse(
          v.id(),
          v.key(),
          v.label(),
          v.type(),
          v.options(),
          v.requiredForCustomers(),
          v.requiredForStaff(),
          v.visibleToCustomers(),
          v.editableByCustomers(),
          v.position(),
          v.active(),
          v.version());
    }
  }

  @Schema(name = "TicketFieldList", description = "The whole catalogue by position, in one page")
  record TicketFieldList(
      List<TicketFieldResponse> items,
      @Schema(nullable = true, description = "Always null: the catalogue comes in one page")
          String nextCursor) {}
}
