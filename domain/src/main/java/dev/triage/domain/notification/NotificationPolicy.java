package dev.triage.domain.notification;

import dev.triage.domain.ticket.TicketEventKind;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who hears of a ticket event in their inbox. The people an event concerns:
 *
 * <ul>
 *   <li>{@code TicketAssigned}: the new assignee ({@link NotificationKind#ASSIGNED_TO_YOU}) and the
 *       previous one ({@link NotificationKind#UNASSIGNED});
 *   <li>{@code TicketUnassigned}: the previous assignee ({@link NotificationKind#UNASSIGNED});
 *   <li>{@code StatusChanged}: the requester and the assignee;
 *   <li>{@code CommentAdded} (a public reply): the requester and the assignee;
 *   <li>{@code InternalNoteAdded}, {@code TicketEscalated}, {@code SlaWarning}, {@code
 *       SlaBreached}, {@code TicketWoke}: the assignee;
 *   <li>the ticket's CCs hear of what the requester hears of, its followers of what the assignee
 *       hears of except their own assignment ({@code StatusChanged}, {@code CommentAdded}, {@code
 *       InternalNoteAdded}, {@code TicketEscalated}, {@code SlaWarning}, {@code SlaBreached},
 *       {@code TicketWoke});
 *   <li>{@code TicketMerged}, {@code TicketMergedFrom}: the requester and the assignee, the CCs and
 *       the followers;
 *   <li>every other kind (creation, edits, redactions, priority, follow-ups, the companions of a
 *       status move such as {@code TicketResolved}, which {@code StatusChanged} already announces):
 *       nobody; so does a type name no event has.
 * </ul>
 *
 * Then, whatever the event: never the actor themself, never the system actor, each user at most
 * once (the first reason above wins), and an internal event never reaches the requester, so
 * customers never hear of internal events.
 */
public final class NotificationPolicy {

  private NotificationPolicy() {}

  /** The users who hear of {@code occurrence}, in the order of the rules above. */
  public static List<Recipient> recipients(Occurrence occurrence) {
    Map<UserId, NotificationKind> chosen = new LinkedHashMap<>();
    for (Recipient candidate : concerned(occurrence)) {
      UserId user = candidate.userId();
      if (user.equals(occurrence.actor())
          || user.equals(Actor.SYSTEM_ID)
          || (occurrence.internal()
              && (user.equals(occurrence.requester()) || occurrence.ccs().contains(user)))) {
        continue;
      }
      chosen.putIfAbsent(user, candidate.kind());
    }
    List<Recipient> recipients = new ArrayList<>(chosen.size());
    chosen.forEach((user, kind) -> recipients.add(new Recipient(user, kind)));
    return List.copyOf(recipients);
  }

  /**
   * Everyone the event concerns, before the exclusions. The switch over the kinds is an expression
   * without a default, so a new kind of event does not compile until it is decided here; a type
   * name no event has concerns nobody.
   */
  private static List<Recipient> concerned(Occurrence o) {
    Optional<TicketEventKind> kind = TicketEventKind.named(o.type());
    if (kind.isEmpty()) {
      return List.of();
    }
    List<Recipient> out = new ArrayList<>(direct(o, kind.get()));
    switch (kind.get()) {
      case STATUS_CHANGED, COMMENT_ADDED -> {
        NotificationKind k =
            kind.get() == TicketEventKind.STATUS_CHANGED
                ? NotificationKind.STATUS_CHANGED
                : NotificationKind.REPLY;
        o.ccs().forEach(u -> out.add(new Recipient(u, k)));
        o.followers().forEach(u -> out.add(new Recipient(u, k)));
      }
      case INTERNAL_NOTE_ADDED ->
          o.followers().forEach(u -> out.add(new Recipient(u, NotificationKind.INTERNAL_NOTE)));
      case TICKET_ESCALATED ->
          o.followers().forEach(u -> out.add(new Recipient(u, NotificationKind.ESCALATED)));
      case SLA_WARNING ->
          o.followers().forEach(u -> out.add(new Recipient(u, NotificationKind.SLA_WARNING)));
      case SLA_BREACHED ->
          o.followers().forEach(u -> out.add(new Recipient(u, NotificationKind.SLA_BREACHED)));
      case TICKET_WOKE ->
          o.followers().forEach(u -> out.add(new Recipient(u, NotificationKind.WOKE)));
      case TICKET_MERGED, TICKET_MERGED_FROM -> {
        o.ccs().forEach(u -> out.add(new Recipient(u, NotificationKind.MERGED)));
        o.followers().forEach(u -> out.add(new Recipient(u, NotificationKind.MERGED)));
      }
      default -> {}
    }
    return out;
  }

  /** The requester and assignee an event of {@code kind} concerns. */
  private static List<Recipient> direct(Occurrence o, TicketEventKind kind) {
    Optional<UserId> requester = Optional.of(o.requester());
    return switch (kind) {
      case TICKET_ASSIGNED ->
          people(
              o.newAssignee().or(o::assignee),
              NotificationKind.ASSIGNED_TO_YOU,
              o.previousAssignee(),
              NotificationKind.UNASSIGNED);
      case TICKET_UNASSIGNED -> person(o.previousAssignee(), NotificationKind.UNASSIGNED);
      case STATUS_CHANGED ->
          people(
              requester,
              NotificationKind.STATUS_CHANGED,
              o.assignee(),
              NotificationKind.STATUS_CHANGED);
      case COMMENT_ADDED ->
          people(requester, NotificationKind.REPLY, o.assignee(), NotificationKind.REPLY);
      case INTERNAL_NOTE_ADDED -> person(o.assignee(), NotificationKind.INTERNAL_NOTE);
      case TICKET_ESCALATED -> person(o.assignee(), NotificationKind.ESCALATED);
      case SLA_WARNING -> person(o.assignee(), NotificationKind.SLA_WARNING);
      case SLA_BREACHED -> person(o.assignee(), NotificationKind.SLA_BREACHED);
      case TICKET_WOKE -> person(o.assignee(), NotificationKind.WOKE);
      case TICKET_MERGED, TICKET_MERGED_FROM ->
          people(requester, NotificationKind.MERGED, o.assignee(), NotificationKind.MERGED);
      case TICKET_CREATED,
          TICKET_EDITED,
          COMMENT_REDACTED,
          PRIORITY_CHANGED,
          TICKET_RESOLVED,
          TICKET_CLOSED,
          TICKET_REOPENED,
          FOLLOW_UP_CREATED,
          TAG_ADDED,
          TAG_REMOVED,
          FIELDS_LOCKED,
          FIELD_UNLOCKED,
          FIELD_CHANGED,
          GROUP_CHANGED,
          PARTICIPANT_ADDED,
          PARTICIPANT_REMOVED,
          TICKET_LINKED,
          TICKET_UNLINKED,
          TICKET_SNOOZED,
          COMMENT_SPLIT ->
          List.of();
    };
  }

  private static List<Recipient> person(Optional<UserId> user, NotificationKind kind) {
    return user.map(u -> List.of(new Recipient(u, kind))).orElse(List.of());
  }

  private static List<Recipient> people(
      Optional<UserId> first,
      NotificationKind firstKind,
      Optional<UserId> second,
      NotificationKind secondKind) {
    List<Recipient> out = new ArrayList<>(2);
    out.addAll(person(first, firstKind));
    out.addAll(person(second, secondKind));
    return out;
  }
}
