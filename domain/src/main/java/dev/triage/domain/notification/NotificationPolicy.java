package dev.triage.domain.notification;

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
 *       SlaBreached}: the assignee;
 *   <li>anything else (creation, edits, redactions, priority, the companions of a status move such
 *       as {@code TicketResolved}, which {@code StatusChanged} already announces): nobody.
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
          || (occurrence.internal() && user.equals(occurrence.requester()))) {
        continue;
      }
      chosen.putIfAbsent(user, candidate.kind());
    }
    List<Recipient> recipients = new ArrayList<>(chosen.size());
    chosen.forEach((user, kind) -> recipients.add(new Recipient(user, kind)));
    return List.copyOf(recipients);
  }

  /** Everyone the event concerns, before the exclusions. */
  private static List<Recipient> concerned(Occurrence o) {
    List<Recipient> out = new ArrayList<>(2);
    switch (o.type()) {
      case "TicketAssigned" -> {
        add(out, o.newAssignee().or(o::assignee), NotificationKind.ASSIGNED_TO_YOU);
        add(out, o.previousAssignee(), NotificationKind.UNASSIGNED);
      }
      case "TicketUnassigned" -> add(out, o.previousAssignee(), NotificationKind.UNASSIGNED);
      case "StatusChanged" -> {
        add(out, Optional.of(o.requester()), NotificationKind.STATUS_CHANGED);
        add(out, o.assignee(), NotificationKind.STATUS_CHANGED);
      }
      case "CommentAdded" -> {
        add(out, Optional.of(o.requester()), NotificationKind.REPLY);
        add(out, o.assignee(), NotificationKind.REPLY);
      }
      case "InternalNoteAdded" -> add(out, o.assignee(), NotificationKind.INTERNAL_NOTE);
      case "TicketEscalated" -> add(out, o.assignee(), NotificationKind.ESCALATED);
      case "SlaWarning" -> add(out, o.assignee(), NotificationKind.SLA_WARNING);
      case "SlaBreached" -> add(out, o.assignee(), NotificationKind.SLA_BREACHED);
      default -> {}
    }
    return out;
  }

  private static void add(List<Recipient> out, Optional<UserId> user, NotificationKind kind) {
    user.ifPresent(u -> out.add(new Recipient(u, kind)));
  }
}
