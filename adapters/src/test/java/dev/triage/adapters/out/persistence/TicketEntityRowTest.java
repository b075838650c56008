package dev.triage.adapters.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketEntityRowTest {

  @Test
  void a_new_row_is_inserted_with_every_column_the_entity_maps() {
    assertThat(TicketEntity.insertColumns())
        .containsExactlyInAnyOrderElementsOf(TicketEntity.persistentColumns());
  }

  @Test
  void a_new_row_carries_its_values_under_their_column_names_and_its_field_values_as_json() {
    TicketEntity row = new TicketEntity();
    row.id = java.util.UUID.fromString("01a24d94-e85d-7eb4-a951-f0108b4827ee");
    row.number = "TCK-2026-0000001";
    row.tags = new String[] {"vip"};
    row.escalationLevel = 2;
    row.autoEscalated = true;
    row.createdAt = java.time.Instant.parse("2026-12-07T01:02:03.456789Z");
    row.fields = "{\"tier\":\"gold\"}";
    row.statusHistory = "[{\"status\":\"OPEN\"}]";
    String json = TicketEntity.insertRows(java.util.List.of(row));
    assertThat(json)
        .startsWith(
            "[{\"id\":\"01a24d94-e85d-7eb4-a951-f0108b4827ee\",\"number\":\"TCK-2026-0000001\"")
        .contains("\"tags\":[\"vip\"]")
        .contains("\"escalation_level\":2")
        .contains("\"auto_escalated\":true")
        .contains("\"created_at\":\"2026-12-07T01:02:03.456789Z\"")
        .contains("\"assignee_id\":null")
        .contains("\"fields\":{\"tier\":\"gold\"}")
        .contains("\"status_history\":\"[{\\\"status\\\":\\\"OPEN\\\"}]\"");
  }
}
