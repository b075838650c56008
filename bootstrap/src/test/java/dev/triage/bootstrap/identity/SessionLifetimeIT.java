package dev.triage.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.sweep.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sessions and API tokens that end with time, with a clock the test moves: a session ends 30 days
 * after its login however often it is refreshed; an API token ends at its expiry, is listed with
 * its last use (written at most once a minute) and stops with the admin who made it.
 */
@QuarkusTest
@TestProfile(SessionLifetimeIT.MovableTime.class)
class SessionLifetimeIT {

  /** This class's own application, whose clock the tests move. */
  public static class MovableTime implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(MovableClock.class);
    }
  }

  @Inject MovableClock clock;

  /** An admin's access token minted now (the clock may have moved past any earlier one). */
  private static String admin() {
    return Api.login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
  }

  private static Response login(String email) {
    return Api.loginAnswer(email, Api.PASSWORD);
  }

  private static Response refresh(String token) {
    return Api.refreshAnswer(token);
  }

  private static Response createToken(String admin, String scopes, Instant expiresAt) {
    String expiry = expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"";
    return Api.json(admin)
        .body("{\"name\":\"integration\",\"scopes\":[" + scopes + "]" + expiry + "}")
        .post("/api/v1/api-tokens");
  }

  private static String lastUsedAt(String admin, String tokenId) {
    return Api.as(admin)
        .get("/api/v1/api-tokens")
        .then()
        .statusCode(200)
        .extract()
        .path("find { it.id == '" + tokenId + "' }.lastUsedAt");
  }

  @Test
  void a_session_ends_thirty_days_after_its_login_however_often_it_is_refreshed() {
    Api.User user = Api.newUser(admin(), "AGENT");
    String first = login(user.email()).then().statusCode(200).extract().path("refreshToken");

    clock.advance(Duration.ofDays(29));
    String second = refresh(first).then().statusCode(200).extract().path("refreshToken");

    clock.advance(Duration.ofDays(1).plusMinutes(1));
    refresh(second)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401));
    login(user.email()).then().statusCode(200); // a new login starts a new session
  }

  @Test
  void an_api_token_stops_at_its_expiry_and_an_expiry_in_the_past_or_too_far_is_refused() {
    String admin = admin();
    Instant now = clock.instant();
    createToken(admin, "\"tickets:read\"", now.minusSeconds(60))
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    createToken(admin, "\"tickets:read\"", now.plus(Duration.ofDays(400)))
        .then()
        .statusCode(422)
        .contentType("application/problem+json");

    Response created = createToken(admin, "\"tickets:read\"", now.plus(Duration.ofHours(1)));
    created.then().statusCode(201).body("expiresAt", notNullValue());
    String token = created.path("token");
    Api.as(token).get("/api/v1/tickets").then().statusCode(200);

    clock.advance(Duration.ofHours(2));
    Api.as(token)
        .get("/api/v1/tickets")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void an_api_token_is_listed_with_its_last_use_written_at_most_once_a_minute() {
    String admin = admin();
    Response created = createToken(admin, "\"tickets:read\"", null);
    String id = created.path("id");
    String token = created.path("token");
    assertThat(lastUsedAt(admin, id)).isNull();

    Api.as(token).get("/api/v1/tickets").then().statusCode(200);
    String firstUse = lastUsedAt(admin, id);
    assertThat(firstUse).isNotNull();

    clock.advance(Duration.ofSeconds(20));
    Api.as(token).get("/api/v1/tickets").then().statusCode(200);
    assertThat(lastUsedAt(admin, id)).isEqualTo(firstUse);

    clock.advance(Duration.ofMinutes(2));
    admin = admin();
    Api.as(token).get("/api/v1/tickets").then().statusCode(200);
    assertThat(Instant.parse(lastUsedAt(admin, id))).isAfter(Instant.parse(firstUse));
  }

  @Test
  void api_tokens_stop_when_the_admin_who_made_them_is_deactivated() {
    Api.User maker = Api.newUser(admin(), "ADMIN");
    String reader = createToken(maker.token(), "\"tickets:read\"", null).path("token");
    String adminScoped = createToken(maker.token(), "\"admin\"", null).path("token");
    String madeByAToken = createToken(adminScoped, "\"tickets:read\"", null).path("token");
    Map<String, String> tokens =
        Map.of(
            reader, "/api/v1/tickets",
            adminScoped, "/api/v1/api-tokens",
            madeByAToken, "/api/v1/tickets");
    tokens.forEach((token, path) -> Api.as(token).get(path).then().statusCode(200));

    Api.json(admin())
        .body("{\"active\":false}")
        .patch("/api/v1/users/" + maker.id())
        .then()
        .statusCode(200);

    tokens.forEach(
        (token, path) ->
            Api.as(token).get(path).then().statusCode(401).contentType("application/problem+json"));
  }
}
