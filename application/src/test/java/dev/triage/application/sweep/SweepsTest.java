package dev.triage.application.sweep;

import static dev.triage.application.fakes.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Decorator;
import dev.triage.application.bus.HandlerRegistry;
import dev.triage.application.bus.Request;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.fakes.FixedSlaCatalog;
import dev.triage.application.fakes.InMemoryOutbox;
import dev.triage.application.fakes.InMemoryTickets;
import dev.triage.application.fakes.InMemoryUnitOfWork;
import dev.triage.application.fakes.RecordingSlaMetrics;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.sla.SlaClocks;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.SlaClock;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Passes of the sweeps over in-memory ports: automatic escalation, SLA warnings and breaches, and
 * auto-close; each change once per ticket, skipping busy rows.
 */
class SweepsTest {

  private static final Instant DAY_LATER = T0.plus(Duration.ofHours(25));

  private final SlaClocks sla = FixedSlaCatalog.defaults();
  private final InMemoryTickets tickets = new InMemoryTickets();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final RecordingSlaMetrics slaMetrics = new RecordingSlaMetrics();
  private final TicketFixtures fixtures = new TicketFixtures(tickets, sla);
  private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  private final List<RequestContext> sent = new ArrayList<>();

  /** The runtime settings every pass and command reads, as an admin last set them. */
  private RuntimeSettings runtime = RuntimeSettings.defaults();

  private TicketId open(Priority priority) {
    return fixtures.open(TicketFixtures.customer(), priority, T0).id();
  }

  private Ticket stored(TicketId id) {
    return tickets.stored(id).orElseThrow();
  }

  // ---------------------------------------------------------------- automatic escalation

  @Test
  void a_stale_ticket_is_escalated_once_however_often_the_pass_runs() {
    TicketId id = open(Priority.MEDIUM);
    Sweeps sweeps = sweepsAt(DAY_LATER);

    assertThat(sweeps.autoEscalation().await().indefinitely()).isEqualTo(1);
    assertThat(sweeps.autoEscalation().await().indefinitely()).isZero();

    assertThat(outbox.events()).singleElement().isInstanceOf(TicketEvent.TicketEscalated.class);
    assertThat(stored(id).priority()).isEqualTo(Priority.HIGH);
    assertThat(stored(id).escalationLevel()).isEqualTo(1);
  }

  @Test
  void a_ticket_younger_than_a_day_is_not_escalated() {
    TicketId id = open(Priority.MEDIUM);

    assertThat(sweepsAt(T0.plus(Duration.ofHours(23))).autoEscalation().await().indefinitely())
        .isZero();

    assertThat(stored(id).escalationLevel()).isZero();
    assertThat(outbox.events()).isEmpty();
  }

  @Test
  void a_ticket_another_replica_holds_is_skipped_and_left_as_it_is() {
    TicketId id = open(Priority.MEDIUM);
    tickets.holdElsewhere(id);

    assertThat(sweepsAt(DAY_LATER).autoEscalation().await().indefinitely()).isZero();

    assertThat(outbox.events()).isEmpty();
    assertThat(stored(id).escalationLevel()).isZero();
  }

  @Test
  void every_ticket_is_sent_as_the_system_with_its_own_request_id() {
    open(Priority.MEDIUM);
    open(Priority.MEDIUM);

    sweepsAt(DAY_LATER).autoEscalation().await().indefinitely();

    assertThat(sent).hasSize(2);
    assertThat(sent).allMatch(c -> c.actor().equals(Actor.system()));
    assertThat(sent).allMatch(c -> c.requestId().startsWith("sweep-"));
    assertThat(sent.get(0).requestId()).isNotEqualTo(sent.get(1).requestId());
    // the candidates are read through the pool: no session is opened around them (a session
    // left on the pass's context would be shared with the commands that follow)
    assertThat(unitOfWork.log()).isEmpty();
  }

  @Test
  void a_ticket_that_fails_does_not_stop_the_pass() {
    TicketId broken = open(Priority.MEDIUM);
    TicketId fine = open(Priority.MEDIUM);
    tickets.failLoading(broken);

    assertThat(sweepsAt(DAY_LATER).autoEscalation().await().indefinitely()).isEqualTo(1);

    assertThat(stored(fine).escalationLevel()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- SLA warnings and breaches

  @Test
  void a_clock_past_its_warning_share_is_warned_once_and_counted() {
    // MEDIUM: first response within 4 h, warned at 80 %, so from 3 h 12 min
    TicketId id = open(Priority.MEDIUM);
    Sweeps sweeps = sweepsAt(T0.plus(Duration.ofMinutes(200)));

    assertThat(sweeps.slaAlarms().await().indefinitely()).isEqualTo(1);
    assertThat(sweeps.slaAlarms().await().indefinitely()).isZero();

    assertThat(outbox.events())
        .singleElement()
        .isInstanceOfSatisfying(
            TicketEvent.SlaWarning.class,
            w -> {
              assertThat(w.clock()).isEqualTo(SlaClock.FIRST_RESPONSE);
              assertThat(w.dueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
            });
    assertThat(stored(id).slaWarningsRecorded()).containsExactly(SlaClock.FIRST_RESPONSE);
    assertThat(slaMetrics.warnings())
        .containsExactly(new RecordingSlaMetrics.Counted(SlaClock.FIRST_RESPONSE, Priority.MEDIUM));
    assertThat(slaMetrics.breaches()).isEmpty();
  }

  @Test
  void a_clock_past_its_due_date_is_recorded_as_breached_and_counted() {
    TicketId id = open(Priority.HIGH);

    // HIGH: first response within 1 h; the resolution clock (8 h) has not reached its warning
    assertThat(sweepsAt(T0.plus(Duration.ofMinutes(90))).slaAlarms().await().indefinitely())
        .isEqualTo(1);

    assertThat(outbox.events())
        .singleElement()
        .isInstanceOfSatisfying(
            TicketEvent.SlaBreached.class,
            b -> assertThat(b.clock()).isEqualTo(SlaClock.FIRST_RESPONSE));
    assertThat(stored(id).slaBreachesRecorded()).containsExactly(SlaClock.FIRST_RESPONSE);
    assertThat(slaMetrics.breaches())
        .containsExactly(new RecordingSlaMetrics.Counted(SlaClock.FIRST_RESPONSE, Priority.HIGH));
    assertThat(stored(id).updatedAt()).isEqualTo(T0);
  }

  @Test
  void a_ticket_whose_clocks_are_well_within_target_gets_no_alarm() {
    TicketId id = open(Priority.LOW);

    assertThat(sweepsAt(T0.plus(Duration.ofHours(1))).slaAlarms().await().indefinitely()).isZero();

    assertThat(outbox.events()).isEmpty();
    assertThat(stored(id).version()).isEqualTo(1);
    assertThat(slaMetrics.warnings()).isEmpty();
  }

  // ---------------------------------------------------------------- auto-close

  @Test
  void a_resolved_ticket_idle_for_seven_days_is_closed_by_the_system() {
    Instant resolvedAt = T0.plus(Duration.ofHours(2));
    TicketId id = resolved(resolvedAt);

    assertThat(sweepsAt(resolvedAt.plus(Duration.ofDays(7))).autoClose().await().indefinitely())
        .isEqualTo(1);

    assertThat(stored(id).status()).isEqualTo(Status.CLOSED);
    assertThat(outbox.events(TicketEvent.TicketClosed.class))
        .singleElement()
        .satisfies(
            closed -> {
              assertThat(closed.automatic()).isTrue();
              assertThat(closed.actor()).isEqualTo(Actor.system());
            });
  }

  @Test
  void a_resolved_ticket_with_recent_activity_stays_resolved() {
    Instant resolvedAt = T0.plus(Duration.ofHours(2));
    TicketId id = resolved(resolvedAt);

    assertThat(sweepsAt(resolvedAt.plus(Duration.ofDays(6))).autoClose().await().indefinitely())
        .isZero();

    assertThat(stored(id).status()).isEqualTo(Status.RESOLVED);
    assertThat(outbox.events()).isEmpty();
  }

  @Test
  void the_ages_of_escalation_and_auto_close_are_the_runtime_settings() {
    runtime =
        RuntimeSettings.of(
                runtime.defaultPriority(),
                runtime.customerPriorities(),
                true,
                Duration.ofHours(2),
                Duration.ofHours(3))
            .orElseThrow();
    TicketId stale = open(Priority.MEDIUM);
    assertThat(sweepsAt(T0.plus(Duration.ofMinutes(119))).autoEscalation().await().indefinitely())
        .isZero();
    assertThat(sweepsAt(T0.plus(Duration.ofMinutes(121))).autoEscalation().await().indefinitely())
        .isEqualTo(1);
    assertThat(stored(stale).escalationLevel()).isEqualTo(1);

    Instant resolvedAt = T0.plus(Duration.ofHours(5));
    TicketId idle = resolved(resolvedAt);
    assertThat(
            sweepsAt(resolvedAt.plus(Duration.ofMinutes(179))).autoClose().await().indefinitely())
        .isZero();
    assertThat(
            sweepsAt(resolvedAt.plus(Duration.ofMinutes(181))).autoClose().await().indefinitely())
        .isEqualTo(1);
    assertThat(stored(idle).status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void the_default_warning_lead_covers_the_longest_last_fifth_of_a_target() {
    // LOW resolution: 48 h, warned at 80 %, so 9.6 h before its due date
    assertThat(SweepSettings.warningLead(SlaSettings.defaults()))
        .isEqualTo(Duration.ofMinutes(576));
  }

  /** A ticket an agent worked on and resolved at {@code at}. */
  private TicketId resolved(Instant at) {
    Ticket ticket = fixtures.open(TicketFixtures.customer(), Priority.MEDIUM, T0);
    Actor agent = TicketFixtures.agent();
    fixtures.change(
        ticket, at, (t, now) -> t.changeStatus(agent, Status.IN_PROGRESS, Optional.empty(), now));
    fixtures.change(
        ticket, at, (t, now) -> t.changeStatus(agent, Status.RESOLVED, Optional.empty(), now));
    return ticket.id();
  }

  /** The sweeps as every replica runs them, with the clock at {@code now}. */
  private Sweeps sweepsAt(Instant now) {
    Clock clock = TicketFixtures.at(now);
    TicketUpdates updates = new TicketUpdates(tickets, outbox, sla, clock);
    SweepSettings settings = SweepSettings.defaults(SlaSettings.defaults());
    CurrentSettings current = () -> Uni.createFrom().item(runtime);
    HandlerRegistry registry =
        new HandlerRegistry()
            .register(
                RecordSlaAlarms.class,
                new RecordSlaAlarmsHandler(tickets, updates, sla, slaMetrics, clock))
            .register(
                EscalateStaleTicket.class,
                new EscalateStaleTicketHandler(tickets, updates, current, clock))
            .register(
                AutoCloseTicket.class,
                new AutoCloseTicketHandler(tickets, updates, current, clock));
    Decorator recording =
        new Decorator() {
          @Override
          public <R> Uni<Result<R>> around(
              Request<R> request, RequestContext context, Supplier<Uni<Result<R>>> next) {
            sent.add(context);
            return next.get();
          }
        };
    Bus bus = new Bus(registry, List.of(recording), List.of());
    return new Sweeps(bus, tickets, tickets, sla, unitOfWork, settings, current, clock);
  }
}
