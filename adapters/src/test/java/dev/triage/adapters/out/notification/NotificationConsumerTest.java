package dev.triage.adapters.out.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.triage.adapters.out.notification.NotificationConsumer.Planned;
import dev.triage.adapters.out.relay.RelayedEvent;
import dev.triage.domain.notification.NotificationKind;
import dev.triage.domain.notification.Recipient;
import dev.triage.domain.ticket.CommentId;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer's planning over a relay batch: the event data read as the outbox stores it (the JSON
 * dump of the domain event, as the service's mapper writes it), and each event's assignee as it was
 * right after that event.
 */
class NotificationConsumerTest {

  static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule());
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final TicketId TICKET = TicketId.of(new UUID(0x2000L, 1));
  static final Actor REQUESTER = Actor.of(UserId.of(new UUID(1, 1)), Role.CUSTOMER);
  static final Actor ANN = Actor.of(UserId.of(new UUID(1, 2)), Role.AGENT);
  static final Actor BOB = Actor.of(UserId.of(new UUID(1, 3)), Role.AGENT);
  static final Actor ADMIN = Actor.of(UserId.of(new UUID(1, 4)), Role.ADMIN);

  private final List<TicketEvent> recorded = new ArrayList<>();

  /** The batch the relay would hand over for {@link #recorded}, the ticket now with {@code now}. */
  private List<RelayedEvent> batch(Optional<Actor> assigneeNow) throws Exception {
    List<RelayedEvent> out = new ArrayList<>();
    long id = 1;
    for (TicketEvent e : recorded) {
      out.add(
          new RelayedEvent(
              id++,
              UUID.randomUUID(),
              e.type(),
              e.internal(),
              e.actor().id().value(),
              e.actor().role().name(),
              e.occurredAt(),
              JSON.writeValueAsString(e),
              TICKET.value(),
              "TCK-2026-000001",
              REQUESTER.id().value(),
              assigneeNow.map(a -> a.id().value()),
              "IN_PROGRESS"));
    }
    return out;
  }

  private static List<Recipient> recipients(
      List<Planned> planned, int event, List<RelayedEvent> b) {
    return planned.stream()
        .filter(p -> p.event().equals(b.get(event)))
        .map(Planned::recipient)
        .toList();
  }

  @Test
  void the_assignee_ids_are_read_from_the_recorded_event() throws Exception {
    recorded.add(new TicketEvent.TicketAssigned(TICKET, ADMIN, T0, ANN.id(), Optional.empty()));
    recorded.add(
        new TicketEvent.TicketAssigned(TICKET, ADMIN, T0, BOB.id(), Optional.of(ANN.id())));
    List<RelayedEvent> b = batch(Optional.of(BOB));
    List<Planned> planned = NotificationConsumer.plan(b, JSON);
    assertThat(recipients(planned, 0, b))
        .containsExactly(new Recipient(ANN.id(), NotificationKind.ASSIGNED_TO_YOU));
    assertThat(recipients(planned, 1, b))
        .containsExactly(
            new Recipient(BOB.id(), NotificationKind.ASSIGNED_TO_YOU),
            new Recipient(ANN.id(), NotificationKind.UNASSIGNED));
  }

  @Test
  void each_event_goes_to_whoever_had_the_ticket_right_after_it() throws Exception {
    recorded.add(new TicketEvent.TicketAssigned(TICKET, ADMIN, T0, ANN.id(), Optional.empty()));
    recorded.add(new TicketEvent.CommentAdded(TICKET, REQUESTER, T0, CommentId.of(new UUID(5, 1))));
    recorded.add(new TicketEvent.TicketUnassigned(TICKET, ADMIN, T0, ANN.id()));
    recorded.add(new TicketEvent.CommentAdded(TICKET, REQUESTER, T0, CommentId.of(new UUID(5, 2))));
    recorded.add(new TicketEvent.TicketAssigned(TICKET, ADMIN, T0, BOB.id(), Optional.empty()));
    recorded.add(
        new TicketEvent.StatusChanged(
            TICKET, REQUESTER, T0, Status.RESOLVED, Status.OPEN, Optional.empty()));
    List<RelayedEvent> b = batch(Optional.of(BOB));
    List<Planned> planned = NotificationConsumer.plan(b, JSON);
    assertThat(recipients(planned, 1, b))
        .containsExactly(new Recipient(ANN.id(), NotificationKind.REPLY));
    assertThat(recipients(planned, 2, b))
        .containsExactly(new Recipient(ANN.id(), NotificationKind.UNASSIGNED));
    assertThat(recipients(planned, 3, b)).isEmpty();
    assertThat(recipients(planned, 5, b))
        .containsExactly(new Recipient(BOB.id(), NotificationKind.STATUS_CHANGED));
  }

  @Test
  void an_internal_note_goes_to_the_assignee_and_never_to_the_requester() throws Exception {
    recorded.add(new TicketEvent.InternalNoteAdded(TICKET, BOB, T0, CommentId.of(new UUID(5, 3))));
    recorded.add(new TicketEvent.InternalNoteAdded(TICKET, ANN, T0, CommentId.of(new UUID(5, 4))));
    List<RelayedEvent> b = batch(Optional.of(ANN));
    List<Planned> planned = NotificationConsumer.plan(b, JSON);
    assertThat(planned)
        .extracting(Planned::recipient)
        .containsExactly(new Recipient(ANN.id(), NotificationKind.INTERNAL_NOTE));
  }

  @Test
  void unreadable_event_data_reads_as_no_assignee_instead_of_stopping_the_relay() throws Exception {
    recorded.add(new TicketEvent.TicketUnassigned(TICKET, ADMIN, T0, ANN.id()));
    RelayedEvent e = batch(Optional.empty()).getFirst();
    RelayedEvent broken =
        new RelayedEvent(
            e.outboxId(),
            e.eventId(),
            e.type(),
            e.internal(),
            e.actorId(),
            e.actorRole(),
            e.occurredAt(),
            "{not json",
            e.ticketId(),
            e.ticketNumber(),
            e.requesterId(),
            e.assigneeId(),
            e.ticketStatus());
    assertThat(NotificationConsumer.plan(List.of(broken), JSON)).isEmpty();
  }
}
