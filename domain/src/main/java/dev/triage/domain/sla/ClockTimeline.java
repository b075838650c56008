package dev.triage.domain.sla;

import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.StatusChange;
import dev.triage.domain.ticket.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a ticket's status history into the periods of one clock up to an instant. This is the whole
 * clock model: which statuses run, pause or stop which clock.
 */
final class ClockTimeline {

  private ClockTimeline() {}

  /**
   * The periods of {@code clock} from creation up to {@code at} (never empty). The next-reply clock
   * starts at a requester's reply instead, see {@link #nextReplyPeriods}.
   */
  static List<ClockPeriod> periods(Ticket ticket, SlaClock clock, Instant at) {
    if (!clock.oncePerTicket()) {
      throw new IllegalArgumentException(
          "the " + clock + " clock runs from awaitingReplySince: evaluate it with NextReplyFacts");
    }
    return fromCreation(ticket, clock, at);
  }

  /**
   * The periods of the next-reply clock of the cycle that started at {@code since}, up to {@code
   * at} (never empty; {@code at} is not before {@code since}): it runs in OPEN and IN_PROGRESS,
   * pauses in PENDING_CUSTOMER and stops in RESOLVED and CLOSED, like resolution, and runs again on
   * reopen while the requester still waits.
   */
  static List<ClockPeriod> nextReplyPeriods(Ticket ticket, Instant since, Instant at) {
    Instant begin = since.isBefore(ticket.createdAt()) ? ticket.createdAt() : since;
    List<ClockPeriod> all =
        fromCreation(ticket, SlaClock.NEXT_REPLY, at.isBefore(begin) ? begin : at);
    List<ClockPeriod> cut = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      ClockPeriod p = all.get(i);
      boolean last = i == all.size() - 1;
      if (p.end().isBefore(begin) || (p.end().equals(begin) && !last)) {
        continue;
      }
      cut.add(new ClockPeriod(p.start().isBefore(begin) ? begin : p.start(), p.end(), p.state()));
    }
    return merge(cut);
  }

  private static List<ClockPeriod> fromCreation(Ticket ticket, SlaClock clock, Instant at) {
    Instant end = at.isBefore(ticket.createdAt()) ? ticket.createdAt() : at;
    List<ClockPeriod> raw = new ArrayList<>();
    List<StatusChange> history = ticket.statusHistory();
    for (int i = 0; i < history.size(); i++) {
      StatusChange change = history.get(i);
      if (change.at().isAfter(end)) {
        break;
      }
      Instant until =
          i + 1 < history.size() && !history.get(i + 1).at().isAfter(end)
              ? history.get(i + 1).at()
              : end;
      raw.add(new ClockPeriod(change.at(), until, state(clock, change.status())));
    }
    if (clock == SlaClock.FIRST_RESPONSE && ticket.firstRespondedAt().isPresent()) {
      Instant responded = ticket.firstRespondedAt().get();
      if (!responded.isAfter(end)) {
        raw = stopAt(raw, responded, end);
      }
    }
    return merge(raw);
  }

  /**
   * First response runs until answered (or the ticket is resolved or closed unanswered); resolution
   * and next reply pause while the ticket waits on the customer.
   */
  private static ClockState state(SlaClock clock, Status status) {
    return switch (clock) {
      case FIRST_RESPONSE ->
          switch (status) {
            case OPEN, IN_PROGRESS, PENDING_CUSTOMER -> ClockState.RUNNING;
            case RESOLVED, CLOSED -> ClockState.STOPPED;
          };
      case RESOLUTION, NEXT_REPLY ->
          switch (status) {
            case OPEN, IN_PROGRESS -> ClockState.RUNNING;
            case PENDING_CUSTOMER -> ClockState.PAUSED;
            case RESOLVED, CLOSED -> ClockState.STOPPED;
          };
    };
  }

  private static List<ClockPeriod> stopAt(List<ClockPeriod> periods, Instant stop, Instant end) {
    List<ClockPeriod> cut = new ArrayList<>();
    for (ClockPeriod p : periods) {
      if (!p.start().isBefore(stop)) {
        break;
      }
      cut.add(new ClockPeriod(p.start(), p.end().isAfter(stop) ? stop : p.end(), p.state()));
    }
    cut.add(new ClockPeriod(stop, end, ClockState.STOPPED));
    return cut;
  }

  /** Joins neighbours in the same state and drops empty periods, keeping the current one. */
  private static List<ClockPeriod> merge(List<ClockPeriod> periods) {
    List<ClockPeriod> merged = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      ClockPeriod p = periods.get(i);
      boolean last = i == periods.size() - 1;
      if (p.start().equals(p.end()) && !last) {
        continue;
      }
      if (!merged.isEmpty() && merged.getLast().state() == p.state()) {
        ClockPeriod previous = merged.removeLast();
        merged.add(new ClockPeriod(previous.start(), p.end(), p.state()));
      } else {
        merged.add(p);
      }
    }
    return merged;
  }
}
