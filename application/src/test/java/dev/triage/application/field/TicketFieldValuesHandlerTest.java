package dev.triage.application.field;

import static dev.triage.application.fakes.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.fakes.FixedSlaCatalog;
import dev.triage.application.fakes.InMemoryOutbox;
import dev.triage.application.fakes.InMemoryTickets;
import dev.triage.application.fakes.RecordingTicketMetrics;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.application.port.CurrentSettings;
import dev.triage.application.port.TicketFieldCatalogue;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.application.ticket.create.CreateTicketHandler;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.FieldDefinition;
import dev.triage.domain.ticket.FieldType;
import dev.triage.domain.user.Actor;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Opening a ticket with custom field values: kept as checked; staff-only ones hidden from
 * customers.
 */
class TicketFieldValuesHandlerTest {

  private static final FieldDefinition TIER =
      new FieldDefinition(
          "tier", "Tier", FieldType.DECIMAL, List.of(), false, false, true, true, 0, true);
  private static final FieldDefinition SECRET =
      new FieldDefinition(
          "secret", "Secret", FieldType.INTEGER, List.of(), false, false, false, false, 1, true);

  private final TicketFieldCatalogue catalogue =
      () -> Uni.createFrom().item(Map.of("tier", TIER, "secret", SECRET));

  private final CreateTicketHandler handler =
      new CreateTicketHandler(
          new InMemoryTickets(),
          TicketFixtures.at(T0),
          new SplittableRandom(1),
          TicketFixtures.PREFIX,
          FixedSlaCatalog.defaults(),
          new RecordingTicketMetrics(),
          new InMemoryOutbox(),
          current(),
          name -> Uni.createFrom().item(Optional.empty()),
          catalogue);

  private static CurrentSettings current() {
    return () -> Uni.createFrom().item(RuntimeSettings.defaults());
  }

  private Result<TicketView> open(Actor actor, Map<String, Object> fields) {
    return handler
        .handle(
            new CreateTicket("VPN drops", "Since Monday.", null, null, List.of(), fields),
            TicketFixtures.as(actor))
        .await()
        .indefinitely();
  }

  @Test
  void staff_open_a_ticket_with_values_kept_exactly() {
    TicketView view =
        open(
                TicketFixtures.agent(),
                Map.of("tier", new BigDecimal("12.50"), "secret", BigInteger.valueOf(7)))
            .orElseThrow();
    assertThat(view.fields()).containsEntry("secret", 7L);
    assertThat(view.fields().get("tier").toString()).isEqualTo("12.50");
  }

  @Test
  void a_customer_may_not_set_a_staff_only_field() {
    Result<TicketView> refused = open(TicketFixtures.customer(), Map.of("secret", BigInteger.ONE));
    assertThat(refused).isInstanceOf(Result.Err.class);
    assertThat(((Result.Err<TicketView>) refused).fieldErrors()).containsKey("fields.secret");
  }

  @Test
  void a_customer_sees_the_values_of_fields_shown_to_customers_only() {
    TicketView view =
        open(
                TicketFixtures.agent(),
                Map.of("tier", new BigDecimal("1.5"), "secret", BigInteger.valueOf(7)))
            .orElseThrow();
    Map<String, FieldDefinition> all = Map.of("tier", TIER, "secret", SECRET);
    assertThat(view.seenBy(TicketFixtures.customer(), all).fields()).containsOnlyKeys("tier");
    assertThat(view.seenBy(TicketFixtures.customer()).fields()).isEmpty();
    assertThat(view.seenBy(TicketFixtures.agent(), all).fields())
        .containsOnlyKeys("tier", "secret");
  }
}
