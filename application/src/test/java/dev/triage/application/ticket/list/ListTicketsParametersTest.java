package dev.triage.application.ticket.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one mapping from a map of list parameters to the list query: what a saved view stores reads
 * as the list reads the same query string, and anything that is no filter is refused by name.
 */
class ListTicketsParametersTest {

  @Test
  void everyFilterOfTheListReadsAsTheListReadsIt() {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    filters.put("status", List.of("OPEN", "IN_PROGRESS"));
    filters.put("priority", List.of("HIGH"));
    filters.put("assignee", List.of("me"));
    filters.put("requester", List.of("019a7c50-0000-7000-8000-000000000001"));
    filters.put("overdue", List.of("true"));
    filters.put("escalated", List.of("false"));
    filters.put("createdAfter", List.of("2026-11-01T00:00:00Z"));
    filters.put("createdBefore", List.of("2026-12-01T00:00:00Z"));
    filters.put("q", List.of("printer"));
    filters.put("tag", List.of("billing", "vip"));

    Result<ListTickets> built = ListTickets.fromParameters(filters, "slaDueAt", "10", "n|x|y");

    assertThat(built.orElseThrow())
        .isEqualTo(
            new ListTickets(
                List.of("OPEN", "IN_PROGRESS"),
                "HIGH",
                "me",
                "019a7c50-0000-7000-8000-000000000001",
                "true",
                "false",
                "2026-11-01T00:00:00Z",
                "2026-12-01T00:00:00Z",
                "printer",
                List.of("billing", "vip"),
                "slaDueAt",
                "10",
                "n|x|y"));
  }

  @Test
  void absentFiltersAreAbsentAsInTheList() {
    ListTickets built = ListTickets.fromParameters(Map.of(), null, null, null).orElseThrow();

    assertThat(built)
        .isEqualTo(
            new ListTickets(
                List.of(), null, null, null, null, null, null, null, null, List.of(), null, null,
                null));
  }

  @Test
  void namesThatAreNoFiltersAreRefusedByName() {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    filters.put("colour", List.of("red"));
    filters.put("limit", List.of("10"));
    filters.put("cursor", List.of("abc"));
    filters.put("sort", List.of("priority"));
    filters.put("priority", List.of("HIGH", "LOW"));
    filters.put("q", List.of());

    Result<ListTickets> built = ListTickets.fromParameters(filters, null, null, null);

    assertThat(built).isInstanceOf(Result.Err.class);
    Result.Err<ListTickets> err = (Result.Err<ListTickets>) built;
    assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(err.fieldErrors())
        .containsOnlyKeys("colour", "limit", "cursor", "sort", "priority", "q");
    assertThat(err.fieldErrors().get("priority")).containsExactly("takes one value");
  }

  /**
   * Every component of the list query is a filter this mapping reads, or one of the three given
   * apart: a component of another type (a map of custom fields, say) needs a rule here first.
   */
  @Test
  void everyComponentOfTheListQueryIsReachable() {
    for (RecordComponent c : ListTickets.class.getRecordComponents()) {
      if (List.of("sort", "limit", "position").contains(c.getName())) {
        continue;
      }
      if (c.getName().equals("fields")) {
        // Custom field filters arrive as field.<key> parameters, one value each.
        Result<ListTickets> built =
            ListTickets.fromParameters(
                Map.of("field.plan", List.of("gold"), "status", List.of("OPEN")), null, null, null);
        assertThat(built.orElseThrow().fields()).containsExactly(Map.entry("plan", "gold"));
        assertThat(
                ListTickets.fromParameters(
                        Map.of("field.plan", List.of("gold", "silver")), null, null, null)
                    .isOk())
            .isFalse();
        assertThat(ListTickets.repeatable("field.plan")).isFalse();
        continue;
      }
      assertThat(c.getType()).as(c.getName()).isIn(String.class, List.class);
      Result<ListTickets> built =
          ListTickets.fromParameters(Map.of(c.getName(), List.of("x")), null, null, null);
      assertThat(built.isOk()).as(c.getName()).isTrue();
      assertThat(ListTickets.repeatable(c.getName())).isEqualTo(c.getType() == List.class);
    }
  }
}
