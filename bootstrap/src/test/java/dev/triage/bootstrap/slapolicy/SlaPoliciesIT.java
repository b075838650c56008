package dev.triage.bootstrap.slapolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
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
 * SLA policies over HTTP against PostgreSQL (issue 17, point 2): a policy reads back as it was
 * written, every refusal names its field, a change is a new version and leaves the old one as it
 * was, the default policy always exists, a calendar a policy uses cannot be deleted, staff read and
 * only admins write.
 */
@QuarkusTest
class SlaPoliciesIT {

  private static final String PROBLEM = "application/problem+json";
  private static final String TWENTY_FOUR_SEVEN = Calendars.TWENTY_FOUR_SEVEN.toString();
  private static final String DEFAULT = SlaPolicies.DEFAULT.toString();

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

  private static String clocks(String firstResponse, String resolution, String nextReply) {
    return "{\"firstResponse\":\""
        + firstResponse
        + "\",\"resolution\":\""
        + resolution
        + "\",\"nextReply\":\""
        + nextReply
        + "\"}";
  }

  /** Targets for every priority, HIGH resolved within {@code highResolution}. */
  private static String targets(String highResolution) {
    return "{\"CRITICAL\":"
        + clocks("PT30M", "PT4H", "PT1H")
        + ",\"HIGH\":"
        + clocks("PT1H", highResolution, "PT2H")
        + ",\"MEDIUM\":"
        + clocks("PT4H", "PT24H", "PT4H")
        + ",\"LOW\":"
        + clocks("PT8H", "PT48H", "PT8H")
        + "}";
  }

  private static String policy(
      String name, String calendarId, int position, String category, String targets) {
    return "{\"name\":\""
        + name
        + "\",\"calendarId\":\""
        + calendarId
        + "\",\"warningShare\":0.75,\"position\":"
        + position
        + ",\"conditions\":{\"priorities\":[\"HIGH\",\"CRITICAL\"],\"categories\":[\""
        + category
        + "\"],\"tags\":[\"vip\"],\"requesterIds\":[]},\"targets\":"
        + targets
        + "}";
  }

  /** A policy for a category of its own on the 24x7 calendar. */
  private static String policy(String name) {
    return policy(name, TWENTY_FOUR_SEVEN, 100, "cat-" + UUID.randomUUID(), targets("PT8H"));
  }

  private static Response create(String token, String body) {
    return Api.json(token).body(body).post("/api/v1/sla-policies");
  }

  /** Creates a policy as the admin; answers its id. */
  private String created(String body) {
    return create(admin, body).then().statusCode(201).extract().path("id");
  }

  private static Response change(String token, String id, String ifMatch, String body) {
    var request = Api.json(token).body(body);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.put("/api/v1/sla-policies/" + id);
  }

  private JsonNode tree(String text) throws Exception {
    return json.readTree(text);
  }

  private Map<String, List<String>> refused(Response answer) {
    return answer
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .extract()
        .jsonPath()
        .getMap("errors");
  }

  @Test
  void a_policy_for_a_category_reads_back_exactly_as_it_was_written() throws Exception {
    String body =
        policy(
            unique("Billing"),
            TWENTY_FOUR_SEVEN,
            5,
            "billing-" + UUID.randomUUID(),
            targets("PT8H"));

    Response created = create(admin, body);
    created.then().statusCode(201).header("ETag", "\"1\"");
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/sla-policies/" + id);
    ObjectNode expected = (ObjectNode) tree(body);
    expected.put("id", id);
    expected.put("version", 1);
    assertThat(tree(created.asString())).isEqualTo(expected);

    Response read = Api.as(agent.token()).get("/api/v1/sla-policies/" + id);
    read.then().statusCode(200).header("ETag", "\"1\"");
    assertThat(tree(read.asString())).isEqualTo(expected);
    assertThat(tree(read.asString()).fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "version",
            "name",
            "calendarId",
            "warningShare",
            "position",
            "conditions",
            "targets");
    assertThat(tree(definition(id, 1)).path("conditions").path("categories").get(0).asText())
        .startsWith("billing-");
  }

  @Test
  void the_default_policy_is_todays_targets_on_the_24x7_calendar_and_comes_last() {
    Response read = Api.as(agent.token()).get("/api/v1/sla-policies/" + DEFAULT);
    read.then()
        .statusCode(200)
        .body("name", equalTo("default"))
        .body("calendarId", equalTo(TWENTY_FOUR_SEVEN))
        .body("position", equalTo(Integer.MAX_VALUE))
        .body("conditions.categories.size()", equalTo(0))
        .body("targets.CRITICAL.firstResponse", equalTo("PT30M"))
        .body("targets.HIGH.resolution", equalTo("PT8H"))
        .body("targets.LOW.resolution", equalTo("PT48H"))
        .body("targets.MEDIUM.nextReply", equalTo("PT4H"));

    String later =
        created(
            policy(
                unique("Later"), TWENTY_FOUR_SEVEN, 30, "c-" + UUID.randomUUID(), targets("PT8H")));
    String sooner =
        created(
            policy(
                unique("Sooner"),
                TWENTY_FOUR_SEVEN,
                20,
                "c-" + UUID.randomUUID(),
                targets("PT8H")));
    List<String> ids = allIds();
    assertThat(ids).doesNotHaveDuplicates().endsWith(DEFAULT);
    assertThat(ids.indexOf(sooner)).isLessThan(ids.indexOf(later));
  }

  @Test
  void a_change_is_version_2_and_the_first_version_stays_as_it_was() throws Exception {
    String name = unique("Versioned");
    String category = "versioned-" + UUID.randomUUID();
    String id = created(policy(name, TWENTY_FOUR_SEVEN, 7, category, targets("PT8H")));
    String first = definition(id, 1);

    String later = policy(name, TWENTY_FOUR_SEVEN, 8, category, targets("PT6H"));
    Response changed = change(admin, id, "\"1\"", later);
    changed.then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
    ObjectNode expected = (ObjectNode) tree(later);
    expected.put("id", id);
    expected.put("version", 2);
    assertThat(tree(changed.asString())).isEqualTo(expected);
    Response read = Api.as(agent.token()).get("/api/v1/sla-policies/" + id);
    read.then().statusCode(200).header("ETag", "\"2\"");
    assertThat(tree(read.asString())).isEqualTo(expected);

    assertThat(definition(id, 1)).as("version 1 as it was written").isEqualTo(first);
    assertThat(tree(first).at("/targets/HIGH/resolution").asText()).isEqualTo("PT8H");
    assertThat(tree(definition(id, 2)).at("/targets/HIGH/resolution").asText()).isEqualTo("PT6H");
    assertThat(currentVersion(id)).isEqualTo(2);
    assertThatThrownBy(
            () ->
                execute(
                    "update sla_policy_versions set definition = '{}'::jsonb"
                        + " where policy_id = '"
                        + id
                        + "'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("immutable");

    // The same definition again changes nothing.
    change(admin, id, "\"2\"", later).then().statusCode(200).header("ETag", "\"2\"");
    assertThat(versions(id)).isEqualTo(2);
  }

  @Test
  void a_change_with_a_stale_if_match_is_a_412_and_writes_nothing() {
    String name = unique("Contended");
    String id = created(policy(name));
    change(admin, id, "\"1\"", policy(name)).then().statusCode(200).header("ETag", "\"2\"");
    change(admin, id, "\"1\"", policy(name))
        .then()
        .statusCode(412)
        .contentType(PROBLEM)
        .body("code", equalTo("VERSION_MISMATCH"));
    change(admin, id, "garbage", policy(name)).then().statusCode(412).contentType(PROBLEM);
    Api.as(admin)
        .header("If-Match", "\"1\"")
        .delete("/api/v1/sla-policies/" + id)
        .then()
        .statusCode(412);
    Api.as(admin)
        .get("/api/v1/sla-policies/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
  }

  @Test
  void a_bad_target_is_a_422_naming_the_priority_and_clock() {
    Map<String, List<String>> errors =
        refused(create(admin, policy(unique("Zero"), TWENTY_FOUR_SEVEN, 1, "x", targets("PT0S"))));
    assertThat(errors).containsOnlyKeys("targets.HIGH.resolution");

    errors =
        refused(
            create(admin, policy(unique("Words"), TWENTY_FOUR_SEVEN, 1, "x", targets("tomorrow"))));
    assertThat(errors).containsOnlyKeys("targets.HIGH.resolution");

    String noLow =
        "{\"name\":\""
            + unique("Partial")
            + "\",\"calendarId\":\""
            + TWENTY_FOUR_SEVEN
            + "\",\"warningShare\":0.8,\"position\":1,\"targets\":{\"CRITICAL\":"
            + clocks("PT1H", "PT2H", "PT1H")
            + ",\"HIGH\":"
            + clocks("PT1H", "PT2H", "PT1H")
            + ",\"MEDIUM\":{\"firstResponse\":\"PT1H\",\"resolution\":\"PT2H\"}}}";
    errors = refused(create(admin, noLow));
    assertThat(errors).containsOnlyKeys("targets.MEDIUM.nextReply", "targets.LOW");
  }

  @Test
  void other_refusals_name_their_field() {
    assertThat(
            refused(
                create(
                    admin,
                    policy(
                        unique("Nowhere"), UUID.randomUUID().toString(), 1, "x", targets("PT8H")))))
        .containsOnlyKeys("calendarId");
    assertThat(
            refused(
                create(admin, policy(unique("Garbled"), "not-a-uuid", 1, "x", targets("PT8H")))))
        .containsOnlyKeys("calendarId");
    assertThat(
            refused(
                create(
                    admin, policy(unique("Zeroth"), TWENTY_FOUR_SEVEN, 0, "x", targets("PT8H")))))
        .containsOnlyKeys("position");
    assertThat(
            refused(
                create(
                    admin,
                    policy(unique("Shares"), TWENTY_FOUR_SEVEN, 1, "x", targets("PT8H"))
                        .replace("\"warningShare\":0.75", "\"warningShare\":1.5"))))
        .containsOnlyKeys("warningShare");
    assertThat(
            refused(
                create(
                    admin,
                    policy(unique("Urgent"), TWENTY_FOUR_SEVEN, 1, "x", targets("PT8H"))
                        .replace("\"HIGH\",\"CRITICAL\"", "\"HIGH\",\"URGENT\""))))
        .containsOnlyKeys("conditions.priorities[1]");
    assertThat(refused(create(admin, "{}")))
        .containsKeys("name", "calendarId", "warningShare", "position", "targets");
  }

  @Test
  void the_default_policy_cannot_be_deleted_nor_given_conditions_nor_moved() throws Exception {
    Api.as(admin)
        .delete("/api/v1/sla-policies/" + DEFAULT)
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
    ObjectNode current =
        (ObjectNode) tree(Api.as(admin).get("/api/v1/sla-policies/" + DEFAULT).asString());
    current.remove("id");
    current.remove("version");
    ObjectNode withConditions = current.deepCopy();
    ((ObjectNode) withConditions.path("conditions")).putArray("categories").add("billing");
    assertThat(refused(change(admin, DEFAULT, null, withConditions.toString())))
        .containsOnlyKeys("conditions");
    ObjectNode moved = current.deepCopy();
    moved.put("position", 1);
    assertThat(refused(change(admin, DEFAULT, null, moved.toString())))
        .containsOnlyKeys("position");
    // Sent back as read, it changes nothing.
    change(admin, DEFAULT, null, current.toString()).then().statusCode(200);
    Api.as(agent.token()).get("/api/v1/sla-policies/" + DEFAULT).then().statusCode(200);
  }

  @Test
  void a_calendar_a_policy_uses_cannot_be_deleted_until_the_policy_is() {
    String calendar =
        Api.json(admin)
            .body(
                "{\"name\":\""
                    + unique("Policy calendar")
                    + "\",\"timeZone\":\"Europe/Berlin\","
                    + "\"week\":{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}}")
            .post("/api/v1/calendars")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String name = unique("Uses the calendar");
    String id = created(policy(name, calendar, 50, "c-" + UUID.randomUUID(), targets("PT8H")));

    Api.as(admin)
        .delete("/api/v1/calendars/" + calendar)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("detail", containsString(name));

    Api.as(admin).delete("/api/v1/sla-policies/" + id).then().statusCode(204);
    Api.as(admin).get("/api/v1/sla-policies/" + id).then().statusCode(404);
    Api.as(admin).delete("/api/v1/calendars/" + calendar).then().statusCode(204);
    // A deleted calendar can no longer be named.
    assertThat(refused(create(admin, policy(unique("Late"), calendar, 50, "x", targets("PT8H")))))
        .containsOnlyKeys("calendarId");
  }

  @Test
  void staff_read_policies_customers_may_not_and_only_admins_write() {
    String id = created(policy(unique("Readable")));
    Api.as(customer.token()).get("/api/v1/sla-policies").then().statusCode(403);
    Api.as(customer.token()).get("/api/v1/sla-policies/" + id).then().statusCode(403);
    Api.as(agent.token())
        .get("/api/v1/sla-policies")
        .then()
        .statusCode(200)
        .body("items", notNullValue());
    create(agent.token(), policy(unique("Agent's"))).then().statusCode(403);
    change(agent.token(), id, null, policy(unique("Agent's"))).then().statusCode(403);
    Api.as(agent.token()).delete("/api/v1/sla-policies/" + id).then().statusCode(403);
    create(customer.token(), policy(unique("Customer's"))).then().statusCode(403);
  }

  @Test
  void a_name_another_live_policy_has_is_a_conflict() {
    String name = unique("Twice");
    created(policy(name));
    create(admin, policy(name.toUpperCase())).then().statusCode(409).contentType(PROBLEM);
  }

  // ------------------------------------------------------------------------------ helpers

  /** Every policy's id in list order, following the list's Link header page by page. */
  private List<String> allIds() {
    List<String> ids = new ArrayList<>();
    Response page = Api.as(agent.token()).queryParam("limit", 3).get("/api/v1/sla-policies");
    for (int pages = 0; pages < 10_000; pages++) {
      page.then().statusCode(200);
      ids.addAll(page.jsonPath().getList("items.id", String.class));
      String link = page.header("Link");
      if (page.jsonPath().getString("nextCursor") == null) {
        assertThat(link).isNull();
        return ids;
      }
      page = Api.as(agent.token()).get(link.substring(1, link.indexOf('>')));
    }
    throw new AssertionError("the list does not end");
  }

  /** The stored definition of version {@code version} of the policy, as text. */
  private String definition(String id, int version) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select cast(definition as text) from sla_policy_versions"
                    + " where policy_id = cast(? as uuid) and version = ?")) {
      s.setString(1, id);
      s.setInt(2, version);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as("version " + version + " of " + id).isTrue();
        return r.getString(1);
      }
    }
  }

  private long versions(String id) throws SQLException {
    return number("select count(*) from sla_policy_versions where policy_id = cast(? as uuid)", id);
  }

  private long currentVersion(String id) throws SQLException {
    return number(
        "select v.version from sla_policies p join sla_policy_versions v"
            + " on v.id = p.current_version_id where p.id = cast(? as uuid)",
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
