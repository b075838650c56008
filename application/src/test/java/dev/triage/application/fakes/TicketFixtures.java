package dev.triage.application.fakes;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.sla.TicketSlaState;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * People, requests and stored tickets for the use-case tests. Tickets are put in the state a test
 * needs with the domain's own operations and stored through the {@link InMemoryTickets} port, so
 * their numbers, versions and stored clocks are the ones the handlers would have written.
 */
public final class TicketFixtures {

  /** A Monday morning in UTC; the default SLA calendar is 24x7 anyway. */
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** The ticket number prefix the tests configure. */
  public static final String PREFIX = "TCK";

  private final InMemoryTickets tickets;
  private final SlaClocks sla;
  private final SplittableRandom random = new SplittableRandom(7);

  public TicketFixtures(InMemoryTickets tickets, SlaClocks sla) {
    this.tickets = tickets;
    this.sla = sla;
  }

  /** A clock that stays at {@code instant}. */
  public static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  public static Actor customer() {
    return person(Role.CUSTOMER);
  }

  public static Actor agent() {
    return person(Role.AGENT);
  }

  public static Actor admin() {
    return person(Role.ADMIN);
  }

  private static Actor person(Role role) {
    return Actor.of(UserId.of(UUID.randomUUID()), role);
  }

  /** A request by {@code actor}, logged in with a password, with a request id of its own. */
  public static RequestContext as(Actor actor) {
    return RequestContext.of(Caller.person(actor), "req-" + UUID.randomUUID(), "203.0.113.7");
  }

  /** A ticket {@code requester} opened at {@code at}, numbered from the sequence and stored. */
  public Ticket open(Actor requester, Priority priority, Instant at) {
    long sequence = tickets.nextNumber().await().indefinitely();
    Ticket ticket =
        Ticket.open(
                TicketId.newId(at, random),
                TicketNumber.of(PREFIX, 2026, sequence),
                requester,
                Title.of("Printer jam on the third floor").orElseThrow(),
                Description.of("Paper everywhere.").orElseThrow(),
                priority,
                Optional.empty(),
                Tags.empty(),
                at)
            .orElseThrow()
            .ticket();
    SlaClocks.Measured clocks = sla.open(ticket, at).await().indefinitely();
    tickets.add(ticket, clocks.state(), clocks.status()).await().indefinitely();
    return ticket;
  }

  /**
   * Applies {@code operation} to the stored ticket at {@code at} and stores the change, as a
   * command would; answers the new state. Fails the test if the operation is refused.
   */
  public Ticket change(
      Ticket ticket, Instant at, BiFunction<Ticket, Instant, Result<TicketChange>> operation) {
    Ticket before = tickets.stored(ticket.id()).orElseThrow();
    TicketChange change = operation.apply(before, at).orElseThrow();
    TicketSlaState state = tickets.slaState(before.id()).await().indefinitely();
    SlaClocks.Changed changed = sla.change(before, change, state, at).await().indefinitely();
    boolean saved =
        tickets
            .update(
                before, changed.change(), changed.measured().state(), changed.measured().status())
            .await()
            .indefinitely();
    if (!saved) {
      throw new IllegalStateException("the fixture's change was refused: " + before);
    }
    return changed.change().ticket();
  }
}
