package dev.triage.bootstrap.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The service with the settings {@code deploy/} gives it: the API documents switched off ({@code
 * TRIAGE_API_DOCS_ENABLED=false}), and trusted proxies that do not include the test client, which
 * therefore plays a reverse proxy nobody declared.
 */
@QuarkusTest
@TestProfile(AsDeployedIT.Deployed.class)
class AsDeployedIT {

  /** What deploy/base/configmap.yaml sets, as far as these tests need it. */
  public static class Deployed implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "triage.http.trusted-proxies", "192.0.2.10",
          "TRIAGE_API_DOCS_ENABLED", "false");
    }
  }

  @Test
  void the_api_documents_can_be_switched_off() {
    given().get("/q/openapi").then().statusCode(404);
    given().get("/q/swagger-ui/").then().statusCode(404);
    given().get("/q/health/ready").then().statusCode(200);
  }

  /**
   * A peer that sends {@code X-Forwarded-For} but is not among {@code triage.http.trusted-proxies}:
   * the header is ignored, as it must be, and the service says once, with the setting that fixes
   * it, that every client behind that peer now shares one address for rate limits and the audit
   * trail.
   */
  @Test
  void a_peer_that_forwards_without_being_trusted_is_named_in_one_warning() {
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler watch =
        new Handler() {
          @Override
          public void publish(LogRecord entry) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()
                && String.valueOf(entry.getMessage()).contains("X-Forwarded-For")) {
              warnings.add(entry);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(watch);
    try {
      login(null);
      assertThat(warnings).as("no header, nothing to say").isEmpty();

      for (int i = 0; i < 3; i++) {
        login("203.0.113." + (i + 1));
      }
    } finally {
      root.removeHandler(watch);
    }

    assertThat(warnings).hasSize(1);
    String said = formatted(warnings.getFirst());
    assertThat(said).contains("127.0.0.1", "TRIAGE_HTTP_TRUSTED_PROXIES");
  }

  private static void login(String forwardedFor) {
    var request =
        given()
            .contentType("application/json")
            .body("{\"email\":\"nobody@example.com\",\"password\":\"not-the-password\"}");
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    assertThat(request.post("/api/v1/auth/login").statusCode()).isEqualTo(401);
  }

  private static String formatted(LogRecord entry) {
    Object[] parameters = entry.getParameters();
    return parameters == null ? entry.getMessage() : String.format(entry.getMessage(), parameters);
  }
}
