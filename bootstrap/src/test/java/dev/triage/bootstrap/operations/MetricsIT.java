package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.adapters.out.telemetry.OpenTicketsGauge;
import dev.triage.bootstrap.support.Api;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes: HTTP timings by route template with buckets, and business metrics. */
@QuarkusTest
class MetricsIT {

  private static final String CREATED = "triage_tickets_created_total";
  private static final String OPEN = "triage_tickets_open";
  private static final String HTTP_BUCKETS = "http_server_requests_seconds_bucket";

  @Inject OpenTicketsGauge openTickets;
  @Inject Scheduler scheduler;

  private static String create(String priority) {
    return Api.newTicket(Api.adminToken(), "Metrics " + priority, "d", priority);
  }

  @Test
  void a_created_ticket_counts_once_under_its_priority_and_a_refused_one_not_at_all() {
    Scrape before = Scrape.now();
    create("CRITICAL");
    create("CRITICAL");
    create("LOW");
    Api.json(Api.adminToken())
        .body("{\"title\":\"\",\"description\":\"d\",\"priority\":\"LOW\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(422);
    Scrape after = Scrape.now();

    assertThat(delta(before, after, CREATED, Map.of("priority", "CRITICAL"))).isEqualTo(2);
    assertThat(delta(before, after, CREATED, Map.of("priority", "LOW"))).isEqualTo(1);
    assertThat(delta(before, after, CREATED, Map.of("priority", "HIGH"))).isZero();
    // Every priority is there from the start, so rate() sees the first ticket of each.
    assertThat(after.all(CREATED))
        .extracting(s -> s.labels().get("priority"))
        .containsExactlyInAnyOrder("LOW", "MEDIUM", "HIGH", "CRITICAL");
  }

  @Test
  void open_tickets_come_from_the_last_refresh_never_from_the_scrape() {
    scheduler.pause("open-tickets-gauge");
    try {
      assertThat(openTickets.refresh().await().atMost(Duration.ofSeconds(30))).isTrue();
      Map<String, String> openHigh = Map.of("status", "OPEN", "priority", "HIGH");
      double before = Scrape.now().value(OPEN, openHigh).orElseThrow();

      create("HIGH");
      // The scrape reads the cached figure: the new ticket is not there yet ...
      assertThat(Scrape.now().value(OPEN, openHigh).orElseThrow()).isEqualTo(before);

      // ... until the next refresh's grouped count.
      assertThat(openTickets.refresh().await().atMost(Duration.ofSeconds(30))).isTrue();
      Scrape after = Scrape.now();
      assertThat(after.value(OPEN, openHigh).orElseThrow()).isEqualTo(before + 1);
      // Every open status by every priority, and never CLOSED: 4 x 4 series, bounded labels.
      assertThat(after.all(OPEN)).hasSize(16);
      assertThat(after.all(OPEN))
          .allSatisfy(s -> assertThat(s.labels().keySet()).containsOnly("status", "priority"))
          .noneSatisfy(s -> assertThat(s.labels().get("status")).isEqualTo("CLOSED"));
    } finally {
      scheduler.resume("open-tickets-gauge");
    }
  }

  @Test
  void http_timings_are_labelled_by_route_template_with_histogram_buckets() {
    String id = create("MEDIUM");
    Api.as(Api.adminToken()).get("/api/v1/tickets/" + id).then().statusCode(200);
    given().get("/no/such/" + id).then().statusCode(404);

    Scrape scrape = Scrape.now();
    Map<String, String> readOne =
        Map.of("method", "GET", "status", "200", "uri", "/api/v1/tickets/{id}");
    // Buckets with fixed bounds, including the p99 alert's 250 ms, and +Inf equal to the count.
    assertThat(scrape.all(HTTP_BUCKETS))
        .filteredOn(s -> s.labels().entrySet().containsAll(readOne.entrySet()))
        .extracting(s -> s.labels().get("le"))
        .contains("0.025", "0.25", "1.0", "+Inf");
    assertThat(scrape.value(HTTP_BUCKETS, with(readOne, "le", "+Inf")).orElseThrow())
        .isEqualTo(scrape.value("http_server_requests_seconds_count", readOne).orElseThrow())
        .isPositive();
    // No raw path ever becomes a label: ids would make the series unbounded.
    assertThat(scrape.all("http_server_requests_seconds_count"))
        .allSatisfy(s -> assertThat(s.labels().get("uri")).doesNotContain(id));
    assertThat(
            scrape
                .value(
                    "http_server_requests_seconds_count",
                    Map.of("method", "GET", "status", "404", "uri", "NOT_FOUND"))
                .orElseThrow())
        .isPositive();
  }

  @Test
  void queries_are_timed_as_triage_queries_seconds() {
    String id = create("LOW");
    Api.as(Api.adminToken()).get("/api/v1/tickets/" + id).then().statusCode(200);
    assertThat(
            Scrape.now()
                .value(
                    "triage_queries_seconds_count", Map.of("query", "FindTicket", "outcome", "ok"))
                .orElseThrow())
        .isPositive();
  }

  private static double delta(
      Scrape before, Scrape after, String name, Map<String, String> labels) {
    return after.valueOrZero(name, labels) - before.valueOrZero(name, labels);
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> all = new HashMap<>(labels);
    all.put(key, value);
    return all;
  }
}
