package dev.triage.application.ticket.change;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static dev.triage.application.fakes.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.fakes.InMemoryAccounts;
import dev.triage.application.fakes.TicketDesk;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.application.ticket.TicketView;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two changes of one ticket made from the same version: only one is stored, and the other is
 * refused without a trace. A caller's stale {@code If-Match} version is refused before anything is
 * changed.
 */
class ConcurrentChangeTest {

  private static final Instant NOW = T0.plus(Duration.ofMinutes(20));

  private final TicketDesk desk = new TicketDesk();
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final TicketUpdates updates = desk.updatesAt(NOW);

  private Account agent(String email) {
    Account account =
        new Account(
            UserId.of(UUID.randomUUID()),
            Email.of(email).orElseThrow(),
            DisplayName.of(email).orElseThrow(),
            Role.AGENT,
            true,
            "hash",
            0,
            T0,
            T0,
            1);
    accounts.add(account).await().indefinitely();
    return account;
  }

  @Test
  void of_two_agents_taking_a_ticket_at_once_the_second_to_save_is_refused_and_changes_nothing() {
    Ticket ticket = desk.fixtures.open(TicketFixtures.customer(), Priority.MEDIUM, T0);
    Account ann = agent("ann@example.com");
    Account bob = agent("bob@example.com");
    AssignTicketHandler assign = new AssignTicketHandler(updates, accounts);
    RequestContext annAsks = TicketFixtures.as(ann.actor());
    RequestContext bobAsks = TicketFixtures.as(bob.actor());
    AtomicReference<Result<TicketView>> bobGot = new AtomicReference<>();
    // Bob's command reads version 1 too and saves while Ann's is between its read and its write.
    desk.tickets.beforeNextUpdate(
        () ->
            bobGot.set(
                assign
                    .handle(
                        new AssignTicket(
                            ticket.id().toString(), Optional.empty(), bob.id().toString()),
                        bobAsks)
                    .await()
                    .indefinitely()));

    Result<TicketView> annGot =
        assign
            .handle(
                new AssignTicket(ticket.id().toString(), Optional.empty(), ann.id().toString()),
                annAsks)
            .await()
            .indefinitely();

    assertThat(bobGot.get().orElseThrow().assigneeId()).contains(bob.id());
    assertRejected(annGot, ErrorCode.CONFLICT);
    Ticket stored = desk.tickets.stored(ticket.id()).orElseThrow();
    assertThat(stored.assigneeId()).contains(bob.id());
    assertThat(stored.version()).isEqualTo(2);
    assertThat(desk.tickets.updatesWritten()).isEqualTo(1);
    assertThat(desk.outbox.events(TicketEvent.TicketAssigned.class))
        .singleElement()
        .extracting(TicketEvent.TicketAssigned::assigneeId)
        .isEqualTo(bob.id());
    assertThat(annAsks.effects().change()).isEmpty();
    assertThat(annAsks.effects().eventsAppended()).isFalse();
  }

  @Test
  void a_change_sent_with_an_old_version_is_refused_as_a_version_mismatch() {
    Ticket ticket = desk.fixtures.open(TicketFixtures.customer(), Priority.LOW, T0);
    Ticket escalated =
        desk.fixtures.change(
            ticket, T0, (t, at) -> t.escalate(TicketFixtures.agent(), Optional.empty(), at));
    EscalateTicketHandler escalate = new EscalateTicketHandler(updates);
    RequestContext context = TicketFixtures.as(TicketFixtures.agent());

    Result<TicketView> stale =
        escalate
            .handle(new EscalateTicket(ticket.id().toString(), Optional.of(1L), "again"), context)
            .await()
            .indefinitely();

    assertRejected(stale, ErrorCode.VERSION_MISMATCH);
    assertThat(desk.tickets.stored(ticket.id())).contains(escalated);
    assertThat(desk.outbox.events()).isEmpty();
    assertThat(context.effects().change()).isEmpty();

    // The same request with the current version goes through.
    TicketView current =
        escalate
            .handle(
                new EscalateTicket(ticket.id().toString(), Optional.of(2L), "again"),
                TicketFixtures.as(TicketFixtures.agent()))
            .await()
            .indefinitely()
            .orElseThrow();
    assertThat(current.priority()).isEqualTo(Priority.HIGH);
    assertThat(current.version()).isEqualTo(3);
  }
}
