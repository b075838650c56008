package dev.triage.bootstrap.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay and the live event streams, end to end: relays running side by side publish
 * every event once with gap-free positions in each ticket's order; SSE subscribers get what they
 * may see as it happens, a customer never an internal event or another customer's ticket, and a
 * resumed stream misses nothing.
 */
@QuarkusTest
class LiveEventsIT {

  private static final Duration SOON = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject OutboxRelay relay;
  @Inject DataSource dataSource;

  private Api.User customer;
  private Api.User otherCustomer;
  private Api.User agent;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    otherCustomer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  @Test
  void relays_side_by_side_publish_each_event_once_with_positions_in_each_tickets_order()
      throws Exception {
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String ticket = Api.newTicket(customer.token());
      Api.assign(agent, ticket, agent.id());
      Api.comment(agent, ticket, "On it " + i, false);
      tickets.add(ticket);
    }
    ExecutorService replicas = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Integer>> drains = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        drains.add(() -> relay.drain().await().atMost(Duration.ofSeconds(60)));
      }
      for (Future<Integer> done : replicas.invokeAll(drains)) {
        done.get();
      }
    } finally {
      replicas.shutdownNow();
    }

    try (Connection sql = dataSource.getConnection()) {
      // A round the database's signal started on its own may still be committing.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (count(sql, "select count(*) from outbox where published_at is null") > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(count(sql, "select count(*) from outbox where published_at is null")).isZero();
      assertThat(
              count(
                  sql,
                  "select count(*) from outbox o join outbox_position p on true"
                      + " where o.position is null or o.position > p.last"))
          .isZero();
      // Gap-free: as many distinct positions as events, the highest one equal to the count.
      assertThat(count(sql, "select count(distinct position) from outbox"))
          .isEqualTo(count(sql, "select count(*) from outbox"))
          .isEqualTo(count(sql, "select last from outbox_position"));
      for (String ticket : tickets) {
        List<Long> positions = new ArrayList<>();
        try (PreparedStatement s =
            sql.prepareStatement(
                "select position from outbox where aggregate_id = ? order by id")) {
          s.setObject(1, UUID.fromString(ticket));
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              positions.add(r.getLong(1));
            }
          }
        }
        assertThat(positions).hasSize(3).isSorted();
      }
    }
  }

  @Test
  void staff_see_events_as_they_happen_with_the_position_as_id() throws Exception {
    try (SseClient stream = SseClient.open(url("/api/v1/events"), agent.token(), null)) {
      String ticket = Api.newTicket(customer.token());
      SseClient.Event created =
          stream.next(e -> e.data().contains(ticket) && "TicketCreated".equals(e.name()), SOON);
      JsonNode body = JSON.readTree(created.data());
      assertThat(body.path("type").asText()).isEqualTo("TicketCreated");
      assertThat(body.path("ticket").path("id").asText()).isEqualTo(ticket);
      assertThat(body.path("ticket").path("number").asText()).startsWith("TCK-");
      assertThat(body.path("id").asText()).hasSize(36);
      assertThat(created.id()).isEqualTo(body.path("position").asText());

      Api.comment(agent, ticket, "Internal thoughts", true);
      SseClient.Event note =
          stream.next(e -> e.data().contains(ticket) && "InternalNoteAdded".equals(e.name()), SOON);
      assertThat(Long.parseLong(note.id())).isGreaterThan(Long.parseLong(created.id()));
      assertThat(JSON.readTree(note.data()).path("internal").asBoolean()).isTrue();
    }
  }

  @Test
  void a_customer_sees_the_public_events_of_their_own_tickets_only() throws Exception {
    String mine = Api.newTicket(customer.token());
    String theirs = Api.newTicket(otherCustomer.token());
    try (SseClient all = SseClient.open(url("/api/v1/events"), customer.token(), null);
        SseClient one =
            SseClient.open(url("/api/v1/tickets/" + mine + "/events"), customer.token(), null)) {
      Api.comment(agent, theirs, "Someone else's ticket", false);
      Api.comment(agent, mine, "Staff only", true);
      Api.comment(agent, mine, "Hello from support", false);

      // The public reply comes after the note and the other ticket's reply: once it is here,
      // anything they would have caused has been filtered out.
      for (SseClient stream : List.of(all, one)) {
        stream.next(e -> "CommentAdded".equals(e.name()) && e.data().contains(mine), SOON);
      }
      List<SseClient.Event> seen = new ArrayList<>(all.drained());
      seen.addAll(one.drained());
      assertThat(seen)
          .noneMatch(e -> e.data().contains(theirs))
          .noneMatch(e -> "InternalNoteAdded".equals(e.name()))
          .noneMatch(e -> e.data().contains("\"internal\":true"));
    }
  }

  @Test
  void a_stream_of_a_ticket_the_caller_may_not_see_is_refused_as_a_problem() throws Exception {
    String theirs = Api.newTicket(otherCustomer.token());
    HttpResponse<InputStream> refused =
        SseClient.connect(url("/api/v1/tickets/" + theirs + "/events"), customer.token(), null);
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
        .contains("NOT_FOUND");

    HttpResponse<InputStream> anonymous =
        SseClient.connect(url("/api/v1/events"), "not-a-token", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    anonymous.body().close();

    HttpResponse<InputStream> badResume =
        SseClient.connect(url("/api/v1/events"), agent.token(), "yesterday");
    assertThat(badResume.statusCode()).isEqualTo(400);
    assertThat(badResume.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    badResume.body().close();
  }

  @Test
  void a_resumed_stream_gets_what_it_missed_in_order_then_live_events() throws Exception {
    String ticket = Api.newTicket(customer.token());
    String first;
    try (SseClient stream =
        SseClient.open(url("/api/v1/tickets/" + ticket + "/events"), agent.token(), null)) {
      Api.assign(agent, ticket, agent.id());
      first = stream.next(e -> "TicketAssigned".equals(e.name()), SOON).id();
    }
    // Missed while disconnected:
    Api.comment(agent, ticket, "First reply", false);
    Api.comment(agent, ticket, "Second reply", false);

    try (SseClient resumed =
        SseClient.open(url("/api/v1/tickets/" + ticket + "/events"), agent.token(), first)) {
      List<String> ids = new ArrayList<>();
      ids.add(resumed.next(e -> "CommentAdded".equals(e.name()), SOON).id());
      ids.add(resumed.next(e -> "CommentAdded".equals(e.name()), SOON).id());
      Api.comment(agent, ticket, "Third reply, live", false);
      ids.add(resumed.next(e -> "CommentAdded".equals(e.name()), SOON).id());
      assertThat(ids.stream().map(Long::parseLong).toList())
          .isSorted()
          .doesNotHaveDuplicates()
          .allMatch(id -> id > Long.parseLong(first));
    }
  }

  @Test
  void the_relay_lag_is_a_metric() {
    String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("triage_outbox_lag_seconds");
  }

  private static String url(String path) {
    return "http://localhost:" + RestAssured.port + path;
  }

  private static long count(Connection sql, String query) throws Exception {
    try (PreparedStatement s = sql.prepareStatement(query);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
