package dev.triage.application.ticket.create;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.validation.CodePoints;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Title;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Open a new ticket on behalf of the caller, who becomes its requester, or (staff only) of the
 * customer {@code requesterId} names or {@code requester} describes (ADR 22); {@code fields} are
 * its custom field values by key (ADR 20); {@code channel} is how it came in (web when left out).
 *
 * @param groupId the group's id (staff only); null or empty for the category's default group, if
 *     any
 */
public record CreateTicket(
    @NotBlank(message = "is required") @CodePoints(min = Title.MIN_LENGTH, max = Title.MAX_LENGTH)
        String title,
    @NotBlank(message = "is required") @CodePoints(min = 1, max = Description.MAX_LENGTH)
        String description,
    Priority priority,
    @CodePoints(min = 1, max = Category.MAX_LENGTH) String category,
    @Size(max = Tags.MAX_COUNT, message = "at most {max} tags are allowed")
        List<
                @NotNull(message = "must not be null")
                @CodePoints(
                    min = 1,
                    max = Tags.MAX_LENGTH,
                    message = "each tag must be {min} to {max} characters")
                String>
            tags,
    Map<String, Object> fields,
    @CodePoints(max = 64, message = "must be at most {max} characters") String groupId,
    @CodePoints(max = 64, message = "must be at most {max} characters") String requesterId,
    @Valid NewRequester requester,
    @CodePoints(max = 16, message = "must be at most {max} characters") String channel,
    List<String> attachments)
    implements Command<TicketView> {

  /** Without attachments (ADR 29: upload tokens the new ticket claims). */
  public CreateTicket(
      String title,
      String description,
      Priority priority,
      String category,
      List<String> tags,
      Map<String, Object> fields,
      String groupId,
      String requesterId,
      NewRequester requester,
      String channel) {
    this(
        title,
        description,
        priority,
        category,
        tags,
        fields,
        groupId,
        requesterId,
        requester,
        channel,
        null);
  }

  /**
   * The customer staff open a ticket for who has no account yet: one without a password is made (it
   * can be claimed later); an existing customer with this email is used as they are.
   */
  public record NewRequester(
      @CodePoints(max = 320, message = "must be at most {max} characters") String email,
      @CodePoints(max = 200, message = "must be at most {max} characters") String displayName) {}

  /** A ticket the caller opens for themselves, by the web channel. */
  public CreateTicket(
      String title,
      String description,
      Priority priority,
      String category,
      List<String> tags,
      Map<String, Object> fields,
      String groupId) {
    this(title, description, priority, category, tags, fields, groupId, null, null, null);
  }

  /** True when staff open the ticket on someone else's behalf. */
  public boolean onBehalf() {
    return (requesterId != null && !requesterId.isEmpty()) || requester != null;
  }

  /** A ticket without custom fields, in its category's default group, if any. */
  public CreateTicket(
      String title, String description, Priority priority, String category, List<String> tags) {
    this(title, description, priority, category, tags, null, null);
  }

  /** A ticket in its category's default group, if any. */
  public CreateTicket(
      String title,
      String description,
      Priority priority,
      String category,
      List<String> tags,
      Map<String, Object> fields) {
    this(title, description, priority, category, tags, fields, null);
  }

  /** A ticket without custom fields. */
  public CreateTicket(
      String title,
      String description,
      Priority priority,
      String category,
      List<String> tags,
      String groupId) {
    this(title, description, priority, category, tags, null, groupId);
  }
}
