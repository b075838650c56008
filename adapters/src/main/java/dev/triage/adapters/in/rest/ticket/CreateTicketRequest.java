package dev.triage.adapters.in.rest.ticket;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Title;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tickets}. */
@Schema(
    name = "CreateTicket",
    description = "A new ticket; the caller becomes its requester, unless staff name another.")
public record CreateTicketRequest(
    @Schema(
            required = true,
            minLength = Title.MIN_LENGTH,
            maxLength = Title.MAX_LENGTH,
            examples = "Printer on fire")
        String title,
    @Schema(
            required = true,
            minLength = 1,
            maxLength = Description.MAX_LENGTH,
            examples = "Third floor, since 9:00.")
        String description,
    @Schema(
            description =
                "Defaults to the runtime settings' defaultPriority (MEDIUM unless an admin changed"
                    + " it). A customer may choose only the settings' customerPriorities.")
        Priority priority,
    @Schema(maxLength = Category.MAX_LENGTH, examples = "hardware") String category,
    @Schema(
            maxItems = Tags.MAX_COUNT,
            description = "Each 1 to " + Tags.MAX_LENGTH + " characters.")
        List<String> tags,
    @Schema(
            type = SchemaType.OBJECT,
            description =
                "Custom field values by key (GET /api/v1/ticket-fields); fields required of the"
                    + " caller must be given. 422 naming fields.<key> for a key or value the"
                    + " catalogue does not allow the caller.",
            additionalProperties = Schema.True.class)
        @JsonDeserialize(using = FieldsReader.class)
        Map<String, Object> fields,
    @Schema(
            format = "uuid",
            nullable = true,
            description =
                "The group the ticket belongs to (staff only: a customer naming one is refused"
                    + " with 403). Left out, the category's default group, if any. An agent"
                    + " restricted to their groups must name one of them.")
        String groupId,
    @Schema(
            format = "uuid",
            nullable = true,
            description =
                "Staff only (403 for a customer): the active customer the ticket is opened for."
                    + " Not with requester.")
        String requesterId,
    @Schema(
            nullable = true,
            description =
                "Staff only (403 for a customer): the customer the ticket is opened for, by"
                    + " email; an active customer with this email is used, else an account"
                    + " without a password is made for them. Not with requesterId.")
        Requester requester,
    @Schema(
            enumeration = {"web", "phone", "chat", "email", "api"},
            nullable = true,
            description = "How the ticket came in; web when left out")
        String channel,
    @Schema(
            maxItems = 10,
            nullable = true,
            description =
                "Upload tokens (POST /api/v1/uploads) of the caller's own files to attach to the"
                    + " ticket itself (seen by whoever sees the ticket). 422 naming attachments"
                    + " for one that is unknown, another's, attached already or expired.")
        List<String> attachments) {

  /** The customer a ticket is opened for, by email. */
  @Schema(name = "NewRequester")
  public record Requester(
      @Schema(required = true, maxLength = 254, examples = "ada@example.com") String email,
      @Schema(required = true, maxLength = 100, examples = "Ada Lovelace") String displayName) {}
}
