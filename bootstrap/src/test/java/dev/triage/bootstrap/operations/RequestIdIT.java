package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every response names its request in {@code X-Request-Id}: the client's own id when it is sane, a
 * fresh one otherwise, on successes, refusals and errors alike. (That log lines carry the same id
 * is {@link LogsIT}'s part.)
 */
@QuarkusTest
class RequestIdIT {

  private static final String HEADER = "X-Request-Id";

  @Test
  void a_sane_incoming_id_comes_back_unchanged() {
    String id = "client-" + UUID.randomUUID() + ":attempt.2";
    Api.as(Api.adminToken())
        .header(HEADER, id)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .header(HEADER, equalTo(id));
  }

  @Test
  void without_an_id_the_service_makes_one_per_request() {
    String first = given().get("/q/health/live").then().statusCode(200).extract().header(HEADER);
    String second = given().get("/q/health/live").then().statusCode(200).extract().header(HEADER);
    assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
  }

  @Test
  void an_insane_id_is_replaced_not_echoed() {
    for (String bad :
        new String[] {"has spaces in it", "x".repeat(129), "new\\nline", "<script>"}) {
      String answered =
          given().header(HEADER, bad).get("/q/health/live").then().extract().header(HEADER);
      assertThat(answered).isNotEqualTo(bad);
      assertThat(UUID.fromString(answered)).isNotNull();
    }
  }

  @Test
  void errors_carry_the_id_too() {
    String admin = Api.adminToken();
    echoes(given(), s -> s.get("/api/v1/tickets/TCK-2026-000001"), 401); // no token
    echoes(Api.as("not-a-token"), s -> s.get("/api/v1/me"), 401);
    echoes(Api.as(admin), s -> s.get("/api/v1/tickets/TCK-2099-999999"), 404);
    echoes(given(), s -> s.get("/no/such/route"), 404);
    echoes(Api.json(admin).body("{\"title\":"), s -> s.post("/api/v1/tickets"), 400);
    echoes(
        Api.json(admin).body("{\"title\":\"\",\"description\":\"d\"}"),
        s -> s.post("/api/v1/tickets"),
        422);
    echoes(
        Api.as(admin).contentType(ContentType.TEXT).body("x"), s -> s.post("/api/v1/tickets"), 415);
    echoes(Api.as(admin), s -> s.delete("/api/v1/tickets"), 405);
    echoes(
        Api.json(admin).body("{\"title\":\"" + "x".repeat(300_000) + "\"}"),
        s -> s.post("/api/v1/tickets"),
        413);
  }

  private static void echoes(
      RequestSpecification spec, Function<RequestSpecification, Response> call, int status) {
    String id = "err-" + UUID.randomUUID();
    call.apply(spec.header(HEADER, id)).then().statusCode(status).header(HEADER, equalTo(id));
  }
}
