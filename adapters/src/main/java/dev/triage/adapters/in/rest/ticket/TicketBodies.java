package dev.triage.adapters.in.rest.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.triage.adapters.in.rest.attachment.AttachmentBodies.AttachmentItem;
import dev.triage.application.ticket.CommentView;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.Title;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the ticket commands (field names are part of the contract). */
final class TicketBodies {

  private TicketBodies() {}

  @Schema(name = "EditTicket", description = "Any subset; a field left out stays as it is.")
  record EditRequest(
      @Schema(minLength = Title.MIN_LENGTH, maxLength = Title.MAX_LENGTH) String title,
      @Schema(minLength = 1, maxLength = Description.MAX_LENGTH) String description,
      @Schema(description = "Staff only; an empty string removes it.") String category,
      @Schema(description = "Staff only.") List<String> tags,
      @Schema(description = "Staff only; recomputes the due dates from creation.")
          Priority priority,
      @Schema(
              type = SchemaType.OBJECT,
              description =
                  "Custom field values by key (GET /api/v1/ticket-fields); a null value clears"
                      + " one, keys left out are kept. 422 naming fields.<key> for a key or value"
                      + " the catalogue does not allow the caller.",
              additionalProperties = Schema.True.class)
          @JsonDeserialize(using = FieldsReader.class)
          Map<String, Object> fields,
      @Schema(
              implementation = String.class,
              format = "uuid",
              nullable = true,
              description =
                  "Staff only: the group's id, or null to take the ticket out of any group"
                      + " (GroupChanged, internal). Refused with 409 FIELD_LOCKED while the"
                      + " groupId is locked.")
          JsonNode groupId,
      @Schema(
              format = "uuid",
              description =
                  "Staff only: assigns the ticket as the assign operation does, but checked"
                      + " against the group this edit leaves it in, so one edit can move a"
                      + " ticket to a group and give it to one of its members.")
          String assigneeId) {}

  @Schema(name = "ChangeStatus")
  record StatusRequest(@Schema(required = true) Status status, String reason) {}

  @Schema(name = "Assign")
  record AssignRequest(@Schema(required = true) String assigneeId) {}

  @Schema(name = "AddTags")
  record TagsRequest(
      @Schema(
              required = true,
              description = "Tags to add: 1 to 40 characters each, stored lower case",
              examples = "[\"billing\", \"vip\"]")
          List<String> tags) {}

  @Schema(name = "LockFields")
  record LocksRequest(
      @Schema(
              required = true,
              description = "Fields to lock: priority, category, groupId, assigneeId",
              examples = "[\"priority\", \"assigneeId\"]")
          List<String> fields) {}

  @Schema(name = "Reason")
  record ReasonRequest(@Schema(maxLength = Ticket.MAX_REASON_LENGTH) String reason) {}

  @Schema(name = "AddComment")
  record CommentRequest(
      @Schema(required = true, maxLength = Comment.MAX_LENGTH) String body,
      @Schema(description = "An internal note (staff only); defaults to a public reply.")
          Boolean internal,
      @Schema(
              maxItems = 10,
              description =
                  "Upload tokens (POST /api/v1/uploads) of the caller's own files to attach, at"
                      + " most TRIAGE_ATTACHMENTS_MAX_PER_COMMENT (10 by default); a note's files"
                      + " are as internal as the note. 422 naming attachments for one that is"
                      + " unknown, another's, attached already or expired.")
          List<String> attachments) {}

  @Schema(
      name = "Comment",
      description =
          "A comment; a reply to a CLOSED ticket answers with followUpTicket instead, the new"
              + " ticket that holds the reply.")
  record CommentResponse(
      UUID id,
      UUID ticketId,
      UUID authorId,
      String body,
      Boolean internal,
      Instant createdAt,
      UUID redactedBy,
      Instant redactedAt,
      TicketResponse followUpTicket,
      @Schema(
              nullable = true,
              description =
                  "The ticket staff split this comment into (it stays here too); null when it was"
                      + " not split")
          UUID splitIntoId,
      @Schema(description = "Its files") List<AttachmentItem> attachments) {

    static CommentResponse of(CommentView c) {
      return new CommentResponse(
          c.id(),
          c.ticketId(),
          c.authorId(),
          c.body(),
          c.internal(),
          c.createdAt(),
          c.redactedBy().orElse(null),
          c.redactedAt().orElse(null),
          null,
          c.splitIntoId().orElse(null),
          AttachmentItem.all(c.attachments()));
    }

    static CommentResponse followUp(TicketResponse ticket) {
      return new CommentResponse(
          null, null, null, null, null, null, null, null, ticket, null, List.of());
    }
  }
}
