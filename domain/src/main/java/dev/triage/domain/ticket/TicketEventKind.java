package dev.triage.domain.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What kind of {@link TicketEvent} happened: one constant per event record, in the order the domain
 * declares them, each with the stable type name that storage, webhooks, notifications and live
 * streams use. {@link TicketEvent#kind()} pairs each event record with its constant in a switch
 * without a default, so a new event that has no kind does not compile, and a switch over the kinds
 * without a default does not compile until it decides about a new kind.
 */
public enum TicketEventKind {
  TICKET_CREATED("TicketCreated"),
  TICKET_EDITED("TicketEdited"),
  STATUS_CHANGED("StatusChanged"),
  TICKET_ASSIGNED("TicketAssigned"),
  TICKET_UNASSIGNED("TicketUnassigned"),
  COMMENT_ADDED("CommentAdded"),
  INTERNAL_NOTE_ADDED("InternalNoteAdded"),
  COMMENT_REDACTED("CommentRedacted"),
  PRIORITY_CHANGED("PriorityChanged"),
  TICKET_ESCALATED("TicketEscalated"),
  SLA_WARNING("SlaWarning"),
  SLA_BREACHED("SlaBreached"),
  TICKET_RESOLVED("TicketResolved"),
  TICKET_CLOSED("TicketClosed"),
  TICKET_REOPENED("TicketReopened"),
  FOLLOW_UP_CREATED("FollowUpCreated"),
  TAG_ADDED("TagAdded"),
  TAG_REMOVED("TagRemoved"),
  FIELDS_LOCKED("FieldsLocked"),
  FIELD_UNLOCKED("FieldUnlocked"),
  FIELD_CHANGED("FieldChanged"),
  GROUP_CHANGED("GroupChanged"),
  PARTICIPANT_ADDED("ParticipantAdded"),
  PARTICIPANT_REMOVED("ParticipantRemoved"),
  TICKET_LINKED("TicketLinked"),
  TICKET_UNLINKED("TicketUnlinked"),
  TICKET_SNOOZED("TicketSnoozed"),
  TICKET_WOKE("TicketWoke"),
  TICKET_MERGED("TicketMerged"),
  TICKET_MERGED_FROM("TicketMergedFrom"),
  COMMENT_SPLIT("CommentSplit");

  private static final List<String> TYPE_NAMES =
      Arrays.stream(values()).map(TicketEventKind::typeName).toList();

  private static final Map<String, TicketEventKind> BY_TYPE_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(TicketEventKind::typeName, Function.identity()));

  private final String typeName;

  TicketEventKind(String typeName) {
    this.typeName = typeName;
  }

  /** The stable name for storage and wire formats ({@link TicketEvent#type()}). */
  public String typeName() {
    return typeName;
  }

  /** Every type name, in the order the domain declares the events. */
  public static List<String> typeNames() {
    return TYPE_NAMES;
  }

  /** The kind whose type name is {@code typeName}; empty for a name no event has. */
  public static Optional<TicketEventKind> named(String typeName) {
    return Optional.ofNullable(typeName).map(BY_TYPE_NAME::get);
  }
}
