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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A first-response target counted in business hours, end to end (issue 17, "done when"): a Berlin
 * calendar (Monday to Friday 09:00-17:00, Easter Monday 2027 a holiday) and a policy that applies
 * to one category. A HIGH ticket opened on Friday 2027-03-26 at 16:30 Berlin, with the change to
 * summer time on the Sunday between, is due on Tuesday 2027-03-30 at 09:30 Berlin (07:30Z); the
 * sweeps warn at 80 % (Tuesday 09:18) and breach at the due date, each once and not before; the
 * explanation names the versions, the holiday and only Friday's and Tuesday's working time; the
 * ticket, the explanation and the dashboard agree on the business seconds of the first response.
 * The service's clock is moved by the test; the sweeps run when the test says so.
 */
@QuarkusTest
@TestProfile(SlaBusinessHoursIT.MovableTime.class)
class SlaBusinessHoursIT {

  /** This class's own application, whose clock the test moves. */
  public static class MovableTime implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(MovableClock.class);
    }
  }

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String WEEKDAYS_9_TO_5 =
      "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"TUESDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"WEDNESDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"THURSDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"FRIDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}";
  private static final String HOLIDAY = "Easter Monday";

  /** Friday 2027-03-26 16:30 in Berlin (CET, UTC+1). */
  private static final Instant FRIDAY_1630 = Instant.parse("2027-03-26T15:30:00Z");

  /** Tuesday 2027-03-30 09:00 in Berlin (CEST, UTC+2 since Sunday): work starts again. */
  private static final Instant TUESDAY_0900 = Instant.parse("2027-03-30T07:00:00Z");

  @Inject MovableClock clock;
  @Inject SweepJobs jobs;
  @Inject DataSource dataSource;

  @Test
  void a_high_ticket_opened_late_on_friday_is_due_on_tuesday_after_the_weekend_and_the_holiday()
      throws Exception {
    String admin = Api.adminToken();
    Api.User agent = Api.newUser("AGENT");
    String suffix = UUID.randomUUID().toString();
    String category = "berlin-" + suffix;
    Api.category(category);
    String calendarName = "Berlin office " + suffix;
    String policyName = "Berlin business hours " + suffix;

    String calendar =
        Api.json(admin)
            .body(
                "{\"name\":\""
                    + calendarName
                    + "\",\"timeZone\":\"Europe/Berlin\",\"week\":"
                    + WEEKDAYS_9_TO_5
                    + ",\"holidays\":[{\"date\":\"2027-03-29\",\"name\":\""
                    + HOLIDAY
                    + "\",\"yearly\":false}]}")
            .post("/api/v1/calendars")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String policy =
        Api.json(admin)
            .body(
                "{\"name\":\""
                    + policyName
                    + "\",\"calendarId\":\""
                    + calendar
                    + "\",\"warningShare\":0.8,\"position\":1,\"conditions\":{\"categories\":[\""
                    + category
                    + "\"]},\"targets\":{\"CRITICAL\":"
                    + clocks("PT30M", "PT4H", "PT1H")
                    + ",\"HIGH\":"
                    + clocks("PT1H", "PT8H", "PT2H")
                    + ",\"MEDIUM\":"
                    + clocks("PT4H", "PT24H", "PT4H")
                    + ",\"LOW\":"
                    + clocks("PT8H", "PT48H", "PT8H")
                    + "}}")
            .post("/api/v1/sla-policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      clock.moveTo(FRIDAY_1630);

      // Tokens issued at the moved time work (the agent and the admin signed in before the move):
      // a customer signed in on Friday opens the ticket.
      Api.User fridayCustomer = Api.newUser("CUSTOMER");
      Response me = fridayCustomer.request().get("/api/v1/me");
      assertThat(me.statusCode())
          .as("a token issued after the clock moved: " + me.asString())
          .isEqualTo(200);

      Response opened =
          Api.json(fridayCustomer.token())
              .body(
                  "{\"title\":\"Late on Friday\",\"description\":\"Before Easter.\","
                      + "\"priority\":\"HIGH\",\"category\":\""
                      + category
                      + "\"}")
              .post("/api/v1/tickets");
      assertThat(opened.statusCode()).as(opened.asString()).isEqualTo(201);
      String ticket = opened.path("id");
      Instant created = Instant.parse(opened.path("createdAt"));
      // The clock goes on ticking after a move: every later instant is shifted by the same lag.
      Duration lag = Duration.between(FRIDAY_1630, created);
      assertThat(lag).isBetween(Duration.ZERO, Duration.ofSeconds(20));

      Instant due = Instant.parse("2027-03-30T07:30:00Z").plus(lag);
      assertThat(opened.<String>path("sla.policy.id")).isEqualTo(policy);
      assertThat(opened.<String>path("sla.policy.name")).isEqualTo(policyName);
      assertThat(opened.<Integer>path("sla.policy.version")).isEqualTo(1);
      assertThat(Instant.parse(opened.path("sla.firstResponse.dueAt"))).isEqualTo(due);
      assertThat(
              Instant.parse(opened.<String>path("sla.firstResponse.dueAt"))
                  .atZone(BERLIN)
                  .toLocalDateTime()
                  .truncatedTo(ChronoUnit.MINUTES)
                  .toString())
          .isEqualTo("2027-03-30T09:30");
      assertThat(opened.<Object>path("sla.nextReply")).isNull();

      // Over the weekend and the holiday nothing counts, so nothing warns.
      clock.moveTo(Instant.parse("2027-03-27T12:00:00Z").plus(lag)); // Saturday
      run(jobs.sweeps()::slaAlarms);
      clock.moveTo(Instant.parse("2027-03-29T12:00:00Z").plus(lag)); // Easter Monday
      run(jobs.sweeps()::slaAlarms);
      clock.moveTo(Instant.parse("2027-03-30T06:59:00Z").plus(lag)); // Tuesday 08:59
      run(jobs.sweeps()::slaAlarms);
      assertThat(events(ticket, "SlaWarning")).isZero();
      assertThat(events(ticket, "SlaBreached")).isZero();

      // 80 % of an hour is 48 business minutes: 30 on Friday, 18 on Tuesday, 09:18 Berlin.
      clock.moveTo(Instant.parse("2027-03-30T07:17:00Z").plus(lag));
      run(jobs.sweeps()::slaAlarms);
      assertThat(events(ticket, "SlaWarning")).isZero();
      clock.moveTo(Instant.parse("2027-03-30T07:18:30Z").plus(lag));
      run(jobs.sweeps()::slaAlarms);
      run(jobs.sweeps()::slaAlarms);
      assertThat(events(ticket, "SlaWarning")).isEqualTo(1);
      assertThat(events(ticket, "SlaBreached")).isZero();

      clock.moveTo(Instant.parse("2027-03-30T07:29:30Z").plus(lag));
      run(jobs.sweeps()::slaAlarms);
      assertThat(events(ticket, "SlaBreached")).isZero();
      clock.moveTo(Instant.parse("2027-03-30T07:30:30Z").plus(lag));
      run(jobs.sweeps()::slaAlarms);
      run(jobs.sweeps()::slaAlarms);
      assertThat(events(ticket, "SlaBreached")).isEqualTo(1);
      assertThat(events(ticket, "SlaWarning")).isEqualTo(1);

      JsonPath before = explanation(agent, ticket);
      assertThat(before.getString("policy")).isEqualTo(policyName);
      assertThat(before.getString("calendar")).isEqualTo(calendarName);
      assertThat(before.getString("zone")).isEqualTo("Europe/Berlin");
      assertThat(before.getString("policyVersion.id")).isNotNull();
      assertThat(before.getString("policyVersion.name")).isEqualTo(policyName);
      assertThat(before.getInt("policyVersion.version")).isEqualTo(1);
      assertThat(before.getString("calendarVersion.name")).isEqualTo(calendarName);
      assertThat(before.getInt("calendarVersion.version")).isEqualTo(1);
      assertThat(before.getList("matchedConditions"))
          .containsExactly(Map.of("field", "categories", "value", category));
      assertThat(Instant.parse(before.getString("firstResponse.dueAt"))).isEqualTo(due);
      assertThat(before.getList("firstResponse.holidaysSkipped")).containsExactly("2027-03-29");
      assertThat(before.getList("firstResponse.holidays"))
          .containsExactly(Map.of("date", "2027-03-29", "name", HOLIDAY));
      // The due date is made of Friday's last half hour and Tuesday's first half hour.
      assertThat(intervals(before, "firstResponse.dueIntervals"))
          .containsExactly(
              List.of(created, Instant.parse("2027-03-26T16:00:00Z")), List.of(TUESDAY_0900, due));

      // The agent's first public reply at Tuesday 09:40 Berlin: 30 + 40 business minutes.
      clock.moveTo(Instant.parse("2027-03-30T07:40:00Z").plus(lag));
      Api.comment(agent, ticket, "Back after Easter, looking at it now", false);
      Response replied = agent.request().get("/api/v1/tickets/" + ticket);
      assertThat(replied.statusCode()).isEqualTo(200);
      Instant stopped = Instant.parse(replied.path("sla.firstResponse.stoppedAt"));
      assertThat(Duration.between(Instant.parse("2027-03-30T07:40:00Z").plus(lag), stopped))
          .isBetween(Duration.ZERO, Duration.ofSeconds(1));
      long ticketSeconds = replied.jsonPath().getLong("sla.firstResponse.elapsedSeconds");
      assertThat(ticketSeconds).isEqualTo(4200);
      assertThat(replied.jsonPath().getBoolean("sla.firstResponse.breached")).isTrue();
      assertThat(Instant.parse(replied.path("sla.firstResponse.dueAt"))).isEqualTo(due);

      JsonPath after = explanation(agent, ticket);
      assertThat(after.getLong("firstResponse.elapsedSeconds")).isEqualTo(ticketSeconds);
      assertThat(Instant.parse(after.getString("firstResponse.stoppedAt"))).isEqualTo(stopped);
      List<List<Instant>> counted = intervals(after, "firstResponse.elapsedIntervals");
      assertThat(counted)
          .containsExactly(
              List.of(created, Instant.parse("2027-03-26T16:00:00Z")),
              List.of(TUESDAY_0900, stopped));
      for (List<Instant> range : counted) {
        assertThat(range.getFirst().atZone(BERLIN).getDayOfWeek())
            .isIn(DayOfWeek.FRIDAY, DayOfWeek.TUESDAY);
      }
      List<String> summary = after.getList("summary", String.class);
      assertThat(summary).anyMatch(line -> line.contains("holiday skipped 2027-03-29 (" + HOLIDAY));
      List<String> countedLines =
          summary.stream().filter(line -> line.strip().startsWith("counted ")).toList();
      assertThat(countedLines).isNotEmpty();
      for (String line : countedLines) {
        assertThat(line)
            .as("only Friday and Tuesday count")
            .doesNotContain("2027-03-27", "2027-03-28", "2027-03-29");
      }
      assertThat(String.join("\n", summary))
          .contains("counted [" + created + ", 2027-03-26T16:00:00Z)")
          .contains("counted [2027-03-30T07:00:00Z, " + stopped + ")");

      // The dashboard averages the same business seconds (only this ticket stops in the window).
      Response dashboard =
          Api.as(admin)
              .queryParam("from", "2027-03-26T15:00:00Z")
              .queryParam("to", "2027-03-30T08:00:00Z")
              .get("/api/v1/dashboard");
      assertThat(dashboard.statusCode()).as(dashboard.asString()).isEqualTo(200);
      assertThat(dashboard.jsonPath().getLong("firstResponse.count")).isEqualTo(1);
      assertThat(dashboard.jsonPath().getDouble("firstResponse.averageSeconds"))
          .isEqualTo((double) ticketSeconds);
      assertThat(dashboard.jsonPath().getLong("slaCompliance.firstResponse.stopped")).isEqualTo(1);
      assertThat(dashboard.jsonPath().getLong("slaCompliance.firstResponse.met")).isZero();
    } finally {
      Api.as(admin).delete("/api/v1/sla-policies/" + policy).then().statusCode(204);
      Api.as(admin).delete("/api/v1/calendars/" + calendar).then().statusCode(204);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String clocks(String firstResponse, String resolution, String nextReply) {
    return "{\"firstResponse\":\""
        + firstResponse
        + "\",\"resolution\":\""
        + resolution
        + "\",\"nextReply\":\""
        + nextReply
        + "\"}";
  }

  private static JsonPath explanation(Api.User who, String ticket) {
    Response r = who.request().get("/api/v1/tickets/" + ticket + "/sla");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  /** The intervals at {@code path} as [start, end] pairs. */
  private static List<List<Instant>> intervals(JsonPath explanation, String path) {
    List<Map<String, String>> ranges = explanation.getList(path);
    List<List<Instant>> out = new ArrayList<>();
    for (Map<String, String> r : ranges) {
      out.add(List.of(Instant.parse(r.get("start")), Instant.parse(r.get("end"))));
    }
    return out;
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

  private long events(String ticket, String type) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from outbox where aggregate_id = ?::uuid and type = ?")) {
      s.setString(1, UUID.fromString(ticket).toString());
      s.setString(2, type);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
