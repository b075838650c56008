package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Which checks stand behind each probe: readiness looks at the database and at shutdown, liveness
 * at neither (with the database gone it stays UP: {@code DatabaseDownIT}).
 */
@QuarkusTest
class HealthIT {

  @Test
  void readiness_checks_the_database_and_the_shutdown_state() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body(
            "checks.name",
            hasItems("Graceful Shutdown", "Reactive PostgreSQL connections health check"))
        .body("checks.status", everyItem(equalTo("UP")));
  }

  @Test
  void liveness_has_no_database_check() {
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.name", everyItem(not(containsStringIgnoringCase("database"))))
        .body("checks.name", everyItem(not(containsStringIgnoringCase("postgres"))))
        .body("checks.name", not(hasItem("Graceful Shutdown")));
  }
}
