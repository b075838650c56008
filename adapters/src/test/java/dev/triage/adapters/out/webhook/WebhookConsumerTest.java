package dev.triage.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.adapters.out.relay.RelayedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which webhooks hear of an event, and what they are sent. */
class WebhookConsumerTest {

  static final Instant T0 = Instant.parse("2026-11-22T10:15:30Z");
  static final ObjectMapper JSON = new ObjectMapper();

  static RelayedEvent event(String type, boolean internal, Instant at) {
    return new RelayedEvent(
        1L,
        UUID.fromString("0193a1b2-0000-7000-8000-000000000001"),
        type,
        internal,
        UUID.randomUUID(),
        "AGENT",
        at,
        "{\"ticketId\":\"t\",\"assigneeId\":\"a\"}",
        UUID.randomUUID(),
        "TCK-2026-000042",
        UUID.randomUUID(),
        Optional.empty(),
        "OPEN");
  }

  static WebhookConsumer.Listener listener(Set<String> events, boolean internal) {
    return new WebhookConsumer.Listener(UUID.randomUUID(), events, internal, T0);
  }

  @Test
  void a_webhook_without_event_types_hears_every_public_event() {
    WebhookConsumer.Listener all = listener(Set.of(), false);
    assertThat(all.hears(event("TicketCreated", false, T0))).isTrue();
    assertThat(all.hears(event("TicketAssigned", false, T0.plusSeconds(1)))).isTrue();
  }

  @Test
  void a_webhook_with_event_types_hears_only_those() {
    WebhookConsumer.Listener assigned = listener(Set.of("TicketAssigned"), false);
    assertThat(assigned.hears(event("TicketAssigned", false, T0))).isTrue();
    assertThat(assigned.hears(event("TicketCreated", false, T0))).isFalse();
  }

  @Test
  void staff_only_events_reach_only_webhooks_that_asked_for_them() {
    assertThat(listener(Set.of(), false).hears(event("InternalNoteAdded", true, T0))).isFalse();
    assertThat(listener(Set.of(), true).hears(event("InternalNoteAdded", true, T0))).isTrue();
    assertThat(
            listener(Set.of("InternalNoteAdded"), false)
                .hears(event("InternalNoteAdded", true, T0)))
        .isFalse();
  }

  @Test
  void events_older_than_the_registration_are_not_sent() {
    assertThat(listener(Set.of(), false).hears(event("TicketCreated", false, T0.minusMillis(1))))
        .isFalse();
  }

  @Test
  void the_body_carries_the_event_id_type_time_ticket_and_data() throws Exception {
    WebhookConsumer consumer = new WebhookConsumer(JSON, Clock.fixed(T0, ZoneOffset.UTC));
    ObjectNode ticket = JSON.createObjectNode().put("number", "TCK-2026-000042");
    RelayedEvent e = event("TicketAssigned", false, T0);

    JsonNode body = JSON.readTree(consumer.body(e, ticket));

    assertThat(body.get("id").asText()).isEqualTo(e.eventId().toString());
    assertThat(body.get("type").asText()).isEqualTo("TicketAssigned");
    assertThat(body.get("occurredAt").asText()).isEqualTo("2026-11-22T10:15:30Z");
    assertThat(body.get("ticket").get("number").asText()).isEqualTo("TCK-2026-000042");
    assertThat(body.get("data").get("assigneeId").asText()).isEqualTo("a");
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly("id", "type", "occurredAt", "ticket", "data");
  }
}
