package dev.triage.domain.ticket;

import static dev.triage.domain.shared.ErrorCode.CONFLICT;

import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketEvent.CommentAdded;
import dev.triage.domain.ticket.TicketEvent.SlaBreached;
import dev.triage.domain.ticket.TicketEvent.SlaWarning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stored facts of the next-reply clock, kept beside the {@link Ticket} record until the ticket
 * carries them itself: since when the requester has been waiting for a public staff reply (empty
 * when nobody waits), the number of the current reply cycle (0 before the first), and which alarms
 * the current cycle has recorded. A requester's public reply starts a cycle when none is running;
 * the next public staff reply ends it. The clock itself is computed from these facts and the
 * ticket's status history ({@code Sla.evaluate} with facts), never stored.
 */
public record NextReplyFacts(
    Optional<Instant> awaitingReplySince, int replyCycle, Set<SlaAlarmKey> alarmsRecorded) {

  private static final NextReplyFacts NONE = new NextReplyFacts(Optional.empty(), 0, Set.of());

  /**
   * The cycle is never negative, a running cycle is numbered from 1, and only alarms of the
   * next-reply clock in the current cycle are recorded here.
   */
  public NextReplyFacts {
    Objects.requireNonNull(awaitingReplySince, "awaitingReplySince");
    Objects.requireNonNull(alarmsRecorded, "alarmsRecorded");
    if (replyCycle < 0 || (awaitingReplySince.isPresent() && replyCycle < 1)) {
      throw new IllegalArgumentException("reply cycle out of range: " + replyCycle);
    }
    for (SlaAlarmKey key : alarmsRecorded) {
      if (key.clock() != SlaClock.NEXT_REPLY || key.cycle() != replyCycle) {
        throw new IllegalArgumentException(
            "only alarms of reply cycle " + replyCycle + " belong here: " + key);
      }
    }
    alarmsRecorded = Collections.unmodifiableSet(new LinkedHashSet<>(alarmsRecorded));
  }

  /** Facts with no alarm recorded in the current cycle. */
  public NextReplyFacts(Optional<Instant> awaitingReplySince, int replyCycle) {
    this(awaitingReplySince, replyCycle, Set.of());
  }

  /** A ticket whose requester has never waited for a reply (every ticket as opened). */
  public static NextReplyFacts none() {
    return NONE;
  }

  /** True while a cycle runs: the requester replied and no staff reply followed yet. */
  public boolean awaitingReply() {
    return awaitingReplySince.isPresent();
  }

  public boolean warningRecorded() {
    return alarmsRecorded.contains(SlaAlarmKey.nextReply(SlaAlarm.Kind.WARNING, replyCycle));
  }

  public boolean breachRecorded() {
    return alarmsRecorded.contains(SlaAlarmKey.nextReply(SlaAlarm.Kind.BREACH, replyCycle));
  }

  /** A public reply by the requester at {@code at}: starts the next cycle unless one is running. */
  public NextReplyFacts requesterReplied(Instant at) {
    Objects.requireNonNull(at, "at");
    return awaitingReply() ? this : new NextReplyFacts(Optional.of(at), replyCycle + 1, Set.of());
  }

  /** A public reply by staff: ends the running cycle (its recorded alarms stay with it). */
  public NextReplyFacts staffReplied() {
    return awaitingReply()
        ? new NextReplyFacts(Optional.empty(), replyCycle, alarmsRecorded)
        : this;
  }

  /**
   * The facts after {@code change}: each public reply it added starts or ends a cycle, in order.
   * The requester's replies start one, staff replies end one; internal notes do nothing. A
   * next-reply warning or breach it recorded (see {@link #record}) is kept for the current cycle.
   */
  public NextReplyFacts after(TicketChange change) {
    NextReplyFacts facts = this;
    for (TicketEvent event : change.events()) {
      switch (event) {
        case CommentAdded added -> {
          if (change.ticket().isRequester(added.actor())) {
            facts = facts.requesterReplied(added.occurredAt());
          } else if (added.actor().isStaff()) {
            facts = facts.staffReplied();
          }
        }
        case SlaWarning w when w.clock() == SlaClock.NEXT_REPLY ->
            facts = facts.recorded(SlaAlarm.Kind.WARNING);
        case SlaBreached b when b.clock() == SlaClock.NEXT_REPLY ->
            facts = facts.recorded(SlaAlarm.Kind.BREACH);
        default -> {}
      }
    }
    return facts;
  }

  private NextReplyFacts recorded(SlaAlarm.Kind kind) {
    if (replyCycle < 1) {
      return this;
    }
    Set<SlaAlarmKey> alarms = new LinkedHashSet<>(alarmsRecorded);
    alarms.add(SlaAlarmKey.nextReply(kind, replyCycle));
    return new NextReplyFacts(awaitingReplySince, replyCycle, alarms);
  }

  /**
   * Records next-reply warnings and breaches of the current cycle on {@code ticket} as one change
   * by the system (events {@code SlaWarning}/{@code SlaBreached} with clock NEXT_REPLY). Each is
   * reported once per cycle; a warning after the cycle's breach is refused, as for the other
   * clocks.
   */
  public Result<Recorded> record(Ticket ticket, List<SlaAlarm> alarms, Instant now) {
    Set<SlaAlarmKey> recorded = new LinkedHashSet<>(alarmsRecorded);
    for (SlaAlarm alarm : alarms) {
      if (alarm.clock() != SlaClock.NEXT_REPLY) {
        throw new IllegalArgumentException("not a next-reply alarm: " + alarm);
      }
      if (replyCycle < 1) {
        return Result.err(CONFLICT, "No reply cycle has started on this ticket.");
      }
      SlaAlarmKey key = SlaAlarmKey.nextReply(alarm.kind(), replyCycle);
      SlaAlarmKey breach = SlaAlarmKey.nextReply(SlaAlarm.Kind.BREACH, replyCycle);
      if (recorded.contains(key)
          || (alarm.kind() == SlaAlarm.Kind.WARNING && recorded.contains(breach))) {
        return Result.err(
            CONFLICT,
            "A "
                + (alarm.kind() == SlaAlarm.Kind.WARNING ? "warning or breach" : "breach")
                + " was already recorded for reply cycle "
                + replyCycle
                + ".");
      }
      recorded.add(key);
    }
    NextReplyFacts next = new NextReplyFacts(awaitingReplySince, replyCycle, recorded);
    return Result.ok(new Recorded(ticket.recordCycleAlarms(new ArrayList<>(alarms), now), next));
  }

  /** The outcome of {@link #record}: the ticket's change (events) and the facts to store. */
  public record Recorded(TicketChange change, NextReplyFacts facts) {
    public Recorded {
      Objects.requireNonNull(change, "change");
      Objects.requireNonNull(facts, "facts");
    }
  }
}
