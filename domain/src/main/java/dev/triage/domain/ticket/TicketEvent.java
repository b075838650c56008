package dev.triage.domain.ticket;

import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened to a ticket, in the past tense. Events feed the timeline, audit,
 * notifications and live updates; {@link #internal()} marks the ones customers never see. Events
 * never carry comment text, so redaction erases it everywhere.
 */
public sealed interface TicketEvent {

  TicketId ticketId();

  /** Who caused it; {@link Actor#system()} for background jobs. */
  Actor actor();

  Instant occurredAt();

  /**
   * True when only staff may see this event. Decided here for every event record, in a switch with
   * no default like {@link #kind()}: a new event does not compile until it is given a visibility. A
   * redaction is as internal as the comment it erased, so {@link CommentRedacted} carries its own.
   */
  default boolean internal() {
    return switch (this) {
      case TicketCreated e -> false;
      case TicketEdited e -> false;
      case StatusChanged e -> false;
      case TicketAssigned e -> false;
      case TicketUnassigned e -> false;
      case CommentAdded e -> false;
      case InternalNoteAdded e -> true;
      case CommentRedacted e -> e.internal();
      case PriorityChanged e -> false;
      // escalation reasons are staff talk
      case TicketEscalated e -> true;
      case SlaWarning e -> true;
      case SlaBreached e -> true;
      case TicketResolved e -> false;
      case TicketClosed e -> false;
      case TicketReopened e -> false;
      case FollowUpCreated e -> false;
      case TagAdded e -> false;
      case TagRemoved e -> false;
      // locks are how admins steer staff
      case FieldsLocked e -> true;
      case FieldUnlocked e -> true;
      case FieldChanged e -> e.internal();
      // groups are how staff divide the work
      case GroupChanged e -> true;
      // a CC is the customers' business, a follower the staff's
      case ParticipantAdded e -> e.participant() == Participants.Kind.FOLLOWER;
      case ParticipantRemoved e -> e.participant() == Participants.Kind.FOLLOWER;
      // the other ticket may be one the requester cannot see
      case TicketLinked e -> true;
      case TicketUnlinked e -> true;
      // a snooze is how staff order their queue
      case TicketSnoozed e -> true;
      case TicketWoke e -> true;
      // where a conversation went is the customers' business too
      case TicketMerged e -> false;
      case TicketMergedFrom e -> false;
      case CommentSplit e -> e.internal();
    };
  }

  /**
   * What kind of event this is. The one place that pairs each event record with its kind: the
   * switch has no default, so a new event record does not compile until it has a kind.
   */
  default TicketEventKind kind() {
    return switch (this) {
      case TicketCreated e -> TicketEventKind.TICKET_CREATED;
      case TicketEdited e -> TicketEventKind.TICKET_EDITED;
      case StatusChanged e -> TicketEventKind.STATUS_CHANGED;
      case TicketAssigned e -> TicketEventKind.TICKET_ASSIGNED;
      case TicketUnassigned e -> TicketEventKind.TICKET_UNASSIGNED;
      case CommentAdded e -> TicketEventKind.COMMENT_ADDED;
      case InternalNoteAdded e -> TicketEventKind.INTERNAL_NOTE_ADDED;
      case CommentRedacted e -> TicketEventKind.COMMENT_REDACTED;
      case PriorityChanged e -> TicketEventKind.PRIORITY_CHANGED;
      case TicketEscalated e -> TicketEventKind.TICKET_ESCALATED;
      case SlaWarning e -> TicketEventKind.SLA_WARNING;
      case SlaBreached e -> TicketEventKind.SLA_BREACHED;
      case TicketResolved e -> TicketEventKind.TICKET_RESOLVED;
      case TicketClosed e -> TicketEventKind.TICKET_CLOSED;
      case TicketReopened e -> TicketEventKind.TICKET_REOPENED;
      case FollowUpCreated e -> TicketEventKind.FOLLOW_UP_CREATED;
      case TagAdded e -> TicketEventKind.TAG_ADDED;
      case TagRemoved e -> TicketEventKind.TAG_REMOVED;
      case FieldsLocked e -> TicketEventKind.FIELDS_LOCKED;
      case FieldUnlocked e -> TicketEventKind.FIELD_UNLOCKED;
      case FieldChanged e -> TicketEventKind.FIELD_CHANGED;
      case GroupChanged e -> TicketEventKind.GROUP_CHANGED;
      case ParticipantAdded e -> TicketEventKind.PARTICIPANT_ADDED;
      case ParticipantRemoved e -> TicketEventKind.PARTICIPANT_REMOVED;
      case TicketLinked e -> TicketEventKind.TICKET_LINKED;
      case TicketUnlinked e -> TicketEventKind.TICKET_UNLINKED;
      case TicketSnoozed e -> TicketEventKind.TICKET_SNOOZED;
      case TicketWoke e -> TicketEventKind.TICKET_WOKE;
      case TicketMerged e -> TicketEventKind.TICKET_MERGED;
      case TicketMergedFrom e -> TicketEventKind.TICKET_MERGED_FROM;
      case CommentSplit e -> TicketEventKind.COMMENT_SPLIT;
    };
  }

  /** A stable name for storage and wire formats: the type name of its {@link #kind()}. */
  default String type() {
    return kind().typeName();
  }

  /** A ticket was opened; {@code followUpOf} names the closed ticket it follows up, if any. */
  record TicketCreated(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      TicketNumber number,
      Title title,
      Priority priority,
      Optional<TicketId> followUpOf)
      implements TicketEvent {}

  /** An admin locked {@code fields} (JSON names) against change. */
  record FieldsLocked(TicketId ticketId, Actor actor, Instant occurredAt, List<String> fields)
      implements TicketEvent {
    public FieldsLocked {
      fields = List.copyOf(fields);
    }
  }

  /** Staff moved the ticket to group {@code to} (empty: none) from {@code from}. */
  record GroupChanged(
      TicketId ticketId, Actor actor, Instant occurredAt, Optional<UUID> from, Optional<UUID> to)
      implements TicketEvent {
    public GroupChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** An admin unlocked {@code field} (its JSON name). */
  record FieldUnlocked(TicketId ticketId, Actor actor, Instant occurredAt, String field)
      implements TicketEvent {}

  /**
   * A custom field's value changed (ADR 20): {@code from} and {@code to} are the values as stored,
   * null for none. Internal when the field is hidden from customers.
   */
  record FieldChanged(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      String key,
      Object from,
      Object to,
      boolean internal)
      implements TicketEvent {}

  /** Staff added a tag the ticket did not have (one event per tag). */
  record TagAdded(TicketId ticketId, Actor actor, Instant occurredAt, String tag)
      implements TicketEvent {}

  /** Staff removed a tag the ticket had. */
  record TagRemoved(TicketId ticketId, Actor actor, Instant occurredAt, String tag)
      implements TicketEvent {}

  /** Title, description, category or tags changed; {@code fields} names them (JSON names). */
  record TicketEdited(TicketId ticketId, Actor actor, Instant occurredAt, List<String> fields)
      implements TicketEvent {
    public TicketEdited {
      fields = List.copyOf(fields);
    }
  }

  /** The status moved; emitted for every move, next to the more specific events. */
  record StatusChanged(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      Status from,
      Status to,
      Optional<String> reason)
      implements TicketEvent {}

  /** The ticket got an assignee ({@code previous} is who had it before, if anyone). */
  record TicketAssigned(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      UserId assigneeId,
      Optional<UserId> previous)
      implements TicketEvent {}

  /** The ticket lost its assignee. */
  record TicketUnassigned(TicketId ticketId, Actor actor, Instant occurredAt, UserId previous)
      implements TicketEvent {}

  /** A public reply was added. */
  record CommentAdded(TicketId ticketId, Actor actor, Instant occurredAt, CommentId commentId)
      implements TicketEvent {}

  /** An internal note was added (staff only). */
  record InternalNoteAdded(TicketId ticketId, Actor actor, Instant occurredAt, CommentId commentId)
      implements TicketEvent {}

  /** A comment's text was erased; internal when the comment was an internal note. */
  record CommentRedacted(
      TicketId ticketId, Actor actor, Instant occurredAt, CommentId commentId, boolean internal)
      implements TicketEvent {}

  /** Staff changed the priority by editing the ticket (escalation has its own event). */
  record PriorityChanged(
      TicketId ticketId, Actor actor, Instant occurredAt, Priority from, Priority to)
      implements TicketEvent {}

  /**
   * The ticket was escalated by staff or, {@code automatic}, by the sweep: {@code level} is the new
   * escalation level, {@code from}/{@code to} the priorities (equal for an automatic escalation of
   * a CRITICAL ticket).
   */
  record TicketEscalated(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      Priority from,
      Priority to,
      int level,
      Optional<String> reason,
      boolean automatic)
      implements TicketEvent {}

  /** A clock passed the warning share of its target ({@code dueAt} is the due date then). */
  record SlaWarning(
      TicketId ticketId, Actor actor, Instant occurredAt, SlaClock clock, Instant dueAt)
      implements TicketEvent {}

  /** A clock passed its due date while running; recorded once per clock. */
  record SlaBreached(
      TicketId ticketId, Actor actor, Instant occurredAt, SlaClock clock, Instant dueAt)
      implements TicketEvent {}

  /** The ticket entered RESOLVED. */
  record TicketResolved(TicketId ticketId, Actor actor, Instant occurredAt)
      implements TicketEvent {}

  /** The ticket entered CLOSED; {@code automatic} when the auto-close job did it. */
  record TicketClosed(TicketId ticketId, Actor actor, Instant occurredAt, boolean automatic)
      implements TicketEvent {}

  /** A RESOLVED ticket went back to OPEN, by request or by the requester's reply. */
  record TicketReopened(TicketId ticketId, Actor actor, Instant occurredAt, Optional<String> reason)
      implements TicketEvent {}

  /**
   * The requester replied to the CLOSED ticket {@code ticketId}, which opened the follow-up ticket
   * {@code followUpId}. It sits on the closed ticket's timeline; the follow-up's own TicketCreated
   * names the closed ticket back.
   */
  record FollowUpCreated(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      TicketId followUpId,
      TicketNumber followUpNumber)
      implements TicketEvent {}

  /**
   * {@code userId} became a participant of kind {@code participant} (a CC, public; a follower,
   * staff only).
   */
  record ParticipantAdded(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      UserId userId,
      Participants.Kind participant)
      implements TicketEvent {}

  /** {@code userId} is no longer a participant of kind {@code participant}. */
  record ParticipantRemoved(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      UserId userId,
      Participants.Kind participant)
      implements TicketEvent {}

  /**
   * The ticket was linked to {@code otherTicketId} as {@code linkType} (as this ticket reads it).
   */
  record TicketLinked(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      UUID linkId,
      TicketId otherTicketId,
      LinkType linkType)
      implements TicketEvent {}

  /** The link {@code linkId} to {@code otherTicketId} was removed. */
  record TicketUnlinked(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      UUID linkId,
      TicketId otherTicketId,
      LinkType linkType)
      implements TicketEvent {}

  /** Staff snoozed the ticket until {@code until} ({@code previousUntil}: a snooze it replaced). */
  record TicketSnoozed(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      Instant until,
      Optional<Instant> previousUntil)
      implements TicketEvent {}

  /** The ticket snoozed until {@code snoozedUntil} woke, for {@code reason}. */
  record TicketWoke(
      TicketId ticketId, Actor actor, Instant occurredAt, Instant snoozedUntil, WakeReason reason)
      implements TicketEvent {}

  /** The ticket was merged into {@code targetId}, and closed. */
  record TicketMerged(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      TicketId targetId,
      TicketNumber targetNumber)
      implements TicketEvent {}

  /** The ticket {@code sourceId} was merged into this one, its comments copied here. */
  record TicketMergedFrom(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      TicketId sourceId,
      TicketNumber sourceNumber,
      int commentsCopied)
      implements TicketEvent {}

  /** The comment {@code commentId} was split into the new ticket {@code newTicketId}. */
  record CommentSplit(
      TicketId ticketId,
      Actor actor,
      Instant occurredAt,
      CommentId commentId,
      boolean internal,
      TicketId newTicketId,
      TicketNumber newTicketNumber)
      implements TicketEvent {}
}
