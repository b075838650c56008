package dev.triage.bootstrap.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.application.port.Calendars;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Business calendars over HTTP against PostgreSQL (issue 17, point 1): a calendar reads back as it
 * was written, every refusal names its field, a change is a new version and leaves the old one as
 * it was, the 24x7 calendar of the default policy cannot be deleted, staff read and only admins
 * write, and every command is in the audit log.
 */
@QuarkusTest
class CalendarsIT {

  private static final String PROBLEM = "application/problem+json";
  private static final String WEEKDAYS_9_TO_5 =
      "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"TUESDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"WEDNESDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"THURSDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}],"
          + "\"FRIDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}";

  @Inject DataSource dataSource;
  @Inject ObjectMapper json;

  private String admin;
  private Api.User agent;
  private Api.User customer;

  @BeforeEach
  void people() {
    admin = Api.adminToken();
    agent = Api.newUser("AGENT");
    customer = Api.newUser("CUSTOMER");
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID();
  }

  private static String calendar(String name, String zone, String week, String holidays) {
    return "{\"name\":\""
        + name
        + "\",\"timeZone\":\""
        + zone
        + "\",\"week\":"
        + week
        + ",\"holidays\":"
        + holidays
        + "}";
  }

  private static String berlin(String name) {
    return calendar(
        name,
        "Europe/Berlin",
        WEEKDAYS_9_TO_5,
        "[{\"date\":\"2026-12-24\",\"name\":\"Christmas Eve\",\"yearly\":false}]");
  }

  private static Response create(String token, String body) {
    return Api.json(token).body(body).post("/api/v1/calendars");
  }

  /** Creates a calendar as the admin; answers its id. */
  private String created(String body) {
    return create(admin, body).then().statusCode(201).extract().path("id");
  }

  private static Response change(String token, String id, String ifMatch, String body) {
    var request = Api.json(token).body(body);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.put("/api/v1/calendars/" + id);
  }

  private JsonNode tree(String text) throws Exception {
    return json.readTree(text);
  }

  @Test
  void a_berlin_calendar_reads_back_exactly_as_it_was_written() throws Exception {
    String body = berlin(unique("Berlin"));

    Response created = create(admin, body);
    created.then().statusCode(201).header("ETag", "\"1\"");
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/calendars/" + id);
    ObjectNode expected = (ObjectNode) tree(body);
    expected.put("id", id);
    expected.put("version", 1);
    assertThat(tree(created.asString())).isEqualTo(expected);

    Response read = Api.as(agent.token()).get("/api/v1/calendars/" + id);
    read.then().statusCode(200).header("ETag", "\"1\"");
    assertThat(tree(read.asString())).isEqualTo(expected);
    // The field names and their order are the contract's.
    assertThat(tree(read.asString()).fieldNames())
        .toIterable()
        .containsExactly("id", "version", "name", "timeZone", "week", "holidays");
  }

  @Test
  void a_creation_sent_again_with_its_idempotency_key_answers_the_same_calendar() throws Exception {
    String body = berlin(unique("Once"));
    String key = UUID.randomUUID().toString();
    Response first =
        Api.json(admin).header("Idempotency-Key", key).body(body).post("/api/v1/calendars");
    first.then().statusCode(201);
    Response again =
        Api.json(admin).header("Idempotency-Key", key).body(body).post("/api/v1/calendars");
    again.then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"1\"");
    assertThat(tree(again.asString())).isEqualTo(tree(first.asString()));
    assertThat(allNames().stream().filter(n -> body.contains(n)).count()).isEqualTo(1);
  }

  @Test
  void an_unknown_time_zone_is_a_422_naming_time_zone() {
    create(admin, calendar(unique("Mars"), "Mars/Olympus", WEEKDAYS_9_TO_5, "[]"))
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.timeZone", notNullValue());
    create(admin, calendar(unique("Offset"), "+01:00", WEEKDAYS_9_TO_5, "[]"))
        .then()
        .statusCode(422)
        .body("errors.timeZone", notNullValue());
  }

  @Test
  void overlapping_intervals_are_a_422_naming_the_day_and_interval() {
    String week =
        "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"},{\"start\":\"12:00\",\"end\":\"13:00\"}]}";
    Map<String, List<String>> errors =
        create(admin, calendar(unique("Overlap"), "Europe/Berlin", week, "[]"))
            .then()
            .statusCode(422)
            .contentType(PROBLEM)
            .extract()
            .jsonPath()
            .getMap("errors");
    assertThat(errors).containsOnlyKeys("week.MONDAY[1]");
    assertThat(errors.get("week.MONDAY[1]").getFirst()).contains("overlaps week.MONDAY[0]");
  }

  @Test
  void a_week_without_working_time_is_a_422_naming_week() {
    for (String week : List.of("{}", "{\"SATURDAY\":[]}")) {
      Map<String, List<String>> errors =
          create(admin, calendar(unique("Idle"), "Europe/Berlin", week, "[]"))
              .then()
              .statusCode(422)
              .extract()
              .jsonPath()
              .getMap("errors");
      assertThat(errors).as(week).containsOnlyKeys("week");
    }
  }

  @Test
  void other_refusals_name_their_fields_as_the_body_spells_them() {
    record Bad(String body, String field) {}
    String name = unique("Refused");
    List<Bad> bad =
        List.of(
            new Bad(calendar("  ", "Europe/Berlin", WEEKDAYS_9_TO_5, "[]"), "name"),
            new Bad(
                calendar(
                    name,
                    "Europe/Berlin",
                    "{\"TUESDAY\":[{\"start\":\"9am\",\"end\":\"17:00\"}]}",
                    "[]"),
                "week.TUESDAY[0].start"),
            new Bad(
                calendar(
                    name,
                    "Europe/Berlin",
                    "{\"TUESDAY\":[{\"start\":\"09:00\",\"end\":\"09:00\"}]}",
                    "[]"),
                "week.TUESDAY[0]"),
            new Bad(
                calendar(
                    name,
                    "Europe/Berlin",
                    WEEKDAYS_9_TO_5,
                    "[{\"date\":\"1900-01-01\",\"name\":\"Too early\"}]"),
                "holidays[0].date"),
            new Bad(
                calendar(
                    name,
                    "Europe/Berlin",
                    WEEKDAYS_9_TO_5,
                    "[{\"date\":\"2026-02-30\",\"name\":\"No such day\"}]"),
                "holidays[0].date"),
            new Bad(
                calendar(
                    name,
                    "Europe/Berlin",
                    WEEKDAYS_9_TO_5,
                    "[{\"date\":\"2026-12-24\",\"name\":\"\"}]"),
                "holidays[0].name"));
    for (Bad b : bad) {
      Map<String, List<String>> errors =
          create(admin, b.body())
              .then()
              .statusCode(422)
              .contentType(PROBLEM)
              .extract()
              .jsonPath()
              .getMap("errors");
      assertThat(errors).as(b.body()).containsOnlyKeys(b.field());
    }
    // A day that is not one is not a field of the week at all.
    create(admin, calendar(name, "Europe/Berlin", "{\"FUNDAY\":[]}", "[]"))
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  @Test
  void a_change_is_version_2_and_the_first_version_stays_as_it_was() throws Exception {
    String name = unique("Versioned");
    String id = created(berlin(name));
    String first = definition(id, 1);

    String later =
        calendar(
            name,
            "Europe/Berlin",
            "{\"MONDAY\":[{\"start\":\"08:00\",\"end\":\"12:00\"},{\"start\":\"13:00\",\"end\":\"16:00\"}]}",
            "[{\"date\":\"2026-12-25\",\"name\":\"Christmas Day\",\"yearly\":true}]");
    Response changed = change(admin, id, "\"1\"", later);
    changed.then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
    ObjectNode expected = (ObjectNode) tree(later);
    expected.put("id", id);
    expected.put("version", 2);
    assertThat(tree(changed.asString())).isEqualTo(expected);
    Response read = Api.as(agent.token()).get("/api/v1/calendars/" + id);
    read.then().statusCode(200).header("ETag", "\"2\"");
    assertThat(tree(read.asString())).isEqualTo(expected);

    assertThat(definition(id, 1)).as("version 1 as it was written").isEqualTo(first);
    assertThat(tree(first).path("week").path("FRIDAY").path(0).path("start").asText())
        .isEqualTo("09:00");
    assertThat(tree(definition(id, 2)).path("week").path("MONDAY").size()).isEqualTo(2);
    assertThat(currentVersion(id)).isEqualTo(2);
    assertThatThrownBy(
            () ->
                execute(
                    "update sla_calendar_versions set definition = '{}'::jsonb"
                        + " where calendar_id = '"
                        + id
                        + "'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");
    assertThatThrownBy(
            () -> execute("delete from sla_calendar_versions where calendar_id = '" + id + "'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");

    // The same definition again changes nothing.
    change(admin, id, "\"2\"", later).then().statusCode(200).header("ETag", "\"2\"");
    assertThat(versions(id)).isEqualTo(2);
  }

  @Test
  void a_change_with_a_stale_if_match_is_a_412_and_writes_nothing() {
    String name = unique("Contended");
    String id = created(berlin(name));
    String other = calendar(name, "Europe/London", WEEKDAYS_9_TO_5, "[]");
    change(admin, id, "\"1\"", other).then().statusCode(200).header("ETag", "\"2\"");

    change(admin, id, "\"1\"", calendar(name, "Europe/Paris", WEEKDAYS_9_TO_5, "[]"))
        .then()
        .statusCode(412)
        .contentType(PROBLEM)
        .body("code", equalTo("VERSION_MISMATCH"));
    change(admin, id, "garbage", other).then().statusCode(412).contentType(PROBLEM);
    Api.as(admin)
        .get("/api/v1/calendars/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("timeZone", equalTo("Europe/London"));
    // Without If-Match the change runs on the current version.
    change(admin, id, null, berlin(name)).then().statusCode(200).header("ETag", "\"3\"");
  }

  @Test
  void the_24x7_calendar_is_there_and_cannot_be_deleted() {
    String id = Calendars.TWENTY_FOUR_SEVEN.toString();
    Response read = Api.as(agent.token()).get("/api/v1/calendars/" + id);
    read.then()
        .statusCode(200)
        .body("name", equalTo("24x7"))
        .body("timeZone", equalTo("UTC"))
        .body("holidays.size()", equalTo(0));
    Map<String, List<Map<String, String>>> week = read.jsonPath().getMap("week");
    assertThat(week).hasSize(7);
    week.values()
        .forEach(day -> assertThat(day).containsExactly(Map.of("start", "00:00", "end", "00:00")));

    Api.as(admin)
        .delete("/api/v1/calendars/" + id)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("CONFLICT"));
    Api.as(admin).get("/api/v1/calendars/" + id).then().statusCode(200);
  }

  @Test
  void a_deleted_calendar_leaves_the_list_keeps_its_versions_and_frees_its_name() throws Exception {
    String name = unique("Short-lived");
    String id = created(berlin(name));
    change(admin, id, "\"1\"", calendar(name, "Europe/Berlin", WEEKDAYS_9_TO_5, "[]"))
        .then()
        .statusCode(200);

    Api.as(admin)
        .header("If-Match", "\"1\"")
        .delete("/api/v1/calendars/" + id)
        .then()
        .statusCode(412);
    Api.as(admin).delete("/api/v1/calendars/" + id).then().statusCode(204);
    Api.as(admin).get("/api/v1/calendars/" + id).then().statusCode(404);
    Api.as(admin).delete("/api/v1/calendars/" + id).then().statusCode(404);
    change(admin, id, null, berlin(name)).then().statusCode(404);
    assertThat(versions(id)).isEqualTo(2);
    assertThat(allNames()).doesNotContain(name);

    String again = created(berlin(name));
    assertThat(again).isNotEqualTo(id);
  }

  @Test
  void a_name_another_calendar_has_is_a_409_whatever_its_case() {
    String name = unique("Taken");
    created(berlin(name));
    create(admin, berlin(name.toUpperCase()))
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("CONFLICT"));
    String other = created(berlin(unique("Other")));
    change(admin, other, null, berlin(name)).then().statusCode(409);
  }

  @Test
  void staff_read_calendars_customers_may_not_and_only_admins_write() {
    String id = created(berlin(unique("Guarded")));

    agent.request().get("/api/v1/calendars").then().statusCode(200);
    agent.request().get("/api/v1/calendars/" + id).then().statusCode(200);
    customer.request().get("/api/v1/calendars").then().statusCode(403).contentType(PROBLEM);
    customer.request().get("/api/v1/calendars/" + id).then().statusCode(403);
    given().get("/api/v1/calendars").then().statusCode(401);

    create(agent.token(), berlin(unique("By an agent"))).then().statusCode(403);
    create(customer.token(), berlin(unique("By a customer"))).then().statusCode(403);
    change(agent.token(), id, null, berlin(unique("Renamed"))).then().statusCode(403);
    agent.request().delete("/api/v1/calendars/" + id).then().statusCode(403);
    Api.as(admin).get("/api/v1/calendars/" + id).then().statusCode(200).header("ETag", "\"1\"");
  }

  @Test
  void the_list_is_paged_by_name_without_gaps_or_repeats() {
    String prefix = "Paged " + UUID.randomUUID() + " ";
    List<String> mine = List.of(prefix + "a", prefix + "b", prefix + "c");
    for (String name : mine.reversed()) {
      created(berlin(name));
    }
    List<String> seen = allNames();
    assertThat(seen).doesNotHaveDuplicates().contains("24x7");
    assertThat(seen.stream().filter(n -> n.startsWith(prefix)).toList())
        .containsExactlyElementsOf(mine);
  }

  @Test
  void every_calendar_command_is_in_the_audit_log_with_its_definitions() {
    String name = unique("Audited");
    String id = created(berlin(name));
    change(admin, id, "\"1\"", calendar(name, "Europe/Vienna", WEEKDAYS_9_TO_5, "[]"))
        .then()
        .statusCode(200);
    Api.as(admin).delete("/api/v1/calendars/" + id).then().statusCode(204);

    Response log =
        Api.as(admin)
            .queryParam("entityType", "Calendar")
            .queryParam("entityId", id)
            .get("/api/v1/audit-log");
    log.then().statusCode(200);
    assertThat(log.jsonPath().getList("items.action", String.class))
        .containsExactly("DeleteCalendar", "ChangeCalendar", "CreateCalendar");
    assertThat(log.jsonPath().getString("items[2].after.timeZone")).isEqualTo("Europe/Berlin");
    assertThat(log.jsonPath().getString("items[2].after.holidays[0].name"))
        .isEqualTo("Christmas Eve");
    assertThat(log.jsonPath().getString("items[1].before.timeZone")).isEqualTo("Europe/Berlin");
    assertThat(log.jsonPath().getString("items[1].after.timeZone")).isEqualTo("Europe/Vienna");
    assertThat(log.jsonPath().getInt("items[1].after.version")).isEqualTo(2);
    assertThat(log.jsonPath().getString("items[1].after.week.MONDAY[0].start")).isEqualTo("09:00");
    assertThat(log.jsonPath().getString("items[0].before.timeZone")).isEqualTo("Europe/Vienna");
    assertThat(log.jsonPath().getString("items[0].after")).isNull();
  }

  // ------------------------------------------------------------------------------ helpers

  /** Every calendar's name, following the list's Link header page by page. */
  private List<String> allNames() {
    List<String> names = new ArrayList<>();
    Response page = Api.as(agent.token()).queryParam("limit", 2).get("/api/v1/calendars");
    for (int pages = 0; pages < 10_000; pages++) {
      page.then().statusCode(200);
      names.addAll(page.jsonPath().getList("items.name", String.class));
      String link = page.header("Link");
      if (page.jsonPath().getString("nextCursor") == null) {
        assertThat(link).isNull();
        return names;
      }
      page = Api.as(agent.token()).get(link.substring(1, link.indexOf('>')));
    }
    throw new AssertionError("the list does not end");
  }

  /** The stored definition of version {@code version} of the calendar, as text. */
  private String definition(String id, int version) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select cast(definition as text) from sla_calendar_versions"
                    + " where calendar_id = cast(? as uuid) and version = ?")) {
      s.setString(1, id);
      s.setInt(2, version);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as("version " + version + " of " + id).isTrue();
        return r.getString(1);
      }
    }
  }

  private long versions(String id) throws SQLException {
    return number(
        "select count(*) from sla_calendar_versions where calendar_id = cast(? as uuid)", id);
  }

  private long currentVersion(String id) throws SQLException {
    return number(
        "select v.version from sla_calendars c join sla_calendar_versions v"
            + " on v.id = c.current_version_id where c.id = cast(? as uuid)",
        id);
  }

  private long number(String sql, String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.execute();
    }
  }
}
