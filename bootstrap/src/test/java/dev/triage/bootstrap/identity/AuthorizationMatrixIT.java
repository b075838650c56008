package dev.triage.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint x every kind of caller x (own, someone else's, missing) resource has one expected
 * status, in one table. The test runs the whole table and reports every deviation at once.
 */
@QuarkusTest
class AuthorizationMatrixIT {

  enum Who {
    ANONYMOUS,
    CUSTOMER,
    OTHER_CUSTOMER,
    AGENT,
    ADMIN,
    TOKEN_READ,
    TOKEN_WRITE,
    TOKEN_ADMIN
  }

  /** One row: an endpoint on one resource, and the status each caller must get. */
  record Row(String name, Function<RequestSpecification, Integer> call, int... expected) {}

  private static final Map<Who, String> tokens = new EnumMap<>(Who.class);
  private static String ownTicket;

  /** RestAssured knows the test port only inside a test, so the callers are made there. */
  private static void callers() {
    Api.User customer = Api.newUser("CUSTOMER");
    tokens.put(Who.CUSTOMER, customer.token());
    tokens.put(Who.OTHER_CUSTOMER, Api.newUser("CUSTOMER").token());
    tokens.put(Who.AGENT, Api.newUser("AGENT").token());
    tokens.put(Who.ADMIN, Api.adminToken());
    tokens.put(Who.TOKEN_READ, Api.newApiToken("tickets:read"));
    tokens.put(Who.TOKEN_WRITE, Api.newApiToken("tickets:write"));
    tokens.put(Who.TOKEN_ADMIN, Api.newApiToken("admin"));
    ownTicket = Api.newTicket(customer.token());
  }

  private static RequestSpecification as(Who who) {
    RequestSpecification spec = given().contentType(ContentType.JSON);
    return who == Who.ANONYMOUS ? spec : spec.header("Authorization", "Bearer " + tokens.get(who));
  }

  private static String newUserBody() {
    return "{\"email\":\"m-"
        + UUID.randomUUID()
        + "@test.triage\",\"displayName\":\"M\",\"password\":\""
        + Api.PASSWORD
        + "\",\"role\":\"AGENT\"}";
  }

  // Columns: ANONYMOUS, CUSTOMER, OTHER_CUSTOMER, AGENT, ADMIN, TOKEN_READ, TOKEN_WRITE,
  // TOKEN_ADMIN
  private static List<Row> table() {
    String missingTicket = "0192f0c4-0000-7000-8000-00000000abcd";
    String missingUser = UUID.randomUUID().toString();
    return List.of(
        new Row(
            "POST /tickets",
            s ->
                s.body("{\"title\":\"Matrix\",\"description\":\"d\"}")
                    .post("/api/v1/tickets")
                    .statusCode(),
            401,
            201,
            201,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "GET /tickets/{own}",
            s -> s.get("/api/v1/tickets/" + ownTicket).statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /tickets/{missing}",
            s -> s.get("/api/v1/tickets/" + missingTicket).statusCode(),
            401,
            404,
            404,
            404,
            404,
            404,
            403,
            403),
        new Row(
            "GET /me",
            s -> s.get("/api/v1/me").statusCode(),
            401,
            200,
            200,
            200,
            200,
            404,
            404,
            404),
        new Row(
            "GET /users",
            s -> s.get("/api/v1/users").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "GET /audit-log",
            s -> s.get("/api/v1/audit-log").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "POST /users",
            s -> s.body(newUserBody()).post("/api/v1/users").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "PATCH /users/{other}",
            s ->
                s.body("{\"active\":true}")
                    .patch("/api/v1/users/" + Api.newUser("AGENT").id())
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "PATCH /users/{missing}",
            s -> s.body("{\"active\":true}").patch("/api/v1/users/" + missingUser).statusCode(),
            401,
            403,
            403,
            403,
            404,
            403,
            403,
            404),
        new Row(
            "POST /users/{other}/sessions/revoke",
            s ->
                s.post("/api/v1/users/" + Api.newUser("AGENT").id() + "/sessions/revoke")
                    .statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            204),
        new Row(
            "GET /api-tokens",
            s -> s.get("/api/v1/api-tokens").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "POST /api-tokens",
            s ->
                s.body("{\"name\":\"m\",\"scopes\":[\"tickets:read\"]}")
                    .post("/api/v1/api-tokens")
                    .statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "DELETE /api-tokens/{missing}",
            s -> s.delete("/api/v1/api-tokens/" + UUID.randomUUID()).statusCode(),
            401,
            403,
            403,
            403,
            404,
            403,
            403,
            404),
        // Webhooks are the admins' (and admin-scoped tokens').
        new Row(
            "GET /webhooks",
            s -> s.get("/api/v1/webhooks").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "GET /webhooks/{missing}/deliveries",
            s -> s.get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").statusCode(),
            401,
            403,
            403,
            403,
            404,
            403,
            403,
            404),
        new Row(
            "POST /webhooks (no URL)",
            s -> s.body("{\"events\":[]}").post("/api/v1/webhooks").statusCode(),
            401,
            403,
            403,
            403,
            422,
            403,
            403,
            422),
        // Everyone signed in has an inbox of their own (an API token's stays empty).
        new Row(
            "GET /notifications",
            s -> s.get("/api/v1/notifications").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /notifications/unread-count",
            s -> s.get("/api/v1/notifications/unread-count").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /notifications/{missing}/read",
            s -> s.post("/api/v1/notifications/" + UUID.randomUUID() + "/read").statusCode(),
            401,
            404,
            404,
            404,
            404,
            404,
            404,
            404),
        new Row(
            "POST /notifications/read-all",
            s -> s.post("/api/v1/notifications/read-all").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200));
  }

  @Test
  void every_endpoint_answers_every_caller_as_the_table_says() {
    callers();
    List<String> deviations = new ArrayList<>();
    Map<String, Integer> cells = new LinkedHashMap<>();
    for (Row row : table()) {
      assertThat(row.expected()).hasSize(Who.values().length);
      for (Who who : Who.values()) {
        int expected = row.expected()[who.ordinal()];
        int actual = row.call().apply(as(who));
        cells.put(row.name() + " as " + who, actual);
        if (actual != expected) {
          deviations.add(row.name() + " as " + who + ": expected " + expected + ", got " + actual);
        }
      }
    }
    System.out.printf(
        "authorization matrix: %d endpoints x %d callers = %d cells, %d deviations%n",
        table().size(), Who.values().length, cells.size(), deviations.size());
    assertThat(deviations).isEmpty();
  }
}
