package dev.triage.bootstrap.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ticket lists over HTTP: every filter and sort, role scoping, search, and every bad parameter. */
@QuarkusTest
class TicketListIT {

  private static final String PROBLEM = "application/problem+json";

  @Inject Pool pool;

  private static List<String> ids(Api.User who, String query) {
    Response r = who.request().get("/api/v1/tickets?limit=100&" + query);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.id", String.class);
  }

  @Test
  void a_customer_sees_only_their_own_tickets_whatever_they_ask_for() {
    Api.User alice = Api.newUser("CUSTOMER");
    Api.User bob = Api.newUser("CUSTOMER");
    String mine = Tickets.open(alice, "Alice cannot print", "The zebrafinch printer jams", "LOW");
    String theirs = Tickets.open(bob, "Bob cannot print", "The zebrafinch printer jams", "LOW");

    assertThat(ids(alice, "")).contains(mine).doesNotContain(theirs);
    assertThat(ids(alice, "requester=" + bob.id())).isEmpty();
    assertThat(ids(alice, "q=zebrafinch")).containsExactly(mine);
    assertThat(ids(alice, "assignee=none&sort=priority")).contains(mine).doesNotContain(theirs);
    Api.User agent = Api.newUser("AGENT");
    assertThat(ids(agent, "q=zebrafinch")).contains(mine, theirs);
  }

  @Test
  void every_filter_narrows_the_list() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    Api.User other = Api.newUser("AGENT");
    Instant before = Instant.now();
    String open = Tickets.open(customer, "Open and unassigned", "nothing done yet", "LOW");
    String working = Tickets.open(customer, "Being worked on", "agent on it", "HIGH");
    String waiting = Tickets.open(customer, "Waiting for the customer", "asked back", "MEDIUM");
    String done = Tickets.open(customer, "Resolved already", "fixed it", "CRITICAL");
    String elsewhere = Tickets.open(customer, "Someone else's", "other agent", "MEDIUM");
    Instant after = Instant.now();
    Tickets.assign(agent, working, agent.id());
    Tickets.move(agent, working, "IN_PROGRESS");
    Tickets.assign(agent, waiting, agent.id());
    Tickets.move(agent, waiting, "IN_PROGRESS");
    Tickets.move(agent, waiting, "PENDING_CUSTOMER");
    Tickets.assign(agent, done, agent.id());
    Tickets.move(agent, done, "IN_PROGRESS");
    Tickets.move(agent, done, "RESOLVED");
    Tickets.assign(other, elsewhere, other.id());
    Tickets.escalate(agent, open);
    Tickets.dueAgo(pool, working, Duration.ofHours(1));
    String mine = "requester=" + customer.id() + "&";

    assertThat(ids(agent, mine)).containsExactlyInAnyOrder(open, working, waiting, done, elsewhere);
    assertThat(ids(agent, mine + "status=OPEN")).containsExactlyInAnyOrder(open, elsewhere);
    assertThat(ids(agent, mine + "status=IN_PROGRESS&status=PENDING_CUSTOMER"))
        .containsExactlyInAnyOrder(working, waiting);
    assertThat(ids(agent, mine + "priority=HIGH")).containsExactly(working);
    assertThat(ids(agent, mine + "assignee=me")).containsExactlyInAnyOrder(working, waiting, done);
    assertThat(ids(agent, mine + "assignee=none")).containsExactly(open);
    assertThat(ids(agent, mine + "assignee=" + other.id())).containsExactly(elsewhere);
    assertThat(ids(agent, mine + "overdue=true")).containsExactly(working);
    assertThat(ids(agent, mine + "escalated=true")).containsExactly(open);
    assertThat(ids(agent, mine + "createdAfter=" + after)).isEmpty();
    assertThat(ids(agent, mine + "createdAfter=" + before + "&createdBefore=" + after)).hasSize(5);
    assertThat(ids(agent, mine + "createdBefore=" + before)).isEmpty();
    // filters combine, and assignee=me without requester reaches the agent's own queue
    assertThat(ids(agent, "assignee=me&status=RESOLVED")).containsExactly(done);
    assertThat(ids(agent, "assignee=me&overdue=true&sort=priority")).containsExactly(working);
    assertThat(ids(agent, "assignee=me&escalated=true")).isEmpty();
    assertThat(ids(agent, "assignee=me&priority=CRITICAL&sort=slaDueAt")).containsExactly(done);
    Response row = agent.request().get("/api/v1/tickets?" + mine + "overdue=true");
    row.then()
        .body("items[0].overdue", equalTo(true))
        .body("items[0].assigneeId", equalTo(agent.id()))
        .body("items[0].status", equalTo("IN_PROGRESS"))
        .body("items[0].priority", equalTo("HIGH"))
        .body("items[0].number", startsWith("TCK-"))
        .body("items[0]", hasKey("slaDueAt"))
        .body("items[0]", hasKey("escalationLevel"));
  }

  @Test
  void every_sort_orders_the_list_with_the_id_breaking_ties() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String low = Tickets.open(customer, "Low one", "whenever", "LOW");
    String critical = Tickets.open(customer, "Critical one", "now", "CRITICAL");
    String medium = Tickets.open(customer, "Medium one", "soon", "MEDIUM");
    String critical2 = Tickets.open(customer, "Critical two", "now too", "CRITICAL");
    String resolved = Tickets.open(customer, "Resolved one", "done", "HIGH");
    Tickets.move(agent, resolved, "IN_PROGRESS");
    Tickets.move(agent, resolved, "RESOLVED");
    String mine = "requester=" + customer.id() + "&";

    assertThat(ids(agent, mine + "sort=createdAt"))
        .containsExactly(low, critical, medium, critical2, resolved);
    assertThat(ids(agent, mine + "sort=-createdAt"))
        .containsExactly(resolved, critical2, medium, critical, low);
    assertThat(ids(agent, mine)).containsExactly(resolved, critical2, medium, critical, low);
    assertThat(ids(agent, mine + "sort=priority"))
        .containsExactly(critical, critical2, resolved, medium, low);
    // due dates: critical 30 min, medium 4 h, low 8 h from creation; resolved has none: last
    assertThat(ids(agent, mine + "sort=slaDueAt"))
        .containsExactly(critical, critical2, medium, low, resolved);
    // the same orders as the customer sees them
    assertThat(ids(customer, "sort=slaDueAt"))
        .containsExactly(critical, critical2, medium, low, resolved);
    assertThat(ids(customer, "sort=priority&status=OPEN"))
        .containsExactly(critical, critical2, medium, low);
  }

  @Test
  void search_ranks_title_over_description_and_reads_public_comments_only() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String inDescription =
        Tickets.open(customer, "Screen flickers", "Since the quokkabridge update", "LOW");
    String inTitle = Tickets.open(customer, "Quokkabridge crashed", "It stopped", "LOW");
    String inReply = Tickets.open(customer, "Mail is slow", "Very slow", "LOW");
    String inNote = Tickets.open(customer, "Disk is full", "No space left", "LOW");
    Tickets.comment(agent, inReply, "Restart the quokkabridge service please", false);
    Tickets.comment(agent, inNote, "Customer uses a pirated quokkabridge, careful", true);
    Tickets.comment(agent, inNote, "Internal marmosetlantern remark", true);

    assertThat(ids(customer, "q=quokkabridge")).containsExactly(inTitle, inDescription, inReply);
    assertThat(ids(agent, "q=quokkabridge&requester=" + customer.id()))
        .containsExactly(inTitle, inDescription, inReply);
    assertThat(ids(agent, "q=marmosetlantern")).isEmpty();
    assertThat(ids(customer, "q=quokkabridge&sort=createdAt"))
        .containsExactly(inDescription, inTitle, inReply);
    // stemming and web-search syntax
    assertThat(ids(customer, "q=crashing quokkabridge")).containsExactly(inTitle);
    assertThat(ids(customer, "q=quokkabridge -crashed"))
        .containsExactlyInAnyOrder(inDescription, inReply);
    // a redacted reply is no longer found
    String reply = Tickets.comment(agent, inDescription, "try the wombatlever setting", false);
    assertThat(ids(customer, "q=wombatlever")).containsExactly(inDescription);
    Api.as(Api.adminToken())
        .delete("/api/v1/tickets/" + inDescription + "/comments/" + reply)
        .then()
        .statusCode(200);
    assertThat(ids(customer, "q=wombatlever")).isEmpty();
  }

  @Test
  void search_results_page_by_relevance_without_skipping_or_repeating() {
    Api.User customer = Api.newUser("CUSTOMER");
    for (int i = 0; i < 7; i++) {
      String words = "capybaralamp ".repeat(1 + i % 3).strip();
      Tickets.open(customer, "Lamp " + i + " " + words, "capybaralamp broken", "LOW");
    }
    List<String> walked = Tickets.walk(customer, "/api/v1/tickets?q=capybaralamp", 2);
    assertThat(walked).hasSize(7).doesNotHaveDuplicates();
    assertThat(walked).isEqualTo(ids(customer, "q=capybaralamp"));
  }

  @Test
  void the_overdue_list_has_its_own_address_and_is_for_staff_only() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String late = Tickets.open(customer, "Late one", "clock ran out", "LOW");
    String later = Tickets.open(customer, "Later one", "clock ran out later", "LOW");
    String fine = Tickets.open(customer, "Fine one", "still time", "LOW");
    Tickets.dueAgo(pool, late, Duration.ofDays(3650));
    Tickets.dueAgo(pool, later, Duration.ofDays(3649));

    List<String> overdue = Tickets.walk(agent, "/api/v1/tickets/overdue", 1);
    assertThat(overdue).containsSubsequence(late, later).doesNotContain(fine);
    assertThat(overdue.indexOf(late)).isLessThan(overdue.indexOf(later));
    Tickets.page(agent, "/api/v1/tickets/overdue", 5, null)
        .then()
        .body("items[0].id", equalTo(late))
        .body("items[0].overdue", equalTo(true));
    customer
        .request()
        .get("/api/v1/tickets/overdue")
        .then()
        .statusCode(403)
        .contentType(PROBLEM)
        .body("code", equalTo("FORBIDDEN"));
  }

  @Test
  void a_page_link_names_the_next_page() {
    Api.User customer = Api.newUser("CUSTOMER");
    Tickets.open(customer, "First ticket", "one", "LOW");
    Tickets.open(customer, "Second ticket", "two", "LOW");
    Response first = customer.request().get("/api/v1/tickets?limit=1&sort=createdAt");
    String next = first.path("nextCursor");
    assertThat(first.header("Link"))
        .isEqualTo("</api/v1/tickets?limit=1&sort=createdAt&cursor=" + next + ">; rel=\"next\"");
    Response second =
        customer.request().get("/api/v1/tickets?limit=1&sort=createdAt&cursor=" + next);
    assertThat(second.<String>path("nextCursor")).isNull();
    assertThat(second.header("Link")).isNull();
  }

  @Test
  void bad_parameters_are_refused_as_problems_never_as_errors() {
    Api.User customer = Api.newUser("CUSTOMER");
    Tickets.open(customer, "Something", "anything", "LOW");
    Tickets.open(customer, "Something else", "anything", "LOW");
    String createdCursor =
        customer.request().get("/api/v1/tickets?limit=1&sort=createdAt").path("nextCursor");
    String foreign =
        Base64.getUrlEncoder().withoutPadding().encodeToString("c|yesterday|nope".getBytes());
    record Case(String query, int status, String field) {}
    List<Case> cases =
        List.of(
            new Case("limit=0", 422, "limit"),
            new Case("limit=1000", 422, "limit"),
            new Case("limit=ten", 400, "limit"),
            new Case("status=NOPE", 400, "status"),
            new Case("status=OPEN&status=NOPE", 400, "status"),
            new Case("priority=URGENT", 400, "priority"),
            new Case("sort=title", 400, "sort"),
            new Case("sort=relevance", 400, "sort"),
            new Case("assignee=somebody", 400, "assignee"),
            new Case("requester=42", 400, "requester"),
            new Case("overdue=yes", 400, "overdue"),
            new Case("escalated=1", 400, "escalated"),
            new Case("createdAfter=yesterday", 400, "createdAfter"),
            new Case("createdBefore=2026-13-45T99:00:00Z", 400, "createdBefore"),
            new Case(
                "createdAfter=2026-02-01T00:00:00Z&createdBefore=2026-01-01T00:00:00Z",
                422,
                "createdBefore"),
            new Case("q=" + "x".repeat(201), 422, "q"),
            new Case("cursor=%%%", 400, "cursor"),
            new Case("cursor=bm9wZQ", 400, "cursor"),
            new Case("cursor=" + foreign, 400, "cursor"),
            new Case("sort=priority&cursor=" + createdCursor, 400, "cursor"));
    for (Case c : cases) {
      Response r = customer.request().get("/api/v1/tickets?" + c.query());
      assertThat(r.statusCode()).as(c.query() + " -> " + r.asString()).isEqualTo(c.status());
      assertThat(r.contentType()).as(c.query()).startsWith(PROBLEM);
      assertThat(r.jsonPath().getMap("errors")).as(c.query()).containsKey(c.field());
    }
    for (String path :
        List.of("/api/v1/tickets/overdue?limit=0", "/api/v1/tickets/overdue?cursor=xyz")) {
      Api.User agent = Api.newUser("AGENT");
      Response r = agent.request().get(path);
      assertThat(r.statusCode()).as(path).isIn(400, 422);
      assertThat(r.contentType()).startsWith(PROBLEM);
    }
  }
}
