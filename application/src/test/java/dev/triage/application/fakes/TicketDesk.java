package dev.triage.application.fakes;

import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.change.AddCommentHandler;
import dev.triage.application.ticket.change.TicketUpdates;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The in-memory ports ticket commands run on, the fixtures that fill them, and the commands' shared
 * steps at a fixed time: what every test of a ticket command starts from.
 */
public final class TicketDesk {

  public final InMemoryTickets tickets = new InMemoryTickets();
  public final InMemoryOutbox outbox = new InMemoryOutbox();
  public final SlaClocks sla = FixedSlaCatalog.defaults();
  public final TicketFixtures fixtures = new TicketFixtures(tickets, sla);

  /** The steps ticket commands share, on a clock that stays at {@code now}. */
  public TicketUpdates updatesAt(Instant now) {
    return new TicketUpdates(tickets, outbox, sla, TicketFixtures.at(now));
  }

  /** Adds comments at {@code now}, its new ids drawn from a generator seeded with {@code seed}. */
  public AddCommentHandler commentsAt(Instant now, long seed) {
    return commentsAt(now, seed, FixedRateLimits.unlimited());
  }

  /** Adds comments at {@code now}; follow-ups count against {@code limits}. */
  public AddCommentHandler commentsAt(Instant now, long seed, FixedRateLimits limits) {
    return new AddCommentHandler(
        updatesAt(now),
        tickets,
        outbox,
        new SplittableRandom(seed),
        TicketFixtures.PREFIX,
        sla,
        limits);
  }
}
