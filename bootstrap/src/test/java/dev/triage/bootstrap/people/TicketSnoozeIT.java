package dev.triage.bootstrap.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.SweepJobs;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Relay;
import dev.triage.bootstrap.sweep.MovableClock;
import dev.triage.bootstrap.sweep.SweepsIT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snoozing over HTTP against PostgreSQL, with a clock the test moves (the sweep timer is off; the
 * test runs the pass): a snoozed ticket leaves the staff's default lists, its SLA clocks keep
 * running, and it wakes once, when its time comes (three sweeps at once) or when its requester
 * replies, with a TicketWoke in the staff's timeline and a notification to its assignee.
 */
@QuarkusTest
@TestProfile(SweepsIT.MovableTime.class)
class TicketSnoozeIT {

  private static final ExecutorService REPLICAS = Executors.newFixedThreadPool(3);

  @Inject MovableClock clock;
  @Inject SweepJobs jobs;
  @Inject DataSource dataSource;
  @Inject OutboxRelay relay;
  @Inject Pool pool;

  private Api.User customer;
  private Api.User agent;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  @AfterAll
  static void stopReplicas() {
    REPLICAS.shutdownNow();
  }

  private static Response snooze(Api.User who, String ticket, String until) {
    return Api.json(who.token())
        .body(until == null ? "{}" : "{\"until\":\"" + until + "\"}")
        .post("/api/v1/tickets/" + ticket + "/snooze");
  }

  private static Response ticket(Api.User who, String ticket) {
    Response r = who.request().get("/api/v1/tickets/" + ticket);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r;
  }

  /** The ids of {@code who}'s list of the customer's tickets, with {@code filter} added. */
  private List<String> listed(Api.User who, String filter) {
    Response page =
        who.request()
            .get(
                "/api/v1/tickets?limit=100&requester="
                    + customer.id()
                    + (filter.isEmpty() ? "" : "&" + filter));
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items.id", String.class);
  }

  private static List<String> timeline(Api.User who, String ticket) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.statusCode()).isEqualTo(200);
    List<Map<String, Object>> items = page.jsonPath().getList("items");
    return items.stream().map(i -> (String) i.get("type")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> notified(Api.User who, String ticket) {
    Response page = who.request().queryParam("limit", 100).get("/api/v1/notifications");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    List<Map<String, Object>> items = page.jsonPath().getList("items");
    return items.stream()
        .filter(n -> ticket.equals(((Map<String, Object>) n.get("ticket")).get("id")))
        .map(n -> n.get("kind"))
        .toList();
  }

  @Test
  void a_snoozed_ticket_leaves_the_default_queue_keeps_its_clocks_and_wakes_once_when_due()
      throws Throwable {
    String ticket = Api.newTicket(customer.token(), "Printer", "It jams.", "HIGH");
    Api.assign(agent, ticket, agent.id());
    String dueBefore = ticket(agent, ticket).path("sla.firstResponse.dueAt");
    Instant until = clock.instant().plus(Duration.ofHours(2));

    Response snoozed = snooze(agent, ticket, until.toString());
    assertThat(snoozed.statusCode()).as(snoozed.asString()).isEqualTo(200);
    assertThat(Instant.parse(snoozed.path("snoozedUntil"))).isEqualTo(until);
    assertThat(snoozed.header("ETag")).isNotNull();
    assertThat(Instant.parse(ticket(agent, ticket).path("snoozedUntil"))).isEqualTo(until);
    assertThat((Object) ticket(customer, ticket).path("snoozedUntil")).isNull();

    // Out of the staff's default list, in snoozed=true; the customer still sees their ticket.
    assertThat(listed(agent, "")).doesNotContain(ticket);
    assertThat(listed(agent, "snoozed=false")).doesNotContain(ticket);
    assertThat(listed(agent, "snoozed=true")).containsExactly(ticket);
    assertThat(listed(customer, "")).contains(ticket);
    assertThat(listed(customer, "snoozed=true")).isEmpty();
    assertThat(agent.request().get("/api/v1/tickets?snoozed=maybe").statusCode()).isEqualTo(400);

    // The SLA clocks keep running while it sleeps: same due date, and the breach comes on time.
    Response asleep = ticket(agent, ticket);
    assertThat((String) asleep.path("sla.firstResponse.dueAt")).isEqualTo(dueBefore);
    assertThat((Boolean) asleep.path("sla.firstResponse.paused")).isFalse();
    clock.advance(Duration.ofMinutes(61));
    run(jobs.sweeps()::slaAlarms);
    run(jobs.sweeps()::wakeSnoozed);
    assertThat(events(ticket, "SlaBreached")).isEqualTo(1);
    assertThat(events(ticket, "TicketWoke")).isZero();
    assertThat(listed(agent, "snoozed=true")).containsExactly(ticket);

    // Its time comes: three sweeps at once wake it once.
    clock.moveTo(until.plusSeconds(1));
    List<Future<Integer>> passes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      passes.add(REPLICAS.submit((Callable<Integer>) () -> run(jobs.sweeps()::wakeSnoozed)));
    }
    for (Future<Integer> pass : passes) {
      pass.get();
    }
    run(jobs.sweeps()::wakeSnoozed);
    assertThat(events(ticket, "TicketWoke")).isEqualTo(1);
    assertThat(payload(ticket, "TicketWoke")).contains("\"DUE\"");
    assertThat((Object) ticket(agent, ticket).path("snoozedUntil")).isNull();
    assertThat(listed(agent, "")).contains(ticket);
    assertThat(listed(agent, "snoozed=true")).isEmpty();

    assertThat(timeline(agent, ticket)).contains("TicketSnoozed", "TicketWoke");
    assertThat(timeline(customer, ticket)).doesNotContain("TicketSnoozed", "TicketWoke");
    Relay.publishAll(pool, relay);
    assertThat(notified(agent, ticket)).contains("WOKE");
    assertThat(notified(customer, ticket)).doesNotContain("WOKE");
  }

  @Test
  void the_requester_replying_wakes_it_at_once_and_the_sweep_then_finds_nothing() throws Throwable {
    String ticket = Api.newTicket(customer.token());
    Api.assign(agent, ticket, agent.id());
    Instant until = clock.instant().plus(Duration.ofDays(3));
    assertThat(snooze(agent, ticket, until.toString()).statusCode()).isEqualTo(200);

    Api.comment(customer, ticket, "Any news?", false);

    assertThat((Object) ticket(agent, ticket).path("snoozedUntil")).isNull();
    assertThat(listed(agent, "")).contains(ticket);
    assertThat(events(ticket, "TicketWoke")).isEqualTo(1);
    assertThat(payload(ticket, "TicketWoke")).contains("\"CUSTOMER_REPLIED\"");
    clock.moveTo(until.plusSeconds(1));
    run(jobs.sweeps()::wakeSnoozed);
    assertThat(events(ticket, "TicketWoke")).isEqualTo(1);
  }

  @Test
  void staff_wake_it_early_and_snooze_it_again_and_bad_instants_are_refused_naming_until() {
    String ticket = Api.newTicket(customer.token());
    Instant now = clock.instant();

    for (String bad :
        new String[] {
          now.minusSeconds(60).toString(),
          now.plus(Duration.ofDays(366)).toString(),
          "tomorrow",
          "",
          null
        }) {
      Response refused = snooze(agent, ticket, bad);
      assertThat(refused.statusCode()).as(bad + ": " + refused.asString()).isEqualTo(422);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.jsonPath().getMap("errors")).containsKey("until");
    }
    assertThat(snooze(customer, ticket, now.plusSeconds(3600).toString()).statusCode())
        .isEqualTo(403);
    assertThat(
            snooze(agent, UUID.randomUUID().toString(), now.plusSeconds(60).toString())
                .statusCode())
        .isEqualTo(404);

    Response first = snooze(agent, ticket, now.plusSeconds(3600).toString());
    Response again = snooze(agent, ticket, now.plusSeconds(7200).toString());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Instant.parse(again.path("snoozedUntil"))).isEqualTo(now.plusSeconds(7200));
    assertThat((Integer) again.path("version")).isEqualTo((Integer) first.path("version") + 1);

    Response woken = agent.request().delete("/api/v1/tickets/" + ticket + "/snooze");
    assertThat(woken.statusCode()).as(woken.asString()).isEqualTo(200);
    assertThat((Object) woken.path("snoozedUntil")).isNull();
    Response unchanged = agent.request().delete("/api/v1/tickets/" + ticket + "/snooze");
    assertThat(unchanged.statusCode()).isEqualTo(200);
    assertThat((Integer) unchanged.path("version")).isEqualTo((Integer) woken.path("version"));
    assertThat(customer.request().delete("/api/v1/tickets/" + ticket + "/snooze").statusCode())
        .isEqualTo(403);

    Api.move(customer, ticket, "CLOSED");
    assertThat(snooze(agent, ticket, now.plusSeconds(3600).toString()).statusCode()).isEqualTo(409);
  }

  @Test
  void closing_a_snoozed_ticket_ends_its_snooze() throws Exception {
    String ticket = Api.newTicket(customer.token());
    Instant until = clock.instant().plusSeconds(600);
    assertThat(snooze(agent, ticket, until.toString()).statusCode()).isEqualTo(200);
    Api.move(customer, ticket, "CLOSED");
    assertThat((Object) ticket(agent, ticket).path("snoozedUntil")).isNull();
    clock.moveTo(until.plusSeconds(1));
    run(jobs.sweeps()::wakeSnoozed);
    assertThat(events(ticket, "TicketWoke")).isZero();
  }

  @Test
  void a_snooze_sent_twice_with_one_idempotency_key_happens_once() throws Exception {
    String ticket = Api.newTicket(customer.token());
    String body = "{\"until\":\"" + clock.instant().plusSeconds(3600) + "\"}";
    String key = UUID.randomUUID().toString();
    List<Response> answers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      answers.add(
          Api.json(agent.token())
              .header("Idempotency-Key", key)
              .body(body)
              .post("/api/v1/tickets/" + ticket + "/snooze"));
    }
    assertThat(answers.get(1).statusCode()).isEqualTo(200);
    assertThat(answers.get(1).asString()).isEqualTo(answers.get(0).asString());
    assertThat(events(ticket, "TicketSnoozed")).isEqualTo(1);
  }

  private static int run(java.util.function.Supplier<io.smallrye.mutiny.Uni<Integer>> pass)
      throws Exception {
    try {
      return VertxContextSupport.subscribeAndAwait(pass);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private long events(String ticket, String type) throws Exception {
    return Long.parseLong(
        rows(
                "select count(*)::text from outbox where aggregate_id = ?::uuid and type = ?",
                ticket,
                type)
            .getFirst());
  }

  private String payload(String ticket, String type) throws Exception {
    return String.join(
        "\n",
        rows(
            "select payload::text from outbox where aggregate_id = ?::uuid and type = ?",
            ticket,
            type));
  }

  private List<String> rows(String sql, String ticket, String type) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, ticket);
      s.setString(2, type);
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }
}
