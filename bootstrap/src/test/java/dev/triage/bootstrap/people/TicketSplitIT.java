package dev.triage.bootstrap.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.sweep.MovableClock;
import dev.triage.bootstrap.sweep.SweepsIT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Splitting a comment into a new ticket over HTTP against PostgreSQL, with a clock the test moves:
 * the new ticket has the same requester and its own clocks from the split, the two are linked both
 * ways, the comment stays marked, and each ticket has its audit entry; the refusals.
 */
@QuarkusTest
@TestProfile(SweepsIT.MovableTime.class)
class TicketSplitIT {

  @Inject MovableClock clock;
  @Inject DataSource dataSource;

  private Api.User customer;
  private Api.User agent;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  private static Response split(Api.User who, String ticket, String comment) {
    return who.request().post("/api/v1/tickets/" + ticket + "/comments/" + comment + "/split");
  }

  private static List<Map<String, Object>> comments(Api.User who, String ticket) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/comments?limit=100");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items");
  }

  private static List<String> timeline(Api.User who, String ticket) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.statusCode()).isEqualTo(200);
    return page.jsonPath().getList("items.type", String.class);
  }

  @Test
  void a_comment_becomes_a_ticket_of_the_same_requester_with_its_own_clocks_linked_both_ways()
      throws Exception {
    String original = Api.newTicket(customer.token(), "Printer jams", "Tray 2.", "HIGH");
    String comment = Api.comment(customer, original, "Also my monitor flickers", false);
    Response before = agent.request().get("/api/v1/tickets/" + original);
    clock.advance(Duration.ofMinutes(30));
    Instant splitAt = clock.instant();

    Response made = split(agent, original, comment);
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    String created = made.path("id");
    assertThat((String) made.path("requesterId")).isEqualTo(customer.id());
    assertThat((String) made.path("priority")).isEqualTo("HIGH");
    assertThat((String) made.path("title"))
        .startsWith("Split from " + before.path("number"))
        .endsWith("Also my monitor flickers");
    assertThat((String) made.path("description")).isEqualTo("Also my monitor flickers");
    // Its clocks start at the split: HIGH answers within an hour of it, not of the original.
    Instant createdAt = Instant.parse(made.path("createdAt"));
    assertThat(createdAt).isAfterOrEqualTo(splitAt);
    assertThat(Instant.parse(made.path("sla.firstResponse.dueAt")))
        .isEqualTo(createdAt.plus(Duration.ofHours(1)));
    assertThat(Instant.parse(before.path("sla.firstResponse.dueAt")))
        .isBefore(createdAt.plus(Duration.ofMinutes(31)));

    // The comment stays, marked; the two tickets are linked both ways.
    assertThat(comments(customer, original))
        .filteredOn(c -> comment.equals(c.get("id")))
        .singleElement()
        .satisfies(c -> assertThat(c.get("splitIntoId")).isEqualTo(created));
    assertThat(
            agent
                .request()
                .get("/api/v1/tickets/" + original + "/links")
                .jsonPath()
                .getList("items"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(((Map<?, ?>) l).get("type")).isEqualTo("RELATED");
              assertThat(((Map<?, ?>) l).get("ticketId")).isEqualTo(created);
            });
    assertThat(
            customer
                .request()
                .get("/api/v1/tickets/" + created + "/links")
                .jsonPath()
                .getList("items.ticketId", String.class))
        .containsExactly(original);
    assertThat(customer.request().get("/api/v1/tickets/" + created).statusCode()).isEqualTo(200);
    assertThat(timeline(customer, original)).contains("CommentSplit");
    assertThat(timeline(customer, created)).contains("TicketCreated");
    assertThat(auditEntries(original)).isEqualTo(1);
    assertThat(auditEntries(created)).isEqualTo(1);

    Response again = split(agent, original, comment);
    assertThat(again.statusCode()).as(again.asString()).isEqualTo(409);

    // Redacted later, the comment still answers with the ticket it was split into.
    Response redacted =
        Api.as(Api.adminToken()).delete("/api/v1/tickets/" + original + "/comments/" + comment);
    assertThat(redacted.statusCode()).as(redacted.asString()).isEqualTo(200);
    assertThat((String) redacted.path("splitIntoId")).isEqualTo(created);
  }

  @Test
  void an_internal_note_splits_out_of_the_customers_sight_and_bad_requests_are_refused() {
    String original = Api.newTicket(customer.token());
    String note = Api.comment(agent, original, "Customer also asked about invoices", true);

    assertThat(split(customer, original, note).statusCode()).isEqualTo(403);
    assertThat(split(agent, original, "not-an-id").statusCode()).isEqualTo(422);
    assertThat(split(agent, original, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
    assertThat(split(agent, UUID.randomUUID().toString(), note).statusCode()).isEqualTo(404);

    Response made = split(agent, original, note);
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    assertThat(timeline(agent, original)).contains("CommentSplit");
    assertThat(timeline(customer, original)).doesNotContain("CommentSplit");
  }

  private long auditEntries(String ticket) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from audit_log where entity_id = ? and action = 'SplitComment'")) {
      s.setString(1, ticket);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
