package dev.triage.bootstrap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages hold still while tickets arrive: walking 250 tickets 25 at a time under every sort,
 * with new tickets opened between pages, shows each of the 250 exactly once and nothing twice.
 */
@QuarkusTest
class TicketPagingIT {

  private static final String[] PRIORITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};

  @Test
  void walking_every_sort_with_inserts_between_pages_skips_and_repeats_nothing() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    Set<String> original = new HashSet<>();
    for (int i = 0; i < 250; i++) {
      String id = open(customer, agent, i);
      original.add(id);
      if (i % 25 == 0) {
        // some tickets with no running clock, so slaDueAt pages cross into "no due date"
        Tickets.move(agent, id, "IN_PROGRESS");
        Tickets.move(agent, id, "RESOLVED");
      }
    }
    int[] inserted = {0};
    // the customer's own list (found through the requester), and the agent's queue (found
    // through the assignee, one index range per status)
    for (String sort : List.of("createdAt", "-createdAt", "slaDueAt", "priority")) {
      for (boolean asAgent : List.of(false, true)) {
        Api.User who = asAgent ? agent : customer;
        String path = "/api/v1/tickets?sort=" + sort + (asAgent ? "&assignee=me" : "");
        List<String> walked = walk(who, path, () -> open(customer, agent, 1000 + inserted[0]++));
        assertThat(walked).as(sort + (asAgent ? " (agent)" : "")).doesNotHaveDuplicates();
        assertThat(new HashSet<>(walked)).as(sort).containsAll(original);
      }
    }
    List<String> searched =
        walk(
            customer,
            "/api/v1/tickets?q=pangolinpage",
            () -> open(customer, agent, 2000 + inserted[0]++));
    assertThat(searched).doesNotHaveDuplicates();
    assertThat(new HashSet<>(searched)).containsAll(original);
  }

  private static String open(Api.User customer, Api.User agent, int i) {
    String id =
        Tickets.open(
            customer,
            "Paging " + i + " pangolinpage",
            "Ticket number " + i + " of the paging walk",
            PRIORITIES[i % PRIORITIES.length]);
    Tickets.assign(agent, id, agent.id());
    return id;
  }

  private static List<String> walk(Api.User who, String path, Runnable between) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      Response page = Tickets.page(who, path, 25, cursor);
      List<String> items = page.jsonPath().getList("items.id", String.class);
      assertThat(items.size()).isLessThanOrEqualTo(25);
      ids.addAll(items);
      cursor = page.path("nextCursor");
      if (cursor == null) {
        return ids;
      }
      between.run();
    }
    throw new AssertionError("more than 100 pages");
  }
}
