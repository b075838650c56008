package dev.triage.bootstrap.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin dashboard over HTTP: counts follow every write, SLA compliance counts clocks that
 * stopped after their due date, per-agent figures follow the agent's tickets.
 */
@QuarkusTest
class DashboardIT {

  private static final String PROBLEM = "application/problem+json";

  @Inject Pool pool;

  private static JsonPath dashboard() {
    Response r = Api.as(Api.adminToken()).get("/api/v1/dashboard");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  private static long count(JsonPath d, String path) {
    return d.getLong(path);
  }

  @Test
  void figures_follow_the_work_done_on_tickets() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    JsonPath before = dashboard();

    String quick = Tickets.open(customer, "Answered in time", "fast", "MEDIUM");
    String late = Tickets.open(customer, "Answered late", "slow", "MEDIUM");
    String waiting = Tickets.open(customer, "Still open", "nobody yet", "LOW");
    for (String t : List.of(quick, late, waiting)) {
      Tickets.assign(agent, t, agent.id());
    }
    Tickets.comment(agent, quick, "On it", false);
    Tickets.move(agent, quick, "IN_PROGRESS");
    Tickets.move(agent, quick, "RESOLVED");
    Tickets.firstResponseDueAgo(pool, late, Duration.ofMinutes(5));
    Tickets.comment(agent, late, "Sorry for the wait", false);
    Tickets.move(agent, late, "IN_PROGRESS");
    Tickets.move(agent, late, "RESOLVED");
    Tickets.escalate(agent, waiting);
    Tickets.dueAgo(pool, waiting, Duration.ofMinutes(1));

    JsonPath after = dashboard();
    assertThat(count(after, "countsByStatus.OPEN") - count(before, "countsByStatus.OPEN"))
        .isEqualTo(1);
    assertThat(count(after, "countsByStatus.RESOLVED") - count(before, "countsByStatus.RESOLVED"))
        .isEqualTo(2);
    assertThat(count(after, "overdue") - count(before, "overdue")).isEqualTo(1);
    assertThat(count(after, "escalatedOpen") - count(before, "escalatedOpen")).isEqualTo(1);
    assertThat(count(after, "escalatedInWindow") - count(before, "escalatedInWindow")).isEqualTo(1);
    assertThat(count(after, "firstResponse.count") - count(before, "firstResponse.count"))
        .isEqualTo(2);
    assertThat(count(after, "resolution.count") - count(before, "resolution.count")).isEqualTo(2);
    assertThat(
            count(after, "slaCompliance.firstResponse.stopped")
                - count(before, "slaCompliance.firstResponse.stopped"))
        .isEqualTo(2);
    assertThat(
            count(after, "slaCompliance.firstResponse.met")
                - count(before, "slaCompliance.firstResponse.met"))
        .isEqualTo(1);
    assertThat(after.getDouble("firstResponse.averageSeconds")).isNotNegative();
    assertThat(after.getDouble("firstResponse.p90Seconds")).isNotNegative();

    Map<String, Object> mine =
        after.getList("agents", Map.class).stream()
            .filter(a -> agent.id().equals(a.get("agentId")))
            .findFirst()
            .orElseThrow();
    assertThat(mine.get("openAssigned")).isEqualTo(1);
    assertThat(mine.get("resolvedInWindow")).isEqualTo(2);
    assertThat(((Number) mine.get("averageFirstResponseSeconds")).doubleValue()).isNotNegative();
    @SuppressWarnings("unchecked")
    Map<String, Object> compliance = (Map<String, Object>) mine.get("compliance");
    // two first responses (one late) and two resolutions (both in time)
    assertThat(compliance.get("stopped")).isEqualTo(4);
    assertThat(compliance.get("met")).isEqualTo(3);
    assertThat(((Number) compliance.get("share")).doubleValue()).isEqualTo(0.75);
    assertThat(mine.get("displayName")).isEqualTo("Test AGENT");
  }

  @Test
  void a_window_in_the_past_holds_none_of_todays_work() {
    Api.as(Api.adminToken())
        .get("/api/v1/dashboard?from=2001-01-01T00:00:00Z&to=2001-02-01T00:00:00Z")
        .then()
        .statusCode(200)
        .body("from", equalTo("2001-01-01T00:00:00Z"))
        .body("firstResponse.count", equalTo(0))
        .body("firstResponse.averageSeconds", equalTo(null))
        .body("slaCompliance.overall.share", equalTo(null))
        .body("escalatedInWindow", equalTo(0));
  }

  @Test
  void only_admins_see_the_dashboard_and_bad_windows_are_problems() {
    for (String role : List.of("CUSTOMER", "AGENT")) {
      Api.newUser(role)
          .request()
          .get("/api/v1/dashboard")
          .then()
          .statusCode(403)
          .contentType(PROBLEM);
    }
    record Case(String query, int status) {}
    for (Case c :
        List.of(
            new Case("from=yesterday", 400),
            new Case("to=2026-01-01", 400),
            new Case("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", 422),
            new Case("from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", 422))) {
      Response r = Api.as(Api.adminToken()).get("/api/v1/dashboard?" + c.query());
      assertThat(r.statusCode()).as(c.query() + " " + r.asString()).isEqualTo(c.status());
      assertThat(r.contentType()).startsWith(PROBLEM);
    }
  }
}
