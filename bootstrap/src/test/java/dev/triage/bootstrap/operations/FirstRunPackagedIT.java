package dev.triage.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bootstrap.support.PackagedService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first run: the README's run command with nothing configured. The service creates an
 * admin with a random password written once to a file only its user can read, says where in a
 * readable (not JSON) log line, and a second start keeps that admin and that password.
 */
class FirstRunPackagedIT {

  private static final Duration START = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void a_first_start_with_nothing_configured_creates_an_admin_whose_password_only_the_owner_reads()
      throws Exception {
    assertThat(PackagedService.JAR).as("the packaged application (run mvn package first)").exists();
    Path work = Path.of("target", "first-run", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(work);
    Map<String, String> environment =
        Map.of(
            "TRIAGE_DATA_DIR",
            work.resolve("data").toString(),
            "QUARKUS_SHUTDOWN_DELAY_ENABLED",
            "false");
    Path passwordFile = work.resolve("data").resolve("initial-admin-password");

    String password;
    try (PackagedService first = PackagedService.start("first", work, environment)) {
      first.awaitReady(START);
      assertThat(passwordFile).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
          .isEqualTo("rw-------");
      password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      assertThat(password).hasSizeGreaterThanOrEqualTo(20);
      JsonNode me = me(first.base, login(first.base, password));
      assertThat(me.path("role").asText()).isEqualTo("ADMIN");
      assertThat(me.path("email").asText()).isEqualTo("admin@triage.local");
    }
    List<String> firstLog = Files.readAllLines(work.resolve("first.log"));
    assertThat(firstLog)
        .filteredOn(l -> l.contains("admin@triage.local was created"))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).contains(passwordFile.toString()).doesNotContain(password);
              assertThat(line).as("a readable line, not JSON").doesNotStartWith("{");
            });
    assertThat(String.join("\n", firstLog)).doesNotContain(password);

    try (PackagedService second = PackagedService.start("second", work, environment)) {
      second.awaitReady(START);
      assertThat(Files.readString(passwordFile, StandardCharsets.UTF_8).strip())
          .isEqualTo(password);
      assertThat(me(second.base, login(second.base, password)).path("role").asText())
          .isEqualTo("ADMIN");
    }
    assertThat(Files.readAllLines(work.resolve("second.log")))
        .noneMatch(l -> l.contains("was created"));
  }

  private String login(String base, String password) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of("email", "admin@triage.local", "password", password))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).path("accessToken").asText();
  }

  private JsonNode me(String base, String token) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
