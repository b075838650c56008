package dev.triage.adapters.in.rest.ticket;

import dev.triage.application.ticket.TicketView;
import dev.triage.domain.sla.ClockStatus;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ticket as the API shows it (field names are part of the contract). */
@Schema(name = "Ticket")
public record TicketResponse(
    UUID id,
    @Schema(examples = "TCK-2026-000042") String number,
    String title,
    String description,
    Priority priority,
    Status status,
    String category,
    List<String> tags,
    UUID requesterId,
    UUID assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Instant firstRespondedAt,
    Instant resolvedAt,
    Instant closedAt,
    int escalationLevel,
    long version,
    Sla sla,
    @Schema(
            description =
                "Fields an admin locked: a command that would change one is refused (409,"
                    + " FIELD_LOCKED)",
            examples = "[\"priority\"]")
        List<String> locks,
    @Schema(
            description =
                "Custom field values by key (ADR 20), those the caller may see; a field without"
                    + " a value is left out",
            additionalProperties = Schema.True.class)
        Map<String, Object> fields,
    @Schema(
            nullable = true,
            description =
                "The group the ticket belongs to (staff only; null for none, and always for"
                    + " customers)")
        UUID groupId,
    @Schema(description = "The customers copied on the ticket (CCs), in the order they were added")
        List<UUID> ccIds,
    @Schema(
            nullable = true,
            description =
                "The staff who follow the ticket, in the order they were added (staff only; null"
                    + " for customers)")
        List<UUID> followerIds,
    @Schema(
            enumeration = {"web", "phone", "chat", "email", "api"},
            description = "The channel the ticket came in by")
        String channel,
    @Schema(
            nullable = true,
            description =
                "Who typed the ticket in: its requester, or staff who opened it on their behalf"
                    + " (staff only; always null for customers)")
        UUID createdById,
    @Schema(
            nullable = true,
            description =
                "Until when staff snoozed the ticket: it leaves the default staff lists until then"
                    + " or until the requester replies (null when not snoozed; staff only, always"
                    + " null for customers)")
        Instant snoozedUntil,
    @Schema(
            nullable = true,
            description =
                "The ticket this one was merged into (it is CLOSED; its conversation goes on"
                    + " there); null when it was not merged")
        UUID mergedIntoId) {

  /**
   * The service-level clocks and the policy version they are measured against. {@code nextReply} is
   * present while the requester waits for a public staff reply (from their public reply to the next
   * public staff reply) and null otherwise.
   */
  @Schema(name = "TicketSla")
  public record Sla(Policy policy, Clock firstResponse, Clock resolution, Clock nextReply) {}

  /** The SLA policy version a ticket is measured against (ADR 17). */
  @Schema(name = "TicketSlaPolicy")
  public record Policy(UUID id, String name, int version) {
    static Policy of(SlaPolicyRef ref) {
      return new Policy(ref.id().value(), ref.name(), ref.version());
    }
  }

  /**
   * One clock: when it is due, business seconds elapsed and remaining, whether it is paused
   * (PENDING_CUSTOMER), breached, and when it stopped.
   */
  @Schema(name = "SlaClock")
  public record Clock(
      Instant dueAt,
      long elapsedSeconds,
      long remainingSeconds,
      boolean paused,
      boolean breached,
      Instant stoppedAt) {
    static Clock of(ClockStatus c) {
      return new Clock(
          c.dueAt(),
          c.elapsedSeconds(),
          c.remainingSeconds(),
          c.paused(),
          c.breached(),
          c.stoppedAt().orElse(null));
    }
  }

  static TicketResponse of(TicketView v) {
    return new TicketResponse(
        v.id().value(),
        v.number().value(),
        v.title(),
        v.description(),
        v.priority(),
        v.status(),
        v.category().orElse(null),
        v.tags(),
        v.requesterId().value(),
        v.assigneeId().map(UserId::value).orElse(null),
        v.createdAt(),
        v.updatedAt(),
        v.firstRespondedAt().orElse(null),
        v.resolvedAt().orElse(null),
        v.closedAt().orElse(null),
        v.escalationLevel(),
        v.version(),
        new Sla(
            Policy.of(v.slaPolicy()),
            Clock.of(v.sla().firstResponse()),
            Clock.of(v.sla().resolution()),
            v.sla().nextReply().map(Clock::of).orElse(null)),
        v.locks(),
        v.fields(),
        v.groupId().orElse(null),
        v.ccIds(),
        v.followerIds().orElse(null),
        v.channel().jsonName(),
        v.createdById().map(UserId::value).orElse(null),
        v.snoozedUntil().orElse(null),
        v.mergedIntoId().orElse(null));
  }
}
