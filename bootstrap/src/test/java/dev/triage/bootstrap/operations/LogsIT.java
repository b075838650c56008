package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads every log line this application instance wrote, from its start on, in the production JSON
 * format: secrets (passwords, access, refresh and API tokens, the Authorization header) never
 * appear in any of them, and the lines a request causes carry its request id, the same one the bus
 * saw.
 */
@QuarkusTest
@TestProfile(LogsIT.EverythingToAFile.class)
class LogsIT {

  static final Path LOG = Path.of("target", "operations", "logs-" + UUID.randomUUID() + ".json");

  /**
   * All log output also goes to a JSON file; Triage's own code and the security layers log at
   * DEBUG, so more lines can betray a secret than in production.
   */
  public static class EverythingToAFile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.log.file.enabled", "true",
          "quarkus.log.file.path", LOG.toString(),
          "quarkus.log.file.json.enabled", "true",
          "quarkus.log.file.level", "DEBUG",
          "quarkus.log.category.\"dev.triage\".level", "DEBUG",
          "quarkus.log.category.\"io.quarkus.security\".level", "DEBUG",
          "quarkus.log.category.\"io.smallrye.jwt\".level", "DEBUG",
          "quarkus.log.category.\"io.quarkus.vertx.http\".level", "DEBUG");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BUS_REQUEST = Pattern.compile("\\[request ([^\\]]+)]$");

  private final List<String> secrets = new ArrayList<>();
  private final List<String> requestIds = new ArrayList<>();

  /** A secret the test sends or receives: remembered so the log can be searched for it. */
  private String secret(String value) {
    assertThat(value).hasSizeGreaterThan(12);
    secrets.add(value);
    return value;
  }

  private RequestSpecification request(String name) {
    String id = "logs-" + name + "-" + UUID.randomUUID();
    requestIds.add(id);
    return given().header("X-Request-Id", id).contentType(ContentType.JSON);
  }

  @Test
  void no_secret_reaches_the_log_and_request_lines_carry_their_request_id() throws IOException {
    Instant began = Instant.now();
    String email = "logs-" + UUID.randomUUID() + "@test.triage";
    String password = secret("Register-Secret-" + UUID.randomUUID());
    secret(Api.ADMIN_PASSWORD);

    request("register")
        .body(body("email", email, "displayName", "Log Reader", "password", password))
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201);
    Response login =
        request("login")
            .body(body("email", email, "password", password))
            .post("/api/v1/auth/login");
    login.then().statusCode(200);
    secret(login.path("accessToken"));
    String refresh = secret(login.path("refreshToken"));
    request("wrong-password")
        .body(body("email", email, "password", secret("Wrong-Secret-" + UUID.randomUUID())))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(401);
    request("broken-login-body")
        .body(
            "{\"email\":\"" + email + "\",\"password\":\"" + secret("Broken-" + UUID.randomUUID()))
        .post("/api/v1/auth/login")
        .then()
        .statusCode(400);
    Response renewed =
        request("refresh").body(body("refreshToken", refresh)).post("/api/v1/auth/refresh");
    renewed.then().statusCode(200);
    secret(renewed.path("accessToken"));
    secret(renewed.path("refreshToken"));
    request("reused-refresh")
        .body(body("refreshToken", refresh))
        .post("/api/v1/auth/refresh")
        .then()
        .statusCode(401);
    // The reuse ended every session of the account: sign in again.
    Response again =
        request("login-after-reuse")
            .body(body("email", email, "password", password))
            .post("/api/v1/auth/login");
    again.then().statusCode(200);
    String access2 = secret(again.path("accessToken"));
    secret(again.path("refreshToken"));

    String admin = secret(Api.adminToken());
    Response token =
        request("api-token")
            .header("Authorization", "Bearer " + admin)
            .body("{\"name\":\"log check\",\"scopes\":[\"tickets:read\",\"tickets:write\"]}")
            .post("/api/v1/api-tokens");
    token.then().statusCode(201);
    String apiToken = secret(token.path("token"));

    String ticket =
        request("create-ticket")
            .header("Authorization", "Bearer " + access2)
            .body(body("title", "Logged ticket", "description", "Nothing secret in here."))
            .post("/api/v1/tickets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    request("read-with-api-token")
        .header("Authorization", "Bearer " + apiToken)
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
    request("me")
        .header("Authorization", "Bearer " + access2)
        .get("/api/v1/me")
        .then()
        .statusCode(200);
    request("bad-token")
        .header("Authorization", "Bearer " + secret("forged." + UUID.randomUUID() + ".token"))
        .get("/api/v1/me")
        .then()
        .statusCode(401);
    request("logout")
        .header("Authorization", "Bearer " + access2)
        .post("/api/v1/auth/logout")
        .then()
        .statusCode(204);

    String text = Files.readString(LOG, StandardCharsets.UTF_8);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    // The capture is real: it holds this application's start and the requests above.
    assertThat(lines)
        .anySatisfy(l -> assertThat(l.path("message").asText()).contains("started in"));
    assertThat(lines)
        .filteredOn(l -> l.path("loggerName").asText().equals("dev.triage.bus"))
        .extracting(l -> l.path("message").asText())
        .anySatisfy(m -> assertThat(m).startsWith("command Login -> ok"))
        .anySatisfy(m -> assertThat(m).startsWith("command RefreshSession -> ok"))
        .anySatisfy(m -> assertThat(m).startsWith("command CreateApiToken -> ok"));

    for (String secret : secrets) {
      assertThat(text).as("the log holds a secret").doesNotContain(secret);
    }
    assertThat(text).doesNotContainIgnoringCase("Bearer ey").doesNotContain("Bearer trg_");

    // Each bus line names its request; the line's MDC holds the same id, so the filter that
    // chose the id and the RequestContext the bus got agree.
    List<String> seen = new ArrayList<>();
    for (JsonNode line : lines) {
      Matcher m = BUS_REQUEST.matcher(line.path("message").asText());
      if (line.path("loggerName").asText().equals("dev.triage.bus") && m.find()) {
        String named = m.group(1);
        if (requestIds.contains(named)) {
          assertThat(line.path("mdc").path("requestId").asText())
              .as(line.toString())
              .isEqualTo(named);
          seen.add(named);
        }
      }
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(10);
    // Every line Triage's code wrote while serving HTTP since this test began names its request.
    assertThat(lines)
        .filteredOn(l -> !Instant.parse(l.path("timestamp").asText()).isBefore(began))
        .filteredOn(l -> l.path("loggerName").asText().startsWith("dev.triage"))
        .filteredOn(l -> l.path("threadName").asText().startsWith("vert.x-eventloop"))
        .hasSizeGreaterThanOrEqualTo(seen.size())
        .allSatisfy(l -> assertThat(l.path("mdc").path("requestId").asText()).isNotBlank());
  }

  private static String body(String... pairs) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      json.append(i == 0 ? "" : ",")
          .append('"')
          .append(pairs[i])
          .append("\":\"")
          .append(pairs[i + 1])
          .append('"');
    }
    return json.append('}').toString();
  }
}
