package dev.triage.bootstrap.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/tickets/bulk} against PostgreSQL: each ticket is changed by its own command,
 * a refusal is reported for that ticket only, every change is audited on its own, a ticket the
 * caller may not see is reported as not found, and a retry with the same Idempotency-Key repeats
 * nothing.
 */
@QuarkusTest
class BulkChangesIT {

  @Inject DataSource dataSource;

  @Test
  void a_change_of_100_tickets_with_3_refused_reports_exactly_those_and_audits_97()
      throws Exception {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String admin = Api.adminToken();
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      tickets.add(Api.newTicket(customer.token()));
    }
    List<String> closed = List.of(tickets.get(7), tickets.get(42), tickets.get(99));
    for (String t : closed) {
      for (String status : List.of("IN_PROGRESS", "RESOLVED", "CLOSED")) {
        Response moved =
            Api.json(admin)
                .body("{\"status\":\"" + status + "\"}")
                .post("/api/v1/tickets/" + t + "/status");
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
      }
    }
    String requestId = "bulk-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String body =
        "{\"ticketIds\":[\""
            + String.join("\",\"", tickets)
            + "\"],\"change\":{\"priority\":\"HIGH\"}}";

    Response answer = bulk(agent.token(), body, requestId, key);

    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
    List<Map<String, Object>> results = answer.jsonPath().getList("results");
    assertThat(results).hasSize(100);
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      assertThat(results.get(i).get("ticketId")).isEqualTo(tickets.get(i));
      if (!Integer.valueOf(200).equals(results.get(i).get("status"))) {
        refused.add((String) results.get(i).get("ticketId"));
        assertThat(results.get(i).get("status")).isEqualTo(409);
      }
    }
    assertThat(refused).containsExactlyElementsOf(closed);
    assertThat(answer.jsonPath().getString("results[7].problem.code")).isEqualTo("CONFLICT");
    assertThat(auditEntries(requestId)).isEqualTo(97);
    assertThat((String) Api.as(admin).get("/api/v1/tickets/" + tickets.get(0)).path("priority"))
        .isEqualTo("HIGH");

    // The same request again: the same answers, nothing runs twice.
    String retryId = "bulk-retry-" + UUID.randomUUID();
    Response again = bulk(agent.token(), body, retryId, key);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.jsonPath().getList("results.status"))
        .isEqualTo(answer.jsonPath().getList("results.status"));
    assertThat(auditEntries(retryId)).isZero();
  }

  @Test
  void a_ticket_the_caller_may_not_see_is_not_found_and_bad_requests_change_nothing() {
    Api.User mine = Api.newUser("CUSTOMER");
    Api.User other = Api.newUser("CUSTOMER");
    String own = Api.newTicket(mine.token());
    String theirs = Api.newTicket(other.token());

    Response answer =
        bulk(
            mine.token(),
            "{\"ticketIds\":[\""
                + own
                + "\",\""
                + theirs
                + "\"],\"change\":{\"status\":\"CLOSED\"}}",
            "bulk-" + UUID.randomUUID(),
            null);
    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
    assertThat(answer.jsonPath().getInt("results[1].status")).isEqualTo(404);

    Response two =
        bulk(
            Api.adminToken(),
            "{\"ticketIds\":[\""
                + own
                + "\"],\"change\":{\"priority\":\"HIGH\",\"status\":\"OPEN\"}}",
            "bulk-" + UUID.randomUUID(),
            null);
    assertThat(two.statusCode()).isEqualTo(422);
    assertThat(two.asString()).contains("change");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(UUID.randomUUID().toString());
    }
    Response tooMany =
        bulk(
            Api.adminToken(),
            "{\"ticketIds\":[\""
                + String.join("\",\"", many)
                + "\"],\"change\":{\"priority\":\"LOW\"}}",
            "bulk-" + UUID.randomUUID(),
            null);
    assertThat(tooMany.statusCode()).isEqualTo(422);
    assertThat(tooMany.asString()).contains("ticketIds");
  }

  private static Response bulk(String token, String body, String requestId, String key) {
    var request = Api.json(token).header("X-Request-Id", requestId);
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.body(body).post("/api/v1/tickets/bulk");
  }

  private int auditEntries(String requestId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from audit_log where request_id = ? and action = 'EditTicket'")) {
      s.setString(1, requestId);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
