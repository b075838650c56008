package dev.triage.bootstrap.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.SweepJobs;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.sweep.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The next-reply clock end to end (ADR 17, point 4), over HTTP with a clock the test moves: it runs
 * from a requester's public reply to the next public staff reply, pauses in PENDING_CUSTOMER, and
 * warns and breaches once per reply cycle, also when the staff reply comes after the due date
 * before any sweep saw it. The default policy's next-reply target for HIGH is one hour, warning at
 * 80 % (48 minutes).
 */
@QuarkusTest
@TestProfile(NextReplyIT.MovableTime.class)
public class NextReplyIT {

  /** This class's own application, whose clock the tests move. */
  public static class MovableTime implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(MovableClock.class);
    }
  }

  private static final Duration HIGH_NEXT_REPLY = Duration.ofHours(1);

  @Inject MovableClock clock;
  @Inject SweepJobs jobs;
  @Inject DataSource dataSource;

  private Api.User customer;
  private Api.User agent;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  @Test
  void the_clock_runs_from_the_requesters_public_reply_to_the_next_public_staff_reply() {
    String ticket = open();
    JsonPath opened = view(ticket);
    assertThat(opened.getString("sla.policy.name")).isEqualTo("default");
    assertThat(opened.getString("priority")).isEqualTo("HIGH");
    assertThat(nextReply(ticket)).as("a new ticket").isNull();
    assertThat(explainedNextReply(ticket)).as("a new ticket's explanation").isNull();

    reply(agent, ticket, "Which model is it?");
    assertThat(nextReply(ticket)).as("after the first response").isNull();

    Instant asked = Instant.parse(reply(customer, ticket, "An LX-300."));
    Map<String, Object> running = nextReply(ticket);
    assertThat(running).as("while the requester waits").isNotNull();
    assertThat(Instant.parse((String) running.get("dueAt"))).isEqualTo(asked.plus(HIGH_NEXT_REPLY));
    assertThat(running.get("paused")).isEqualTo(false);
    assertThat(running.get("breached")).isEqualTo(false);
    assertThat(running.get("stoppedAt")).isNull();
    Map<String, Object> explained = explainedNextReply(ticket);
    assertThat(explained).as("the explanation while the requester waits").isNotNull();
    assertThat(Instant.parse((String) explained.get("dueAt")))
        .isEqualTo(asked.plus(HIGH_NEXT_REPLY));

    Api.comment(agent, ticket, "Customer sounds worried", true);
    assertThat(nextReply(ticket)).as("after an internal note").isNotNull();
    assertThat(Instant.parse((String) nextReply(ticket).get("dueAt")))
        .isEqualTo(asked.plus(HIGH_NEXT_REPLY));

    reply(agent, ticket, "A fix is on its way.");
    assertThat(nextReply(ticket)).as("after the staff's public reply").isNull();
    assertThat(explainedNextReply(ticket)).as("the explanation after the staff reply").isNull();
  }

  @Test
  void waiting_for_the_customer_pauses_the_clock_and_moves_its_due_date_by_the_pause() {
    String ticket = open();
    Api.move(agent, ticket, "IN_PROGRESS");
    reply(agent, ticket, "Which model is it?");
    reply(customer, ticket, "An LX-300.");
    assertThat(view(ticket).getString("status")).isEqualTo("IN_PROGRESS");
    Map<String, Object> running = nextReply(ticket);
    assertThat(running).isNotNull();
    assertThat(running.get("paused")).isEqualTo(false);
    Instant dueBefore = Instant.parse((String) running.get("dueAt"));

    Instant pausedAt = moved(ticket, "PENDING_CUSTOMER");
    Map<String, Object> paused = nextReply(ticket);
    assertThat(paused).as("a status change is no reply").isNotNull();
    assertThat(paused.get("paused")).isEqualTo(true);
    long elapsed = ((Number) paused.get("elapsedSeconds")).longValue();

    clock.advance(Duration.ofMinutes(30));
    Map<String, Object> later = nextReply(ticket);
    assertThat(later.get("paused")).isEqualTo(true);
    assertThat(((Number) later.get("elapsedSeconds")).longValue())
        .as("elapsed seconds after 30 minutes paused")
        .isEqualTo(elapsed);

    Instant resumedAt = moved(ticket, "IN_PROGRESS");
    Map<String, Object> resumed = nextReply(ticket);
    assertThat(resumed).isNotNull();
    assertThat(resumed.get("paused")).isEqualTo(false);
    Duration pause = Duration.between(pausedAt, resumedAt);
    assertThat(pause).isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    assertThat(Instant.parse((String) resumed.get("dueAt")))
        .as("due date moved by the paused time " + pause)
        .isEqualTo(dueBefore.plus(pause));
  }

  @Test
  void the_clock_warns_and_breaches_once_per_reply_cycle() throws Exception {
    String ticket = open();
    reply(agent, ticket, "Which model is it?");
    reply(customer, ticket, "An LX-300.");

    clock.advance(Duration.ofMinutes(47));
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaWarning")).as("warnings after 47 min").isZero();

    clock.advance(Duration.ofMinutes(2));
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaWarning")).as("warnings after 49 min").isEqualTo(1);
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaWarning")).as("warnings, swept again").isEqualTo(1);
    assertThat(nextReplyEvents(ticket, "SlaBreached")).as("breaches after 49 min").isZero();

    clock.advance(Duration.ofMinutes(12));
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaBreached")).as("breaches after 61 min").isEqualTo(1);
    assertThat(nextReply(ticket).get("breached")).isEqualTo(true);
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaBreached")).as("breaches, swept again").isEqualTo(1);
    assertThat(nextReplyEvents(ticket, "SlaWarning")).as("warnings after the breach").isEqualTo(1);

    reply(agent, ticket, "Sorry for the wait."); // cycle 1 ends
    assertThat(nextReply(ticket)).isNull();
    assertThat(nextReplyEvents(ticket, "SlaBreached"))
        .as("breaches after the late staff reply (the sweep already recorded it)")
        .isEqualTo(1);

    reply(customer, ticket, "Still broken."); // cycle 2
    assertThat(nextReply(ticket)).isNotNull();
    assertThat(nextReply(ticket).get("breached")).isEqualTo(false);
    clock.advance(Duration.ofMinutes(47));
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaWarning")).as("cycle 2, 47 min").isEqualTo(1);
    clock.advance(Duration.ofMinutes(2));
    run(jobs.sweeps()::slaAlarms);
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaWarning")).as("cycle 2, 49 min").isEqualTo(2);
    clock.advance(Duration.ofMinutes(12));
    run(jobs.sweeps()::slaAlarms);
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaBreached")).as("cycle 2, 61 min").isEqualTo(2);
    assertThat(nextReplyEvents(ticket, "SlaWarning")).as("cycle 2, 61 min").isEqualTo(2);

    // Customers never see SLA events; staff do.
    assertThat(timeline(agent, ticket)).contains("SlaWarning", "SlaBreached");
    assertThat(timeline(customer, ticket)).doesNotContain("SlaWarning", "SlaBreached");
  }

  @Test
  void a_staff_reply_after_the_due_date_before_any_sweep_records_the_breach_itself()
      throws Exception {
    String ticket = open();
    reply(agent, ticket, "Which model is it?");
    reply(customer, ticket, "An LX-300.");
    clock.advance(Duration.ofMinutes(61)); // past the due date; no sweep runs
    assertThat(nextReplyEvents(ticket, "SlaBreached")).isZero();
    assertThat(nextReply(ticket).get("breached")).isEqualTo(true);

    Instant replied = Instant.parse(reply(agent, ticket, "Sorry for the wait."));

    assertThat(nextReply(ticket)).isNull();
    assertThat(nextReplyEvents(ticket, "SlaBreached"))
        .as("breaches recorded by the late staff reply")
        .isEqualTo(1);
    assertThat(
            rows(
                "select occurred_at from outbox where aggregate_id = ?::uuid"
                    + " and type = 'SlaBreached' and payload ->> 'clock' = 'NEXT_REPLY'",
                ticket))
        .extracting(Instant::parse)
        .containsExactly(replied);
    assertThat(
            rows(
                "select type from outbox where aggregate_id = ?::uuid"
                    + " and occurred_at = (select max(occurred_at) from outbox"
                    + " where aggregate_id = ?::uuid) order by id",
                ticket))
        .as("the reply and its breach, one command")
        .containsSubsequence("CommentAdded", "SlaBreached");
    run(jobs.sweeps()::slaAlarms);
    assertThat(nextReplyEvents(ticket, "SlaBreached")).as("after a sweep").isEqualTo(1);
    assertThat(nextReplyEvents(ticket, "SlaWarning"))
        .as("no warning after the cycle ended")
        .isZero();
    assertThat(timeline(customer, ticket)).doesNotContain("SlaWarning", "SlaBreached");
    assertThat(timeline(agent, ticket)).contains("SlaBreached");
  }

  // ---------------------------------------------------------------- helpers

  private String open() {
    return Api.newTicket(customer.token(), "Printer on fire", "Third floor.", "HIGH");
  }

  /** A public reply as {@code who}; answers its {@code createdAt}. */
  private static String reply(Api.User who, String ticket, String body) {
    return Api.json(who.token())
        .body("{\"body\":\"" + body + "\",\"internal\":false}")
        .post("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(201)
        .extract()
        .path("createdAt");
  }

  /** Moves the ticket to {@code status} as the agent; answers when (the ticket's updatedAt). */
  private Instant moved(String ticket, String status) {
    String at =
        Api.json(agent.token())
            .body("{\"status\":\"" + status + "\"}")
            .post("/api/v1/tickets/" + ticket + "/status")
            .then()
            .statusCode(200)
            .extract()
            .path("updatedAt");
    return Instant.parse(at);
  }

  private JsonPath view(String ticket) {
    Response read = agent.request().get("/api/v1/tickets/" + ticket);
    assertThat(read.statusCode()).isEqualTo(200);
    return read.jsonPath();
  }

  private Map<String, Object> nextReply(String ticket) {
    return view(ticket).getMap("sla.nextReply");
  }

  private Map<String, Object> explainedNextReply(String ticket) {
    Response read = agent.request().get("/api/v1/tickets/" + ticket + "/sla");
    assertThat(read.statusCode()).isEqualTo(200);
    return read.jsonPath().getMap("nextReply");
  }

  private static List<String> timeline(Api.User who, String ticket) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.statusCode()).isEqualTo(200);
    List<Map<String, Object>> items = page.jsonPath().getList("items");
    return items.stream().map(i -> (String) i.get("type")).toList();
  }

  private static int run(Supplier<Uni<Integer>> pass) throws Exception {
    try {
      return VertxContextSupport.subscribeAndAwait(pass);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** How many events of {@code type} (SlaWarning, SlaBreached) of the next-reply clock. */
  private long nextReplyEvents(String ticket, String type) throws SQLException {
    return Long.parseLong(
        rows(
                "select count(*)::text from outbox where aggregate_id = ?::uuid and type = '"
                    + type
                    + "' and payload ->> 'clock' = 'NEXT_REPLY'",
                ticket)
            .getFirst());
  }

  /** The first column of each row; every {@code ?} is bound to {@code ticket}. */
  private List<String> rows(String sql, String ticket) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int parameters = s.getParameterMetaData().getParameterCount();
      for (int i = 1; i <= parameters; i++) {
        s.setString(i, UUID.fromString(ticket).toString());
      }
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Object value = r.getObject(1);
          out.add(
              value instanceof java.sql.Timestamp t
                  ? t.toInstant().toString()
                  : value instanceof java.time.OffsetDateTime o
                      ? o.toInstant().toString()
                      : String.valueOf(value));
        }
      }
      return out;
    }
  }
}
