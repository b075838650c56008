package dev.triage.bootstrap.sweep;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.adapters.out.telemetry.SlaDueGauge;
import dev.triage.bootstrap.SweepJobs;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweeps against the real database with a clock the test moves: SLA warnings and breaches,
 * automatic escalation and auto-close each happen once, also when three replicas sweep at once, and
 * customers never see the internal events they raise. The timer is off in tests; the passes run
 * when the test says so.
 */
@QuarkusTest
@TestProfile(SweepsIT.MovableTime.class)
public class SweepsIT {

  /** This class's own application, whose clock the tests move. */
  public static class MovableTime implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(MovableClock.class);
    }
  }

  private static final ExecutorService REPLICAS = Executors.newFixedThreadPool(3);
  private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(2);

  @Inject MovableClock clock;
  @Inject SweepJobs jobs;
  @Inject SlaDueGauge slaDue;
  @Inject DataSource dataSource;

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
    CLIENTS.shutdownNow();
  }

  @Test
  void a_first_response_target_warns_once_at_80_percent_and_breaches_once_when_passed()
      throws Exception {
    String ticket = open("HIGH"); // first response within 1 h: warning after 48 min
    clock.advance(Duration.ofMinutes(47));
    run(jobs.sweeps()::slaAlarms);
    assertThat(events(ticket, "SlaWarning")).isZero();

    clock.advance(Duration.ofMinutes(2));
    run(jobs.sweeps()::slaAlarms);
    assertThat(events(ticket, "SlaWarning")).isEqualTo(1);
    long warned = version(ticket);
    run(jobs.sweeps()::slaAlarms);
    assertThat(events(ticket, "SlaWarning")).isEqualTo(1);
    assertThat(version(ticket)).isEqualTo(warned);

    double breachesBefore = metric("triage_sla_breaches_total", "FIRST_RESPONSE", "HIGH");
    clock.advance(Duration.ofMinutes(12));
    run(jobs.sweeps()::slaAlarms);
    assertThat(events(ticket, "SlaBreached")).isEqualTo(1);
    assertThat(metric("triage_sla_breaches_total", "FIRST_RESPONSE", "HIGH"))
        .isGreaterThanOrEqualTo(breachesBefore + 1);
    long breached = version(ticket);
    run(jobs.sweeps()::slaAlarms);
    run(jobs.sweeps()::slaAlarms);
    assertThat(events(ticket, "SlaWarning")).isEqualTo(1);
    assertThat(events(ticket, "SlaBreached")).isEqualTo(1);
    assertThat(version(ticket)).isEqualTo(breached);

    assertThat(timeline(agent, ticket)).contains("SlaWarning", "SlaBreached");
    assertThat(timeline(customer, ticket)).doesNotContain("SlaWarning", "SlaBreached");
  }

  @Test
  void the_seconds_to_breach_gauge_shows_the_nearest_running_due_date() throws Throwable {
    open("CRITICAL"); // first response within 30 min
    VertxContextSupport.subscribeAndAwait(slaDue::refresh);
    double seconds = metric("triage_sla_seconds_to_breach", null, "CRITICAL");
    assertThat(seconds).isLessThanOrEqualTo(30 * 60);
  }

  @Test
  void a_stale_open_unassigned_ticket_is_escalated_once_by_the_system() throws Exception {
    String ticket = open("MEDIUM");
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    run(jobs.sweeps()::autoEscalation);
    assertThat(events(ticket, "TicketEscalated")).isZero();

    clock.advance(Duration.ofMinutes(2));
    run(jobs.sweeps()::autoEscalation);
    run(jobs.sweeps()::autoEscalation);

    assertThat(events(ticket, "TicketEscalated")).isEqualTo(1);
    Response view = agent.request().get("/api/v1/tickets/" + ticket);
    assertThat(view.jsonPath().getString("priority")).isEqualTo("HIGH");
    assertThat(view.jsonPath().getInt("escalationLevel")).isEqualTo(1);
    assertThat(
            rows(
                "select actor_id::text from audit_log where action = 'EscalateStaleTicket'"
                    + " and entity_id = ?",
                ticket))
        .containsExactly("00000000-0000-0000-0000-000000000000");
    assertThat(timeline(customer, ticket)).doesNotContain("TicketEscalated");
  }

  @Test
  void a_resolved_ticket_idle_for_seven_days_is_closed_automatically() throws Exception {
    String ticket = open("LOW");
    move(ticket, "IN_PROGRESS");
    move(ticket, "RESOLVED");
    clock.advance(Duration.ofDays(7).minusMinutes(1));
    run(jobs.sweeps()::autoClose);
    assertThat(status(ticket)).isEqualTo("RESOLVED");

    clock.advance(Duration.ofMinutes(2));
    run(jobs.sweeps()::autoClose);
    run(jobs.sweeps()::autoClose);

    assertThat(status(ticket)).isEqualTo("CLOSED");
    assertThat(events(ticket, "TicketClosed")).isEqualTo(1);
  }

  @Test
  void the_ages_of_escalation_and_auto_close_are_the_runtime_settings_an_admin_changes()
      throws Exception {
    Map<String, Object> before =
        Api.as(Api.adminToken()).get("/api/v1/settings").then().extract().jsonPath().getMap("");
    try {
      Api.json(Api.adminToken())
          .body("{\"autoEscalateAfter\":\"PT2H\",\"autoCloseAfter\":\"PT3H\"}")
          .patch("/api/v1/settings")
          .then()
          .statusCode(200);
      String stale = open("MEDIUM");
      String idle = open("LOW");
      move(idle, "IN_PROGRESS");
      move(idle, "RESOLVED");

      clock.advance(Duration.ofMinutes(119));
      run(jobs.sweeps()::autoEscalation);
      assertThat(events(stale, "TicketEscalated")).isZero();
      clock.advance(Duration.ofMinutes(2));
      run(jobs.sweeps()::autoEscalation);
      assertThat(events(stale, "TicketEscalated")).isEqualTo(1);

      clock.advance(Duration.ofMinutes(58));
      run(jobs.sweeps()::autoClose);
      assertThat(status(idle)).isEqualTo("RESOLVED");
      clock.advance(Duration.ofMinutes(2));
      run(jobs.sweeps()::autoClose);
      assertThat(status(idle)).isEqualTo("CLOSED");
    } finally {
      Api.json(Api.adminToken())
          .body(
              Map.of(
                  "autoEscalateAfter", before.get("autoEscalateAfter"),
                  "autoCloseAfter", before.get("autoCloseAfter")))
          .patch("/api/v1/settings")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void three_replicas_sweeping_at_once_record_every_effect_exactly_once() throws Exception {
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tickets.add(open("HIGH"));
    }
    clock.advance(Duration.ofHours(25)); // both clocks breached, stale for escalation

    concurrently(
        () ->
            run(jobs.sweeps()::slaAlarms)
                + run(jobs.sweeps()::autoEscalation)
                + run(jobs.sweeps()::slaAlarms));

    for (String ticket : tickets) {
      assertThat(events(ticket, "SlaBreached")).as(ticket).isEqualTo(2);
      assertThat(events(ticket, "SlaWarning")).as(ticket).isZero();
      assertThat(events(ticket, "TicketEscalated")).as(ticket).isEqualTo(1);
      assertThat(
              rows(
                  "select count(*)::text from audit_log where action = 'EscalateStaleTicket'"
                      + " and entity_id = ?",
                  ticket))
          .containsExactly("1");
    }

    List<String> resolved = tickets.subList(0, 3);
    for (String ticket : resolved) {
      move(ticket, "IN_PROGRESS");
      move(ticket, "RESOLVED");
    }
    clock.advance(Duration.ofDays(7).plusHours(1));
    concurrently(() -> run(jobs.sweeps()::autoClose) + run(jobs.sweeps()::autoClose));

    for (String ticket : resolved) {
      assertThat(events(ticket, "TicketClosed")).as(ticket).isEqualTo(1);
      assertThat(status(ticket)).isEqualTo("CLOSED");
    }
  }

  @Test
  void sweeps_running_while_tickets_are_created_log_no_error_and_alarm_each_ticket_once()
      throws Exception {
    List<String> early = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      early.add(open("HIGH")); // first response within 1 h: warning after 48 min
    }
    clock.advance(Duration.ofMinutes(49));
    List<LogRecord> problems = new CopyOnWriteArrayList<>();
    Handler watch =
        new Handler() {
          @Override
          public void publish(LogRecord entry) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
              problems.add(entry);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(watch);
    List<String> during;
    List<String> later;
    try {
      during = createWhileSweeping(30);
      clock.advance(Duration.ofMinutes(49)); // early: breached; during: warning due
      later = createWhileSweeping(30);
    } finally {
      root.removeHandler(watch);
    }

    assertThat(problems)
        .as("warnings and errors logged while sweeping")
        .extracting(e -> e.getLoggerName() + ": " + e.getMessage() + " " + e.getThrown())
        .isEmpty();
    for (String ticket : early) {
      assertThat(events(ticket, "SlaWarning")).as(ticket).isEqualTo(1);
      assertThat(events(ticket, "SlaBreached")).as(ticket).isEqualTo(1);
    }
    for (String ticket : during) {
      assertThat(events(ticket, "SlaWarning")).as(ticket).isEqualTo(1);
      assertThat(events(ticket, "SlaBreached")).as(ticket).isZero();
    }
    for (String ticket : later) {
      assertThat(events(ticket, "SlaWarning") + events(ticket, "SlaBreached")).as(ticket).isZero();
    }
  }

  /**
   * Two clients create {@code perClient} HIGH tickets each while two replicas sweep SLA alarms over
   * and over; after the creators finish, one more pass runs on each replica. Answers the new
   * tickets.
   */
  private List<String> createWhileSweeping(int perClient) throws Exception {
    AtomicBoolean creating = new AtomicBoolean(true);
    List<Future<List<String>>> creators = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      creators.add(
          CLIENTS.submit(
              () -> {
                List<String> made = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                  made.add(open("HIGH"));
                }
                return made;
              }));
    }
    List<Future<?>> sweepers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      sweepers.add(
          REPLICAS.submit(
              () -> {
                do {
                  run(jobs.sweeps()::slaAlarms);
                } while (creating.get());
                return run(jobs.sweeps()::slaAlarms);
              }));
    }
    List<String> made = new ArrayList<>();
    try {
      for (Future<List<String>> creator : creators) {
        made.addAll(creator.get());
      }
    } finally {
      creating.set(false);
    }
    for (Future<?> sweeper : sweepers) {
      sweeper.get(); // a pass that failed fails the test
    }
    return made;
  }

  /** Runs {@code replica} on three threads at once, like three service instances. */
  private static void concurrently(Callable<Integer> replica) throws Exception {
    List<Future<Integer>> replicas = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      replicas.add(REPLICAS.submit(replica));
    }
    for (Future<Integer> running : replicas) {
      running.get();
    }
  }

  // ---------------------------------------------------------------- helpers

  private String open(String priority) {
    return Api.newTicket(customer.token(), "Sweep ticket", "Waiting.", priority);
  }

  private void move(String ticket, String status) {
    Api.move(agent, ticket, status);
  }

  private String status(String ticket) {
    return agent.request().get("/api/v1/tickets/" + ticket).jsonPath().getString("status");
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

  /** A sample from the Prometheus scrape; {@code clock} null for series without that label. */
  private static double metric(String name, String clockLabel, String priority) {
    String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String line : scrape.split("\n")) {
      if (line.startsWith(name + "{")
          && line.contains("priority=\"" + priority + "\"")
          && (clockLabel == null || line.contains("clock=\"" + clockLabel + "\""))) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no sample of " + name + " for " + priority + " in the scrape");
  }

  private long events(String ticket, String type) throws SQLException {
    return Long.parseLong(
        rows(
                "select count(*)::text from outbox where aggregate_id = ?::uuid and type = '"
                    + type
                    + "'",
                ticket)
            .getFirst());
  }

  private long version(String ticket) throws SQLException {
    return Long.parseLong(
        rows("select version::text from tickets where id = ?::uuid", ticket).getFirst());
  }

  private List<String> rows(String sql, String arg) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, UUID.fromString(arg).toString());
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
