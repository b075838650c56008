package dev.triage.application.ticket;

import dev.triage.application.sla.SlaClocks;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Channel;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.FieldValues;
import dev.triage.domain.ticket.LockableField;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A ticket as its readers see it; what queries and commands answer with, never the aggregate. */
public record TicketView(
    TicketId id,
    TicketNumber number,
    String title,
    String description,
    Priority priority,
    Status status,
    Optional<String> category,
    List<String> tags,
    UserId requesterId,
    Optional<UserId> assigneeId,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> firstRespondedAt,
    Optional<Instant> resolvedAt,
    Optional<Instant> closedAt,
    int escalationLevel,
    long version,
    SlaStatus sla,
    SlaPolicyRef slaPolicy,
    List<String> locks,
    Map<String, Object> fields,
    Optional<UUID> groupId,
    List<UUID> ccIds,
    Optional<List<UUID>> followerIds,
    Channel channel,
    Optional<UserId> createdById,
    Optional<Instant> snoozedUntil,
    Optional<UUID> mergedIntoId) {

  public TicketView {
    ccIds = ccIds == null ? List.of() : List.copyOf(ccIds);
    followerIds = followerIds == null ? Optional.empty() : followerIds.map(List::copyOf);
    snoozedUntil = snoozedUntil == null ? Optional.empty() : snoozedUntil;
    mergedIntoId = mergedIntoId == null ? Optional.empty() : mergedIntoId;
  }

  /** A ticket that was not merged. */
  public TicketView(
      TicketId id,
      TicketNumber number,
      String title,
      String description,
      Priority priority,
      Status status,
      Optional<String> category,
      List<String> tags,
      UserId requesterId,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      int escalationLevel,
      long version,
      SlaStatus sla,
      SlaPolicyRef slaPolicy,
      List<String> locks,
      Map<String, Object> fields,
      Optional<UUID> groupId,
      List<UUID> ccIds,
      Optional<List<UUID>> followerIds,
      Channel channel,
      Optional<UserId> createdById,
      Optional<Instant> snoozedUntil) {
    this(
        id,
        number,
        title,
        description,
        priority,
        status,
        category,
        tags,
        requesterId,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalationLevel,
        version,
        sla,
        slaPolicy,
        locks,
        fields,
        groupId,
        ccIds,
        followerIds,
        channel,
        createdById,
        snoozedUntil,
        Optional.empty());
  }

  /** A ticket that is not snoozed. */
  public TicketView(
      TicketId id,
      TicketNumber number,
      String title,
      String description,
      Priority priority,
      Status status,
      Optional<String> category,
      List<String> tags,
      UserId requesterId,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      int escalationLevel,
      long version,
      SlaStatus sla,
      SlaPolicyRef slaPolicy,
      List<String> locks,
      Map<String, Object> fields,
      Optional<UUID> groupId,
      List<UUID> ccIds,
      Optional<List<UUID>> followerIds,
      Channel channel,
      Optional<UserId> createdById) {
    this(
        id,
        number,
        title,
        description,
        priority,
        status,
        category,
        tags,
        requesterId,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalationLevel,
        version,
        sla,
        slaPolicy,
        locks,
        fields,
        groupId,
        ccIds,
        followerIds,
        channel,
        createdById,
        Optional.empty());
  }

  /** A ticket without CCs or followers whose origin is not shown. */
  public TicketView(
      TicketId id,
      TicketNumber number,
      String title,
      String description,
      Priority priority,
      Status status,
      Optional<String> category,
      List<String> tags,
      UserId requesterId,
      Optional<UserId> assigneeId,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> firstRespondedAt,
      Optional<Instant> resolvedAt,
      Optional<Instant> closedAt,
      int escalationLevel,
      long version,
      SlaStatus sla,
      SlaPolicyRef slaPolicy,
      List<String> locks,
      Map<String, Object> fields,
      Optional<UUID> groupId) {
    this(
        id,
        number,
        title,
        description,
        priority,
        status,
        category,
        tags,
        requesterId,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalationLevel,
        version,
        sla,
        slaPolicy,
        locks,
        fields,
        groupId,
        List.of(),
        Optional.of(List.of()),
        Channel.WEB,
        Optional.empty());
  }

  /**
   * The ticket as {@code viewer} may see it, custom fields included: a customer sees the values of
   * the fields {@code catalogue} shows customers only (staff-only fields never reach them).
   */
  public TicketView seenBy(Actor viewer, Map<String, FieldDefinition> catalogue) {
    TicketView seen = seenBy(viewer);
    if (viewer.isStaff() || fields.isEmpty()) {
      return seen;
    }
    return seen.withFields(
        new FieldValues(fields)
            .only(k -> catalogue.containsKey(k) && catalogue.get(k).visibleToCustomers())
            .values());
  }

  private TicketView withFields(Map<String, Object> shown) {
    return new TicketView(
        id,
        number,
        title,
        description,
        priority,
        status,
        category,
        tags,
        requesterId,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        escalationLevel,
        version,
        sla,
        slaPolicy,
        locks,
        shown,
        groupId,
        ccIds,
        followerIds,
        channel,
        createdById,
        snoozedUntil,
        mergedIntoId);
  }

  /**
   * The ticket as {@code viewer} may see it. Escalations are internal events, which customers never
   * see ({@link dev.triage.domain.access.AccessPolicy#canSeeEvent}), so a customer sees escalation
   * level 0; groups are how staff divide the work (their changes are internal events too), so a
   * customer sees no group, no followers (staff who follow the ticket), nor who typed the ticket
   * in, nor a snooze (how staff order their queue). The version and updatedAt stay: the version is
   * the ETag customers edit with (ADR 0015).
   */
  public TicketView seenBy(Actor viewer) {
    if (!viewer.isStaff() && !fields.isEmpty()) {
      // Without the catalogue no field is known to be shown to customers: none is.
      return withFields(Map.of()).seenBy(viewer);
    }
    if (viewer.isStaff()
        || (escalationLevel == 0
            && groupId.isEmpty()
            && followerIds.isEmpty()
            && createdById.isEmpty()
            && snoozedUntil.isEmpty())) {
      return this;
    }
    return new TicketView(
        id,
        number,
        title,
        description,
        priority,
        status,
        category,
        tags,
        requesterId,
        assigneeId,
        createdAt,
        updatedAt,
        firstRespondedAt,
        resolvedAt,
        closedAt,
        0,
        version,
        sla,
        slaPolicy,
        locks,
        fields,
        Optional.empty(),
        ccIds,
        Optional.empty(),
        channel,
        Optional.empty(),
        Optional.empty(),
        mergedIntoId);
  }

  /** The ticket with its clocks as already evaluated, and the policy they were measured against. */
  public static TicketView of(Ticket t, SlaClocks.Measured measured) {
    return new TicketView(
        t.id(),
        t.number(),
        t.title().value(),
        t.description().value(),
        t.priority(),
        t.status(),
        t.category().map(Category::value),
        t.tags().values(),
        t.requesterId(),
        t.assigneeId(),
        t.createdAt(),
        t.updatedAt(),
        t.firstRespondedAt(),
        t.resolvedAt(),
        t.closedAt(),
        t.escalationLevel(),
        t.version(),
        measured.status(),
        measured.applied().policy().ref(),
        t.locks().stream().map(LockableField::jsonName).toList(),
        t.fields().values(),
        t.groupId(),
        t.participants().ccIds().stream().map(UserId::value).toList(),
        Optional.of(t.participants().followerIds().stream().map(UserId::value).toList()),
        t.origin().channel(),
        Optional.of(t.origin().createdBy(t.requesterId())),
        t.snoozedUntil(),
        t.mergedInto().map(TicketId::value));
  }
}
