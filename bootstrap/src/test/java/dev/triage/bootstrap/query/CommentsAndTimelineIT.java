package dev.triage.bootstrap.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A ticket's comments and timeline over HTTP: internal notes and internal events only for staff, a
 * redacted comment kept with an empty body, and someone else's ticket answered as missing.
 */
@QuarkusTest
class CommentsAndTimelineIT {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void comments_page_in_order_and_hide_internal_notes_from_the_customer() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = Tickets.open(customer, "Comments ticket", "Let us talk", "MEDIUM");
    String first = Tickets.comment(agent, ticket, "Hello, looking into it", false);
    String note = Tickets.comment(agent, ticket, "Secret: this customer is on the old plan", true);
    String reply = Tickets.comment(customer, ticket, "Thanks!", false);
    String last = Tickets.comment(agent, ticket, "Fixed now", false);

    assertThat(Tickets.walk(agent, "/api/v1/tickets/" + ticket + "/comments", 1))
        .containsExactly(first, note, reply, last);
    assertThat(Tickets.walk(customer, "/api/v1/tickets/" + ticket + "/comments", 1))
        .containsExactly(first, reply, last);
    Response page = customer.request().get("/api/v1/tickets/" + ticket + "/comments");
    assertThat(page.asString()).doesNotContain("Secret").doesNotContain(note);
    page.then()
        .body("items[0].body", equalTo("Hello, looking into it"))
        .body("items[0].authorId", equalTo(agent.id()))
        .body("items[0].internal", equalTo(false))
        .body("items[0].redacted", equalTo(false));
    // by number as well as by id
    String number = customer.request().get("/api/v1/tickets/" + ticket).path("number");
    assertThat(Tickets.walk(customer, "/api/v1/tickets/" + number + "/comments", 10))
        .containsExactly(first, reply, last);
  }

  @Test
  void a_redacted_comment_stays_listed_with_an_empty_body() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = Tickets.open(customer, "Redaction ticket", "Oops", "LOW");
    String oops = Tickets.comment(customer, ticket, "My password is hunter2", false);
    Api.as(Api.adminToken())
        .delete("/api/v1/tickets/" + ticket + "/comments/" + oops)
        .then()
        .statusCode(200);
    for (Api.User who : List.of(customer, agent)) {
      Response page = who.request().get("/api/v1/tickets/" + ticket + "/comments");
      assertThat(page.asString()).doesNotContain("hunter2");
      page.then()
          .statusCode(200)
          .body("items[0].id", equalTo(oops))
          .body("items[0].body", equalTo(""))
          .body("items[0].redacted", equalTo(true));
      assertThat(page.<String>path("items[0].redactedAt")).isNotNull();
      assertThat(page.<String>path("items[0].redactedBy")).isNotNull();
    }
  }

  @Test
  void the_timeline_shows_events_in_order_and_internal_ones_to_staff_only() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = Tickets.open(customer, "Timeline ticket", "What happened?", "LOW");
    Tickets.assign(agent, ticket, agent.id());
    Tickets.comment(agent, ticket, "Internal: check the logs", true);
    Tickets.move(agent, ticket, "IN_PROGRESS");
    Tickets.comment(agent, ticket, "We found it", false);
    Tickets.escalate(agent, ticket);

    List<String> staff = types(agent, ticket);
    assertThat(staff)
        .containsSubsequence("TicketAssigned", "InternalNoteAdded", "StatusChanged", "CommentAdded")
        .contains("TicketEscalated");
    List<String> customers = types(customer, ticket);
    assertThat(customers)
        .containsSubsequence("TicketAssigned", "StatusChanged", "CommentAdded")
        .doesNotContain("InternalNoteAdded", "TicketEscalated");
    Response page = customer.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.jsonPath().getList("items.internal", Boolean.class)).containsOnly(false);
    assertThat(page.jsonPath().getList("items.data", Map.class)).allMatch(d -> d != null);
    List<Long> sequence = page.jsonPath().getList("items.sequence", Long.class);
    assertThat(sequence).isSorted();
    // pages of one follow each other
    List<String> paged = Tickets.walk(agent, "/api/v1/tickets/" + ticket + "/timeline", 1);
    assertThat(paged).hasSize(staff.size());
  }

  @Test
  void another_customers_ticket_reads_as_missing() {
    Api.User owner = Api.newUser("CUSTOMER");
    Api.User stranger = Api.newUser("CUSTOMER");
    String ticket = Tickets.open(owner, "Private ticket", "Mine only", "LOW");
    for (String what : List.of("comments", "timeline")) {
      for (String id : List.of(ticket, "019a0000-0000-7000-8000-000000000000", "not-an-id")) {
        stranger
            .request()
            .get("/api/v1/tickets/" + id + "/" + what)
            .then()
            .statusCode(404)
            .contentType(PROBLEM)
            .body("code", equalTo("NOT_FOUND"));
      }
      owner.request().get("/api/v1/tickets/" + ticket + "/" + what).then().statusCode(200);
      Response bad = owner.request().get("/api/v1/tickets/" + ticket + "/" + what + "?limit=0");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.contentType()).startsWith(PROBLEM);
      bad = owner.request().get("/api/v1/tickets/" + ticket + "/" + what + "?cursor=abc");
      assertThat(bad.statusCode()).isEqualTo(400);
    }
  }

  private static List<String> types(Api.User who, String ticket) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items.type", String.class);
  }
}
