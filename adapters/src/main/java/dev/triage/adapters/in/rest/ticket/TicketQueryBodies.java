package dev.triage.adapters.in.rest.ticket;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.triage.adapters.in.rest.attachment.AttachmentBodies.AttachmentItem;
import dev.triage.application.ticket.CommentView;
import dev.triage.application.ticket.list.TicketSummary;
import dev.triage.application.ticket.timeline.TimelineEntry;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the ticket lists, comments and timeline (field names are the contract). */
final class TicketQueryBodies {

  private TicketQueryBodies() {}

  @Schema(
      name = "TicketSummary",
      description = "One line of a ticket list: no description, comments or SLA explanation.")
  record SummaryResponse(
      UUID id,
      @Schema(example = "TCK-2026-000042") String number,
      String title,
      Priority priority,
      Status status,
      UUID requesterId,
      @Schema(nullable = true) UUID assigneeId,
      Instant createdAt,
      Instant updatedAt,
      @Schema(
              nullable = true,
              description = "The earlier due date of the running SLA clocks; null when none runs")
          Instant slaDueAt,
      int escalationLevel,
      @Schema(description = "A running SLA clock is past its due date") boolean overdue,
      @Schema(nullable = true, description = "The ticket's group (staff only; null for none)")
          UUID groupId) {

    static SummaryResponse of(TicketSummary t) {
      return new SummaryResponse(
          t.id(),
          t.number(),
          t.title(),
          t.priority(),
          t.status(),
          t.requesterId(),
          t.assigneeId().orElse(null),
          t.createdAt(),
          t.updatedAt(),
          t.slaDueAt().orElse(null),
          t.escalationLevel(),
          t.overdue(),
          t.groupId().orElse(null));
    }
  }

  @Schema(name = "TicketPage")
  record SummaryPage(
      List<SummaryResponse> items,
      @Schema(nullable = true, description = "Pass as `cursor` for the next page; null at the end")
          String nextCursor) {}

  @Schema(
      name = "CommentListItem",
      description = "A comment; a redacted one has an empty body and says who erased it and when.")
  record CommentItem(
      UUID id,
      UUID ticketId,
      UUID authorId,
      String body,
      boolean internal,
      Instant createdAt,
      boolean redacted,
      @Schema(nullable = true) UUID redactedBy,
      @Schema(nullable = true) Instant redactedAt,
      @Schema(
              nullable = true,
              description =
                  "The ticket staff split this comment into (it stays here too); null when it was"
                      + " not split")
          UUID splitIntoId,
      @Schema(description = "Its files; an internal note's are as internal as the note")
          List<AttachmentItem> attachments) {

    static CommentItem of(CommentView c) {
      return new CommentItem(
          c.id(),
          c.ticketId(),
          c.authorId(),
          c.body(),
          c.internal(),
          c.createdAt(),
          c.redactedAt().isPresent(),
          c.redactedBy().orElse(null),
          c.redactedAt().orElse(null),
          c.splitIntoId().orElse(null),
          AttachmentItem.all(c.attachments()));
    }
  }

  @Schema(name = "CommentPage")
  record CommentPage(List<CommentItem> items, @Schema(nullable = true) String nextCursor) {}

  @Schema(name = "TimelineEvent", description = "One event of a ticket, as recorded.")
  record EventItem(
      @Schema(description = "Position in the order events were recorded") long sequence,
      UUID eventId,
      @Schema(example = "StatusChanged") String type,
      @Schema(description = "Staff only") boolean internal,
      UUID actorId,
      Instant occurredAt,
      @Schema(
              type = SchemaType.OBJECT,
              description = "The event's recorded fields; events never carry comment text")
          @JsonRawValue
          String data) {

    static EventItem of(TimelineEntry e) {
      return new EventItem(
          e.sequence(), e.eventId(), e.type(), e.internal(), e.actorId(), e.occurredAt(), e.data());
    }
  }

  @Schema(name = "TimelinePage")
  record EventPage(List<EventItem> items, @Schema(nullable = true) String nextCursor) {}
}
