package dev.triage.domain.ticket;

import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every field of a ticket, for persistence: what {@link Ticket#snapshot()} gives and {@link
 * Ticket#fromSnapshot} takes back. The status history and the SLA warnings and breaches already
 * recorded are part of it because the clocks are derived from them. Comments are not: they live on
 * their own (a command loads at most the one it changes), so a command costs the same on a ticket
 * with a thousand replies as on a new one.
 */
public record TicketSnapshot(
    TicketId id,
    TicketNumber number,
    UserId requesterId,
    Title title,
    Description description,
    Priority priority,
    Optional<Category> category,
    Tags tags,
    Status status,
    Optional<UserId> assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> firstRespondedAt,
    Optional<Instant> resolvedAt,
    Optional<Instant> closedAt,
    Optional<Instant> escalatedAt,
    int escalationLevel,
    boolean autoEscalated,
    Optional<TicketId> followUpOf,
    List<StatusChange> statusHistory,
    Set<SlaClock> slaWarningsRecorded,
    Set<SlaClock> slaBreachesRecorded,
    long version) {

  public TicketSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(requesterId, "requesterId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(assigneeId, "assigneeId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(firstRespondedAt, "firstRespondedAt");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(escalatedAt, "escalatedAt");
    Objects.requireNonNull(followUpOf, "followUpOf");
    statusHistory = List.copyOf(statusHistory);
    slaWarningsRecorded = enumSet(slaWarningsRecorded);
    slaBreachesRecorded = enumSet(slaBreachesRecorded);
  }

  private static Set<SlaClock> enumSet(Set<SlaClock> clocks) {
    EnumSet<SlaClock> copy = EnumSet.noneOf(SlaClock.class);
    copy.addAll(clocks);
    return Collections.unmodifiableSet(copy);
  }
}
