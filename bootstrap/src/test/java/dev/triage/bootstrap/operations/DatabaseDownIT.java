package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.triage.application.port.AccessTokens;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With no database to reach, the service stays alive, reports not ready and answers 503. */
@QuarkusTest
@TestProfile(DatabaseDownIT.Unreachable.class)
class DatabaseDownIT {

  /** Points both datasources at a port nothing listens on. */
  public static class Unreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/triage",
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/triage",
          "quarkus.flyway.migrate-at-start", "false",
          "triage.admin.email", "");
    }
  }

  @Test
  void liveness_does_not_depend_on_the_database() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readiness_goes_down() {
    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
  }

  @Inject AccessTokens accessTokens;

  /** A correctly signed token: checking it still needs the database, which is gone. */
  private String token() {
    Instant now = Instant.now();
    Account someone =
        new Account(
            UserId.of(UUID.randomUUID()),
            new Email("someone@example.com"),
            new DisplayName("Someone"),
            Role.AGENT,
            true,
            "unused",
            0,
            now,
            now,
            1);
    return accessTokens.issue(someone, now).token();
  }

  @Test
  void requests_get_503_problem_never_500() {
    given()
        .header("Authorization", "Bearer " + token())
        .contentType(ContentType.JSON)
        .body("{\"title\":\"No database\",\"description\":\"d\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5")
        .body("code", equalTo("SERVICE_UNAVAILABLE"));
    given()
        .header("Authorization", "Bearer " + token())
        .get("/api/v1/tickets/TCK-2026-000001")
        .then()
        .statusCode(503)
        .body("code", equalTo("SERVICE_UNAVAILABLE"));
  }
}
