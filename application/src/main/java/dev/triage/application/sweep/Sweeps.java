package dev.triage.application.sweep;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.SweepCandidates;
import dev.triage.application.port.Tickets;
import dev.triage.application.port.UnitOfWork;
import dev.triage.application.sla.SlaClocks;
import dev.triage.domain.escalation.SlaAlarmPolicy;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs one pass of a sweep: selects candidates cheaply, then sends one command per ticket through
 * the bus as the system, one after the other, each in its own transaction. Safe to run on every
 * replica at once: a ticket another replica holds is skipped, and one already changed is no longer
 * due. A failing ticket does not stop the pass. The ages of automatic escalation and auto-close are
 * the runtime settings' ({@link CurrentSettings}), read at the start of each pass.
 */
public final class Sweeps {

  private final Bus bus;
  private final SweepCandidates candidates;
  private final Tickets tickets;
  private final SlaClocks sla;
  private final UnitOfWork unitOfWork;
  private final SweepSettings settings;
  private final CurrentSettings current;
  private final Clock clock;

  public Sweeps(
      Bus bus,
      SweepCandidates candidates,
      Tickets tickets,
      SlaClocks sla,
      UnitOfWork unitOfWork,
      SweepSettings settings,
      CurrentSettings current,
      Clock clock) {
    this.bus = bus;
    this.tickets = tickets;
    this.sla = sla;
    this.candidates = candidates;
    this.unitOfWork = unitOfWork;
    this.settings = settings;
    this.current = current;
    this.clock = clock;
  }

  /**
   * SLA warnings and breaches of the tickets whose next alarm is due; answers how many tickets this
   * pass changed. A candidate with nothing due after all (its next alarm was stored early) gets its
   * next alarm stored again, so it is not read before then.
   */
  public Uni<Integer> slaAlarms() {
    Instant now = clock.instant();
    return candidates
        .slaAlarms(now, settings.batchSize())
        .flatMap(
            ids -> {
              Uni<Integer> done = Uni.createFrom().item(0);
              for (TicketId id : ids) {
                done =
                    done.flatMap(
                        n ->
                            one(new RecordSlaAlarms(id))
                                .flatMap(
                                    changed ->
                                        changed == 1
                                            ? Uni.createFrom().item(n + 1)
                                            : reschedule(id).replaceWith(n)));
              }
              return done;
            });
  }

  /** Stores the ticket's next alarm as its clocks stand now; a ticket held elsewhere is left. */
  private Uni<Void> reschedule(TicketId id) {
    return unitOfWork
        .transactional(
            () ->
                tickets
                    .byIdForUpdateSkipLocked(id)
                    .flatMap(
                        found ->
                            found.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : tickets
                                    .slaState(id)
                                    .flatMap(
                                        state -> sla.measure(found.get(), state, clock.instant()))
                                    .flatMap(
                                        m ->
                                            tickets.scheduleAlarm(
                                                id,
                                                SlaAlarmPolicy.nextAlarmAt(
                                                    found.get(),
                                                    m.status(),
                                                    m.state().nextReply())))))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Automatic escalation of stale OPEN tickets; answers how many this pass escalated. */
  public Uni<Integer> autoEscalation() {
    Instant now = clock.instant();
    return current
        .get()
        .flatMap(
            s ->
                pass(
                    candidates.staleOpen(
                        s.autoEscalation().createdAtOrBefore(now), settings.batchSize()),
                    EscalateStaleTicket::new));
  }

  /** Auto-close of idle RESOLVED tickets; answers how many this pass closed. */
  public Uni<Integer> autoClose() {
    Instant now = clock.instant();
    return current
        .get()
        .flatMap(
            s ->
                pass(
                    candidates.resolvedIdle(
                        s.autoClose().idleSinceAtOrBefore(now), settings.batchSize()),
                    AutoCloseTicket::new));
  }

  /** Wakes the snoozed tickets whose snooze is over; answers how many this pass woke. */
  public Uni<Integer> wakeSnoozed() {
    return pass(
        candidates.snoozeOver(clock.instant(), settings.batchSize()), WakeSnoozedTicket::new);
  }

  private Uni<Integer> pass(
      Uni<List<TicketId>> selected, Function<TicketId, Command<Boolean>> command) {
    return selected.flatMap(
        ids -> {
          Uni<Integer> done = Uni.createFrom().item(0);
          for (TicketId id : ids) {
            done = done.flatMap(n -> one(command.apply(id)).map(changed -> n + changed));
          }
          return done;
        });
  }

  private Uni<Integer> one(Command<Boolean> command) {
    RequestContext system =
        RequestContext.of(Caller.person(Actor.system()), "sweep-" + UUID.randomUUID(), "");
    return bus.send(command, system)
        .map(result -> result instanceof Result.Ok<Boolean> ok && ok.value() ? 1 : 0)
        .onFailure()
        .recoverWithItem(0);
  }
}
