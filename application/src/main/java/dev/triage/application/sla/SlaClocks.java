package dev.triage.application.sla;

import dev.triage.application.port.SlaCatalog;
import dev.triage.domain.escalation.SlaAlarmPolicy;
import dev.triage.domain.sla.PolicyFacts;
import dev.triage.domain.sla.Sla;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.NextReplyFacts;
import dev.triage.domain.ticket.SlaAlarm;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEvent;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures tickets against the versions they pin (ADR 17): selects the policy of a new ticket,
 * selects again when a change touches a field a condition reads (keeping the pin while the same
 * policy applies), follows the next-reply cycle through each change, and evaluates the clocks. The
 * catalogue is cached, so none of this costs a round trip in the steady state.
 */
public record SlaClocks(SlaCatalog catalog) {

  public SlaClocks {
    Objects.requireNonNull(catalog, "catalog");
  }

  /** A ticket's clocks at an instant, with the versions they were measured against. */
  public record Measured(AppliedSla applied, TicketSlaState state, SlaStatus status) {
    public Measured {
      Objects.requireNonNull(applied, "applied");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(status, "status");
    }
  }

  /** The clocks of a ticket as stored, at {@code now}. */
  public Uni<Measured> measure(Ticket ticket, TicketSlaState state, Instant now) {
    return catalog
        .pinned(state.pin().policyVersionId(), state.pin().calendarVersionId())
        .map(applied -> evaluate(ticket, state, applied, now));
  }

  /** A new ticket: the policy its fields select, the current version of its calendar. */
  public Uni<Measured> open(Ticket ticket, Instant now) {
    return catalog
        .select(PolicyFacts.of(ticket))
        .map(
            applied ->
                evaluate(
                    ticket,
                    new TicketSlaState(applied.ids(), NextReplyFacts.none()),
                    applied,
                    now));
  }

  /**
   * The ticket after {@code change} of {@code before} (stored with {@code state}): its next-reply
   * facts follow the replies the change added, and when a field a condition reads changed, the
   * policy is selected again; a different policy pins its current version and its calendar's, so
   * every due date is recomputed from creation. A staff reply that ends a cycle after its due date
   * records the cycle's breach in the same change, unless a sweep already did.
   */
  public Uni<Changed> change(
      Ticket before, TicketChange change, TicketSlaState state, Instant now) {
    Ticket after = change.ticket();
    NextReplyFacts facts = state.nextReply().after(change);
    Uni<AppliedSla> pinned =
        catalog.pinned(state.pin().policyVersionId(), state.pin().calendarVersionId());
    Uni<AppliedSla> applied =
        PolicyFacts.of(before).equals(PolicyFacts.of(after))
            ? pinned
            : pinned.flatMap(
                current ->
                    catalog
                        .select(PolicyFacts.of(after))
                        .map(
                            selected ->
                                selected.policy().id().equals(current.policy().id())
                                    ? current
                                    : selected));
    return applied.map(
        a -> {
          TicketChange done = change;
          if (state.nextReply().awaitingReply() && !facts.awaitingReply()) {
            Optional<SlaAlarm> breach =
                SlaAlarmPolicy.breachEndingWithReply(
                    after, state.nextReply(), a.policy().policy(), a.calendar().calendar(), now);
            if (breach.isPresent()) {
              done = merge(change, facts.record(after, List.of(breach.get()), now).orElseThrow());
            }
          }
          NextReplyFacts next = state.nextReply().after(done);
          return new Changed(
              done, evaluate(done.ticket(), new TicketSlaState(a.ids(), next), a, now));
        });
  }

  /** {@code first} followed by the alarms {@code recorded}, as one change. */
  public static TicketChange merge(TicketChange first, NextReplyFacts.Recorded recorded) {
    List<TicketEvent> events = new ArrayList<>(first.events());
    events.addAll(recorded.change().events());
    return new TicketChange(recorded.change().ticket(), events, first.comment());
  }

  /**
   * The SLA warnings and breaches due on {@code ticket} at {@code now}, of all three clocks, as one
   * change by the system; empty when none is due. Each is recorded once per ticket (first response,
   * resolution) or once per reply cycle (next reply).
   */
  public Uni<Optional<TicketChange>> alarmsDue(Ticket ticket, TicketSlaState state, Instant now) {
    return catalog
        .pinned(state.pin().policyVersionId(), state.pin().calendarVersionId())
        .map(
            a -> {
              Optional<TicketChange> once =
                  SlaAlarmPolicy.apply(ticket, a.policy().policy(), a.calendar().calendar(), now);
              Optional<NextReplyFacts.Recorded> cycle =
                  SlaAlarmPolicy.applyNextReply(
                      once.map(TicketChange::ticket).orElse(ticket),
                      state.nextReply(),
                      a.policy().policy(),
                      a.calendar().calendar(),
                      now);
              if (cycle.isEmpty()) {
                return once;
              }
              return Optional.of(
                  once.map(c -> merge(c, cycle.get())).orElseGet(() -> cycle.get().change()));
            });
  }

  /**
   * Re-apply (ADR 17, point 3): the ticket measured against the current selection in the current
   * versions, or empty when that is the pin it already has.
   */
  public Uni<Optional<Measured>> reapply(Ticket ticket, TicketSlaState state, Instant now) {
    return catalog
        .select(PolicyFacts.of(ticket))
        .map(
            selected ->
                selected.ids().equals(state.pin())
                    ? Optional.<Measured>empty()
                    : Optional.of(evaluate(ticket, state, selected, now)));
  }

  /** A change as it will be stored, with the clocks it leaves. */
  public record Changed(TicketChange change, Measured measured) {}

  /** The clocks of {@code ticket} under {@code applied}, all three, at {@code now}. */
  public static Measured evaluate(
      Ticket ticket, TicketSlaState state, AppliedSla applied, Instant now) {
    SlaStatus status =
        Sla.evaluate(
            ticket,
            state.nextReply(),
            applied.policy().policy(),
            applied.calendar().calendar(),
            now);
    return new Measured(applied, state.withPin(applied.ids()), status);
  }
}
