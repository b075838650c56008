package dev.triage.bootstrap.settings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime settings end to end (issue 17, point 5): admins read and change them over HTTP, a
 * change is a new version and an audit entry, and ticket creation, the lifecycle and refusals
 * follow it at once. Every test puts the settings back as it found them, since the other test
 * classes share the database.
 */
@QuarkusTest
class SettingsIT {

  private static final String SETTINGS = "/api/v1/settings";

  private Map<String, Object> before;
  private Api.User customer;
  private Api.User agent;

  @BeforeEach
  void remember() {
    before = admin().get(SETTINGS).then().statusCode(200).extract().jsonPath().getMap("");
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  @AfterEach
  void putBack() {
    Map<String, Object> values =
        Map.of(
            "defaultPriority", before.get("defaultPriority"),
            "customerPriorities", before.get("customerPriorities"),
            "requesterMayAcceptResolution", before.get("requesterMayAcceptResolution"),
            "autoEscalateAfter", before.get("autoEscalateAfter"),
            "autoCloseAfter", before.get("autoCloseAfter"));
    admin().body(values).patch(SETTINGS).then().statusCode(200);
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return Api.json(Api.adminToken());
  }

  private long version() {
    return ((Number) before.get("version")).longValue();
  }

  @Test
  void customers_choose_only_the_priorities_an_admin_allows_and_staff_any() {
    String adminId = Api.as(Api.adminToken()).get("/api/v1/me").then().extract().path("id");
    Response changed =
        admin()
            .header("If-Match", "\"" + version() + "\"")
            .body("{\"customerPriorities\":[\"LOW\",\"MEDIUM\"]}")
            .patch(SETTINGS);
    changed
        .then()
        .statusCode(200)
        .header("ETag", "\"" + (version() + 1) + "\"")
        .body("customerPriorities", equalTo(List.of("LOW", "MEDIUM")))
        .body("version", equalTo((int) version() + 1));

    Response critical =
        Api.json(customer.token())
            .body(
                "{\"title\":\"Everything is down\",\"description\":\"All of it.\","
                    + "\"priority\":\"CRITICAL\"}")
            .post("/api/v1/tickets");
    critical
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors", hasKey("priority"));
    assertThat(critical.jsonPath().getMap("errors")).containsOnlyKeys("priority");
    customer
        .request()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));

    String low = Api.newTicket(customer.token(), "Slow printer", "A bit slow.", "LOW");
    String unnamed = Api.newTicket(customer.token(), "Mouse", "Squeaks.", null);
    assertThat(priorityOf(low)).isEqualTo("LOW");
    assertThat(priorityOf(unnamed)).isEqualTo(before.get("defaultPriority"));
    String byAgent = Api.newTicket(agent.token(), "Outage", "Everything is down.", "CRITICAL");
    assertThat(priorityOf(byAgent)).isEqualTo("CRITICAL");

    Response read = admin().get(SETTINGS);
    read.then()
        .statusCode(200)
        .header("ETag", "\"" + (version() + 1) + "\"")
        .body("customerPriorities", equalTo(List.of("LOW", "MEDIUM")))
        .body("defaultPriority", equalTo(before.get("defaultPriority")))
        .body("autoEscalateAfter", equalTo(before.get("autoEscalateAfter")))
        .body("version", equalTo((int) version() + 1))
        .body("updatedBy", equalTo(adminId))
        .body("updatedAt", notNullValue());

    JsonPath audit =
        Api.as(Api.adminToken())
            .queryParam("action", "ChangeSettings")
            .queryParam("limit", 1)
            .get("/api/v1/audit-log")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(audit.getString("items[0].entityType")).isEqualTo("Settings");
    assertThat(audit.getString("items[0].actorId")).isEqualTo(adminId);
    assertThat(audit.getList("items[0].before.customerPriorities"))
        .isEqualTo(before.get("customerPriorities"));
    assertThat(audit.getList("items[0].after.customerPriorities")).containsExactly("LOW", "MEDIUM");
    assertThat(audit.getLong("items[0].after.version")).isEqualTo(version() + 1);
  }

  @Test
  void only_admins_read_or_change_the_settings() {
    for (Api.User caller : List.of(customer, agent)) {
      caller.request().get(SETTINGS).then().statusCode(403);
      Api.json(caller.token())
          .body("{\"customerPriorities\":[\"LOW\",\"MEDIUM\"]}")
          .patch(SETTINGS)
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given().get(SETTINGS).then().statusCode(401);
    Api.as(Api.newApiToken("admin")).get(SETTINGS).then().statusCode(200);
    admin().get(SETTINGS).then().statusCode(200).body("version", equalTo((int) version()));
  }

  @Test
  void values_the_settings_cannot_hold_are_refused_naming_the_field_and_change_nothing() {
    Map<String, String> refusals =
        Map.of(
            "{\"autoEscalateAfter\":\"tomorrow\"}", "autoEscalateAfter",
            "{\"autoCloseAfter\":\"PT10S\"}", "autoCloseAfter",
            "{\"autoCloseAfter\":\"P1M\"}", "autoCloseAfter",
            "{\"autoEscalateAfter\":\"P366D\"}", "autoEscalateAfter",
            "{\"customerPriorities\":[]}", "customerPriorities",
            "{\"defaultPriority\":\"CRITICAL\",\"customerPriorities\":[\"LOW\"]}",
                "customerPriorities");
    refusals.forEach(
        (body, field) -> {
          Response refused = admin().body(body).patch(SETTINGS);
          refused
              .then()
              .statusCode(422)
              .contentType("application/problem+json")
              .body("code", equalTo("VALIDATION_FAILED"));
          assertThat(refused.jsonPath().getMap("errors")).as(body).containsOnlyKeys(field);
        });
    admin()
        .body("{\"defaultPriority\":\"URGENT\"}")
        .patch(SETTINGS)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    admin()
        .body("{\"autoCloseAfter\":\"P7D\",\"colour\":\"red\"}")
        .patch(SETTINGS)
        .then()
        .statusCode(400);
    admin().get(SETTINGS).then().statusCode(200).body("version", equalTo((int) version()));
  }

  @Test
  void a_change_against_an_old_version_is_412_and_changes_nothing() {
    for (String ifMatch : List.of("\"" + (version() + 7) + "\"", "yesterday")) {
      admin()
          .header("If-Match", ifMatch)
          .body("{\"autoCloseAfter\":\"P3D\"}")
          .patch(SETTINGS)
          .then()
          .statusCode(412)
          .body("code", equalTo("VERSION_MISMATCH"));
    }
    admin()
        .body("{\"autoCloseAfter\":\"" + before.get("autoCloseAfter") + "\"}")
        .patch(SETTINGS)
        .then()
        .statusCode(200)
        .body("version", equalTo((int) version()));
    admin().get(SETTINGS).then().body("version", equalTo((int) version()));
  }

  @Test
  void a_requester_may_not_accept_a_resolution_once_the_settings_say_so() {
    String ticket = Api.newTicket(customer.token());
    Api.move(agent, ticket, "IN_PROGRESS");
    Api.move(agent, ticket, "RESOLVED");
    admin()
        .body("{\"requesterMayAcceptResolution\":false,\"autoEscalateAfter\":\"PT2H\"}")
        .patch(SETTINGS)
        .then()
        .statusCode(200)
        .body("requesterMayAcceptResolution", equalTo(false))
        .body("autoEscalateAfter", equalTo("PT2H"));

    Api.json(customer.token())
        .body("{}")
        .post("/api/v1/tickets/" + ticket + "/close")
        .then()
        .statusCode(409)
        .body("code", equalTo("INVALID_TRANSITION"));
    Api.json(customer.token())
        .body("{\"status\":\"CLOSED\"}")
        .post("/api/v1/tickets/" + ticket + "/status")
        .then()
        .statusCode(409);
    assertThat(statusOf(ticket)).isEqualTo("RESOLVED");

    admin().body("{\"requesterMayAcceptResolution\":true}").patch(SETTINGS).then().statusCode(200);
    Api.json(customer.token())
        .body("{}")
        .post("/api/v1/tickets/" + ticket + "/close")
        .then()
        .statusCode(200);
    assertThat(statusOf(ticket)).isEqualTo("CLOSED");
  }

  private String priorityOf(String ticket) {
    return agent.request().get("/api/v1/tickets/" + ticket).then().extract().path("priority");
  }

  private String statusOf(String ticket) {
    return agent.request().get("/api/v1/tickets/" + ticket).then().extract().path("status");
  }
}
