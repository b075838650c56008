package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, production profile) as an
 * operator meets it: probes, Prometheus metrics, request ids and JSON log lines. Built with {@code
 * -Dnative} where GraalVM or Mandrel is available, the same class runs against the native
 * executable; this machine has neither, so here it runs the jar.
 */
@QuarkusIntegrationTest
@TestProfile(OperationsPackagedIT.Packaged.class)
class OperationsPackagedIT {

  /** The launched application gets its own database and a first admin, and nothing else. */
  public static class Packaged implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "triage.admin.email",
          Api.ADMIN_EMAIL,
          "triage.admin.password",
          Api.ADMIN_PASSWORD,
          "TRIAGE_DATA_DIR",
          "target/packaged-it",
          "TRIAGE_LOG_FORMAT",
          "json");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(PackagedDatabase.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }
  }

  /** Where {@code @QuarkusIntegrationTest} writes the launched application's output. */
  private static final Path APP_LOG = Path.of("target", "quarkus.log");

  @Test
  void probes_answer_up() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Graceful Shutdown"));
    given().get("/q/health/started").then().statusCode(200);
  }

  @Test
  void a_created_ticket_shows_in_the_scrape() {
    Scrape before = Scrape.now();
    Api.json(Api.adminToken())
        .body("{\"title\":\"Packaged\",\"description\":\"d\",\"priority\":\"HIGH\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(201);
    Scrape after = Scrape.now();
    Map<String, String> high = Map.of("priority", "HIGH");
    assertThat(
            after.valueOrZero("triage_tickets_created_total", high)
                - before.valueOrZero("triage_tickets_created_total", high))
        .isEqualTo(1);
    assertThat(
            after
                .value(
                    "http_server_requests_seconds_bucket",
                    Map.of(
                        "method", "POST", "uri", "/api/v1/tickets", "status", "201", "le", "+Inf"))
                .orElseThrow())
        .isPositive();
  }

  @Test
  void log_lines_are_json_and_a_request_s_lines_carry_its_id() throws IOException {
    String id = "packaged-" + UUID.randomUUID();
    Api.json(Api.adminToken())
        .header("X-Request-Id", id)
        .body("{\"title\":\"Logged\",\"description\":\"d\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .header("X-Request-Id", id);

    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(APP_LOG, StandardCharsets.UTF_8)) {
      if (line.startsWith("{")) {
        lines.add(json.readTree(line));
      }
    }
    // Production logs are one JSON object per line, every one of them.
    assertThat(Files.readAllLines(APP_LOG, StandardCharsets.UTF_8))
        .filteredOn(line -> !line.isBlank())
        .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    assertThat(lines)
        .filteredOn(l -> l.path("message").asText().contains("[request " + id + "]"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.path("loggerName").asText()).isEqualTo("dev.triage.bus");
              assertThat(l.path("mdc").path("requestId").asText()).isEqualTo(id);
              assertThat(l.path("level").asText()).isEqualTo("INFO");
            });
  }
}
