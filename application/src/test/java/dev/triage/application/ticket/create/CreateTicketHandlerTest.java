package dev.triage.application.ticket.create;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static dev.triage.application.fakes.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.fakes.FixedSlaCatalog;
import dev.triage.application.fakes.InMemoryOutbox;
import dev.triage.application.fakes.InMemoryTickets;
import dev.triage.application.fakes.RecordingTicketMetrics;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.application.port.Categories;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.ticket.TicketLookup;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.find.FindTicket;
import dev.triage.application.ticket.find.FindTicketHandler;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.SlaStatus;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Status;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A customer opens a ticket: what is stored, what they are answered, and what is announced. */
class CreateTicketHandlerTest {

  private final InMemoryTickets tickets = new InMemoryTickets();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final RecordingTicketMetrics metrics = new RecordingTicketMetrics();
  private final Actor customer = TicketFixtures.customer();

  /** The runtime settings the handler reads, as an admin last set them. */
  private RuntimeSettings settings = RuntimeSettings.defaults();

  private final CreateTicketHandler handler =
      new CreateTicketHandler(
          tickets,
          TicketFixtures.at(T0),
          new SplittableRandom(1),
          TicketFixtures.PREFIX,
          FixedSlaCatalog.defaults(),
          metrics,
          outbox,
          current(),
          CreateTicketHandlerTest::everyCategory);

  /** A catalogue that has every category, active, spelled as asked. */
  private static Uni<Optional<Categories.Stored>> everyCategory(String name) {
    return Uni.createFrom()
        .item(
            Optional.of(
                new Categories.Stored(
                    UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)),
                    name,
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    1,
                    T0)));
  }

  private CurrentSettings current() {
    return () -> Uni.createFrom().item(settings);
  }

  private Result<TicketView> create(CreateTicket command, RequestContext context) {
    return handler.handle(command, context).await().indefinitely();
  }

  @Test
  void a_customers_ticket_is_stored_and_answered_with_its_number_and_fields() {
    RequestContext context = TicketFixtures.as(customer);

    TicketView view =
        create(
                new CreateTicket(
                    "VPN drops every hour",
                    "Since Monday the VPN disconnects on the hour.",
                    Priority.HIGH,
                    "network",
                    List.of("vpn", "Remote")),
                context)
            .orElseThrow();

    assertThat(view.number()).isEqualTo(new TicketNumber("TCK-2026-000001"));
    assertThat(view.title()).isEqualTo("VPN drops every hour");
    assertThat(view.description()).isEqualTo("Since Monday the VPN disconnects on the hour.");
    assertThat(view.priority()).isEqualTo(Priority.HIGH);
    assertThat(view.category()).contains("network");
    assertThat(view.tags()).containsExactly("vpn", "remote");
    assertThat(view.status()).isEqualTo(Status.OPEN);
    assertThat(view.requesterId()).isEqualTo(customer.id());
    assertThat(view.assigneeId()).isEmpty();
    assertThat(view.createdAt()).isEqualTo(T0);
    assertThat(view.version()).isEqualTo(1);

    Ticket stored = tickets.stored(view.id()).orElseThrow();
    assertThat(stored.number()).isEqualTo(view.number());
    assertThat(stored.requesterId()).isEqualTo(customer.id());
    assertThat(stored.title().value()).isEqualTo(view.title());
    assertThat(context.effects().change())
        .hasValueSatisfying(
            change -> {
              assertThat(change.entityId()).isEqualTo(view.id().toString());
              assertThat(change.before()).isEmpty();
              assertThat(change.after()).isPresent();
            });
  }

  @Test
  void the_sla_due_dates_are_set_from_the_clock_and_stored_for_the_read_side() {
    TicketView view =
        create(
                new CreateTicket(
                    "Laptop will not boot", "Black screen.", Priority.HIGH, null, null),
                TicketFixtures.as(customer))
            .orElseThrow();

    // HIGH: first response within 1 h, resolution within 8 h, on the 24x7 default calendar
    assertThat(view.sla().at()).isEqualTo(T0);
    assertThat(view.sla().firstResponse().dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(view.sla().resolution().dueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
    assertThat(view.sla().firstResponse().running()).isTrue();
    SlaStatus stored = tickets.storedClocks(view.id()).orElseThrow();
    assertThat(stored.firstResponse().dueAt()).isEqualTo(view.sla().firstResponse().dueAt());
    assertThat(stored.resolution().dueAt()).isEqualTo(view.sla().resolution().dueAt());
  }

  @Test
  void the_opening_is_announced_through_the_outbox_and_counted() {
    RequestContext context = TicketFixtures.as(customer);

    TicketView view =
        create(new CreateTicket("Printer offline", "It says offline.", null, null, null), context)
            .orElseThrow();

    assertThat(outbox.events())
        .singleElement()
        .isInstanceOfSatisfying(
            TicketEvent.TicketCreated.class,
            created -> {
              assertThat(created.ticketId()).isEqualTo(view.id());
              assertThat(created.number()).isEqualTo(view.number());
              assertThat(created.actor()).isEqualTo(customer);
              assertThat(created.occurredAt()).isEqualTo(T0);
            });
    assertThat(context.effects().eventsAppended()).isTrue();
    // no priority given: MEDIUM
    assertThat(view.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(metrics.created()).containsExactly(Priority.MEDIUM);
  }

  @Test
  void the_new_ticket_reads_back_by_its_number_for_its_requester_only() {
    TicketView created =
        create(
                new CreateTicket("Monitor flickers", "Left one.", null, null, null),
                TicketFixtures.as(customer))
            .orElseThrow();
    FindTicketHandler find =
        new FindTicketHandler(
            new TicketLookup(tickets), FixedSlaCatalog.defaults(), TicketFixtures.at(T0));
    FindTicket byNumber = new FindTicket(created.number().value());

    Result<TicketView> mine =
        find.handle(byNumber, TicketFixtures.as(customer)).await().indefinitely();
    Result<TicketView> someoneElses =
        find.handle(byNumber, TicketFixtures.as(TicketFixtures.customer())).await().indefinitely();

    assertThat(mine).isEqualTo(Result.ok(created));
    assertRejected(someoneElses, ErrorCode.NOT_FOUND);
  }

  @Test
  void each_ticket_takes_the_next_number_of_the_sequence() {
    TicketView first =
        create(new CreateTicket("First one", "a", null, null, null), TicketFixtures.as(customer))
            .orElseThrow();
    TicketView second =
        create(new CreateTicket("Second one", "b", null, null, null), TicketFixtures.as(customer))
            .orElseThrow();

    assertThat(first.number().value()).isEqualTo("TCK-2026-000001");
    assertThat(second.number().value()).isEqualTo("TCK-2026-000002");
  }

  @Test
  void every_invalid_field_is_named_and_nothing_is_stored_or_announced() {
    Result<TicketView> refused =
        create(
            new CreateTicket("Hi", " ", null, null, List.of("ok", " ")),
            TicketFixtures.as(customer));

    assertThat(refused)
        .isInstanceOfSatisfying(
            Result.Err.class,
            err -> {
              assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(err.fieldErrors()).containsOnlyKeys("title", "description", "tags");
            });
    assertThat(tickets.all()).isEmpty();
    assertThat(outbox.events()).isEmpty();
    assertThat(metrics.created()).isEmpty();
    // the refused request took no number
    TicketView next =
        create(
                new CreateTicket("Valid title", "Valid.", null, null, null),
                TicketFixtures.as(customer))
            .orElseThrow();
    assertThat(next.number().value()).isEqualTo("TCK-2026-000001");
  }

  @Test
  void a_customer_choosing_a_priority_the_settings_do_not_allow_is_refused_naming_priority() {
    settings = restrictedTo(Priority.LOW, Priority.MEDIUM);

    Result<TicketView> refused =
        create(
            new CreateTicket("Everything is down", "Really.", Priority.CRITICAL, null, null),
            TicketFixtures.as(customer));

    assertThat(refused)
        .isInstanceOfSatisfying(
            Result.Err.class,
            err -> {
              assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(err.fieldErrors()).containsOnlyKeys("priority");
            });
    assertThat(tickets.all()).isEmpty();
    assertThat(outbox.events()).isEmpty();
    assertThat(
            create(
                    new CreateTicket("Slow printer", "A bit.", Priority.MEDIUM, null, null),
                    TicketFixtures.as(customer))
                .orElseThrow()
                .priority())
        .isEqualTo(Priority.MEDIUM);
  }

  @Test
  void staff_may_choose_any_priority_whatever_customers_may() {
    settings = restrictedTo(Priority.LOW, Priority.MEDIUM);

    for (Actor staff : List.of(TicketFixtures.agent(), TicketFixtures.admin())) {
      assertThat(
              create(
                      new CreateTicket("Outage", "Everything.", Priority.CRITICAL, null, null),
                      TicketFixtures.as(staff))
                  .orElseThrow()
                  .priority())
          .isEqualTo(Priority.CRITICAL);
    }
  }

  @Test
  void a_ticket_opened_without_a_priority_gets_the_settings_default() {
    settings =
        RuntimeSettings.of(
                Priority.LOW,
                List.of(Priority.LOW),
                true,
                RuntimeSettings.defaults().autoEscalateAfter(),
                RuntimeSettings.defaults().autoCloseAfter())
            .orElseThrow();

    for (Actor caller : List.of(customer, TicketFixtures.agent())) {
      TicketView view =
          create(
                  new CreateTicket("No priority", "Named.", null, null, null),
                  TicketFixtures.as(caller))
              .orElseThrow();
      assertThat(view.priority()).isEqualTo(Priority.LOW);
    }
    assertThat(metrics.created()).containsExactly(Priority.LOW, Priority.LOW);
  }

  private static RuntimeSettings restrictedTo(Priority... allowed) {
    RuntimeSettings d = RuntimeSettings.defaults();
    return RuntimeSettings.of(
            d.defaultPriority(),
            List.of(allowed),
            d.requesterMayAcceptResolution(),
            d.autoEscalateAfter(),
            d.autoCloseAfter())
        .orElseThrow();
  }

  @Test
  void the_system_may_not_open_a_ticket() {
    Result<TicketView> refused =
        create(
            new CreateTicket("Automatic", "From a job.", null, null, null),
            TicketFixtures.as(Actor.system()));

    assertRejected(refused, ErrorCode.FORBIDDEN);
    assertThat(tickets.all()).isEmpty();
    assertThat(outbox.events()).isEmpty();
    assertThat(metrics.created()).isEmpty();
  }
}
