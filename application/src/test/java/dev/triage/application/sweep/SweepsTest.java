package dev.triage.application.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Decorator;
import dev.triage.application.bus.HandlerRegistry;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.application.port.SweepCandidates;
import dev.triage.application.port.Tickets;
import dev.triage.application.port.UnitOfWork;
import dev.triage.application.ticket.SlaSettings;
import dev.triage.application.ticket.change.TicketUpdates;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Comment;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One automatic-escalation pass over in-memory ports: once per ticket, skipping busy rows. */
class SweepsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Clock DAY_LATER = Clock.fixed(T0.plus(Duration.ofHours(25)), ZoneOffset.UTC);

  private final MemoryTickets tickets = new MemoryTickets();
  private final List<TicketEvent> outbox = new ArrayList<>();
  private final List<RequestContext> sent = new ArrayList<>();

  @Test
  void a_stale_ticket_is_escalated_once_however_often_the_pass_runs() {
    TicketId id = tickets.open(1);
    Sweeps sweeps = sweeps();

    assertThat(sweeps.autoEscalation().await().indefinitely()).isEqualTo(1);
    assertThat(sweeps.autoEscalation().await().indefinitely()).isZero();

    assertThat(outbox).hasSize(1).first().isInstanceOf(TicketEvent.TicketEscalated.class);
    assertThat(tickets.rows.get(id).priority()).isEqualTo(Priority.HIGH);
    assertThat(tickets.rows.get(id).escalationLevel()).isEqualTo(1);
  }

  @Test
  void a_ticket_another_replica_holds_is_skipped_and_left_as_it_is() {
    TicketId id = tickets.open(1);
    tickets.heldElsewhere.add(id);

    assertThat(sweeps().autoEscalation().await().indefinitely()).isZero();

    assertThat(outbox).isEmpty();
    assertThat(tickets.rows.get(id).escalationLevel()).isZero();
  }

  @Test
  void every_ticket_is_sent_as_the_system_with_its_own_request_id() {
    tickets.open(1);
    tickets.open(2);

    sweeps().autoEscalation().await().indefinitely();

    assertThat(sent).hasSize(2);
    assertThat(sent).allMatch(c -> c.actor().equals(Actor.system()));
    assertThat(sent).allMatch(c -> c.requestId().startsWith("sweep-"));
    assertThat(sent.get(0).requestId()).isNotEqualTo(sent.get(1).requestId());
  }

  @Test
  void a_ticket_that_fails_does_not_stop_the_pass() {
    TicketId broken = tickets.open(1);
    TicketId fine = tickets.open(2);
    tickets.failing.add(broken);

    assertThat(sweeps().autoEscalation().await().indefinitely()).isEqualTo(1);

    assertThat(tickets.rows.get(fine).escalationLevel()).isEqualTo(1);
  }

  @Test
  void the_default_warning_lead_covers_the_longest_last_fifth_of_a_target() {
    // LOW resolution: 48 h, warned at 80 %, so 9.6 h before its due date
    assertThat(SweepSettings.warningLead(SlaSettings.defaults()))
        .isEqualTo(Duration.ofMinutes(576));
  }

  private Sweeps sweeps() {
    SlaSettings sla = SlaSettings.defaults();
    Outbox memoryOutbox =
        (events, context) -> {
          outbox.addAll(events);
          return Uni.createFrom().voidItem();
        };
    TicketUpdates updates = new TicketUpdates(tickets, memoryOutbox, sla, DAY_LATER);
    SweepSettings settings = SweepSettings.defaults(sla);
    HandlerRegistry registry =
        new HandlerRegistry()
            .register(
                EscalateStaleTicket.class,
                new EscalateStaleTicketHandler(tickets, updates, settings.escalation(), DAY_LATER));
    Decorator recording =
        new Decorator() {
          @Override
          public <R> Uni<dev.triage.domain.shared.Result<R>> around(
              dev.triage.application.bus.Request<R> request,
              RequestContext context,
              Supplier<Uni<dev.triage.domain.shared.Result<R>>> next) {
            sent.add(context);
            return next.get();
          }
        };
    Bus bus = new Bus(registry, List.of(recording), List.of());
    UnitOfWork direct =
        new UnitOfWork() {
          @Override
          public <T> Uni<T> transactional(Supplier<Uni<T>> work) {
            return work.get();
          }

          @Override
          public <T> Uni<T> readOnly(Supplier<Uni<T>> work) {
            return work.get();
          }
        };
    return new Sweeps(bus, tickets, direct, settings, DAY_LATER);
  }

  /** Tickets in a map; a row may be held by another replica or fail to load. */
  static final class MemoryTickets implements Tickets, SweepCandidates {
    final Map<TicketId, Ticket> rows = new LinkedHashMap<>();
    final Set<TicketId> heldElsewhere = new HashSet<>();
    final Set<TicketId> failing = new HashSet<>();

    TicketId open(long sequence) {
      TicketId id = TicketId.of(UUID.randomUUID());
      Ticket t =
          Ticket.open(
                  id,
                  TicketNumber.of("TCK", 2026, sequence),
                  Actor.of(UserId.of(UUID.randomUUID()), Role.CUSTOMER),
                  Title.of("Printer jam").orElseThrow(),
                  Description.of("Paper everywhere.").orElseThrow(),
                  Priority.MEDIUM,
                  Optional.empty(),
                  Tags.empty(),
                  T0)
              .orElseThrow()
              .ticket();
      rows.put(id, t);
      return id;
    }

    @Override
    public Uni<List<TicketId>> staleOpen(Instant createdAtOrBefore, int limit) {
      return Uni.createFrom().item(List.copyOf(rows.keySet()));
    }

    @Override
    public Uni<List<TicketId>> resolvedIdle(Instant idleSinceAtOrBefore, int limit) {
      return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<List<TicketId>> slaAlarms(
        Instant now, Instant dueBy, Instant stoppedSince, int limit) {
      return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<Optional<Ticket>> byIdForUpdateSkipLocked(TicketId id) {
      if (failing.contains(id)) {
        return Uni.createFrom().failure(new IllegalStateException("connection lost"));
      }
      return Uni.createFrom()
          .item(heldElsewhere.contains(id) ? Optional.empty() : Optional.ofNullable(rows.get(id)));
    }

    @Override
    public Uni<Boolean> update(Ticket before, TicketChange change, SlaStatus sla) {
      Ticket after = change.ticket();
      if (rows.get(after.id()).version() != before.version()) {
        return Uni.createFrom().item(false);
      }
      rows.put(after.id(), after);
      return Uni.createFrom().item(true);
    }

    @Override
    public Uni<Long> nextNumber() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Uni<Void> add(Ticket ticket, SlaStatus sla) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Uni<Optional<Comment>> comment(TicketId ticket, CommentId id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Uni<Optional<Ticket>> byIdForUpdate(TicketId id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Uni<Optional<Ticket>> byNumberForUpdate(TicketNumber number) {
      throw new UnsupportedOperationException();
    }
  }
}
