package dev.triage.bootstrap.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import dev.triage.adapters.out.ratelimit.BucketRateLimits;
import dev.triage.adapters.out.ratelimit.RateLimitClock;
import dev.triage.adapters.out.ratelimit.RateLimitsConfig;
import dev.triage.application.port.RateDecision;
import dev.triage.application.port.RateLimit;
import dev.triage.application.port.RateLimits;
import dev.triage.bootstrap.support.Api;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The rate limits over HTTP against PostgreSQL, with the production sizes for login and register
 * and small ones for the per-caller limits. Each test speaks from addresses of its own (through
 * {@code X-Forwarded-For}, the test client being a trusted proxy), and time moves by advancing the
 * limiter's clock, never by sleeping.
 *
 * <p>Login and register are counted before routing, so these tests hold whether or not those
 * endpoints exist yet: every answer below the limit is anything but 429, the next one is 429.
 */
@QuarkusTest
@TestProfile(RateLimitIT.SmallLimits.class)
class RateLimitIT {

  /** Real limits, small per-caller ones, and the test client trusted as a proxy. */
  public static class SmallLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "triage.rate-limits.relaxed", "false",
          "triage.rate-limits.create-ticket-per-user.limit", "3",
          "triage.rate-limits.api-per-caller.limit", "5",
          "triage.rate-limits.api-per-caller.window", "PT1H",
          "triage.http.trusted-proxies", "127.0.0.0/8,::1");
    }
  }

  private static final String PROBLEM = "application/problem+json";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Inject RateLimitClock clock;
  @Inject RateLimits limits;
  @Inject RateLimitsConfig config;
  @Inject DataSource dataSource;

  /** A client address no other test uses. */
  private static String newAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  private static Response login(String address) {
    // A new email each time, so a per-account limit never answers first.
    return given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\"probe-"
                + UUID.randomUUID()
                + "@example.com\",\"password\":\"not the password\"}")
        .post("/api/v1/auth/login");
  }

  private static Response register(String address) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\"new-"
                + UUID.randomUUID()
                + "@example.com\",\"displayName\":\"New Customer\","
                + "\"password\":\"correct horse battery staple\"}")
        .post("/api/v1/auth/register");
  }

  private static Response createTicket(String address) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body("{\"title\":\"Rate limited\",\"description\":\"d\"}")
        .post("/api/v1/tickets");
  }

  private static void assertNotLimited(Response response, String what) {
    assertThat(response.statusCode()).as(what).isNotEqualTo(429);
  }

  /** A 429 problem with Retry-After and both IETF fields for {@code policy}. */
  private static void assertLimited(Response response, String policy, long q, long w) {
    response
        .then()
        .statusCode(429)
        .contentType(PROBLEM)
        .body("code", equalTo("RATE_LIMITED"))
        .body("status", equalTo(429))
        .header("RateLimit-Policy", equalTo("\"" + policy + "\";q=" + q + ";w=" + w));
    long retryAfter = Long.parseLong(response.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, w);
    assertThat(response.header("RateLimit")).isEqualTo("\"" + policy + "\";r=0;t=" + retryAfter);
  }

  @Test
  void the_eleventh_login_from_one_address_is_429_until_the_window_has_passed() {
    String address = newAddress();
    for (int i = 1; i <= 10; i++) {
      assertNotLimited(login(address), "login attempt " + i);
    }
    Response eleventh = login(address);
    assertLimited(eleventh, "login-ip", 10, 600);
    // One attempt comes back every minute (10 per 10 minutes, refilled continuously).
    assertThat(Long.parseLong(eleventh.header("Retry-After"))).isLessThanOrEqualTo(60L);

    assertNotLimited(login(newAddress()), "another address has its own budget");

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
    for (int i = 1; i <= 10; i++) {
      assertNotLimited(login(address), "after the window, login attempt " + i);
    }
    assertLimited(login(address), "login-ip", 10, 600);

    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("triage_rate_limited_total{limit=\"login_per_ip\""));
  }

  @Test
  void five_failures_from_one_address_refuse_it_but_the_owner_signs_in_from_another() {
    String email = "target-" + UUID.randomUUID() + "@example.com";
    String password = "owner's own long password";
    registerAs(email, password, newAddress());
    String attacker = newAddress();
    for (int i = 1; i <= 5; i++) {
      loginAs(email, attacker).then().statusCode(401);
    }
    // Even the right password from the guessing address is refused, and tells nothing.
    loginAs(email.toUpperCase(), password, attacker)
        .then()
        .statusCode(429)
        .contentType(PROBLEM)
        .header("Retry-After", notNullValue())
        .header("RateLimit-Policy", equalTo("\"login-account-ip\";q=5;w=600"));

    loginAs(email, password, newAddress()).then().statusCode(200);
    loginAs(email, attacker).then().statusCode(429);
    clock.advance(Duration.ofMinutes(11));
    loginAs(email, attacker).then().statusCode(401);
  }

  @Test
  void guessing_from_many_addresses_is_slowed_per_account_without_locking_the_owner_out() {
    String email = "spread-" + UUID.randomUUID() + "@example.com";
    String password = "owner's own long password";
    registerAs(email, password, newAddress());
    String[] guessers = new String[20];
    for (int i = 0; i < guessers.length; i++) {
      guessers[i] = newAddress();
      loginAs(email, guessers[i]).then().statusCode(401);
    }
    // The account has had its 20 failures: an address that failed is refused at its second try.
    loginAs(email, guessers[0])
        .then()
        .statusCode(429)
        .contentType(PROBLEM)
        .header("Retry-After", notNullValue())
        .header("RateLimit-Policy", equalTo("\"login-account\";q=20;w=600"));
    // An address that has not failed is not refused for the others' failures.
    loginAs(email, password, newAddress()).then().statusCode(200);
    clock.advance(Duration.ofMinutes(11));
    loginAs(email, guessers[0]).then().statusCode(401);
  }

  @Test
  void a_wrong_current_password_counts_as_a_failed_login() {
    String email = "changer-" + UUID.randomUUID() + "@example.com";
    String password = "owner's own long password";
    String address = newAddress();
    registerAs(email, password, address);
    String token =
        loginAs(email, password, address).then().statusCode(200).extract().path("accessToken");
    for (int i = 1; i <= 5; i++) {
      given()
          .header("X-Forwarded-For", address)
          .header("Authorization", "Bearer " + token)
          .contentType(ContentType.JSON)
          .body(
              "{\"currentPassword\":\"a wrong guess "
                  + i
                  + "\",\"newPassword\":\"a brand-new long password\"}")
          .post("/api/v1/me/password")
          .then()
          .statusCode(422);
    }
    loginAs(email, password, address)
        .then()
        .statusCode(429)
        .header("RateLimit-Policy", equalTo("\"login-account-ip\";q=5;w=600"));
    loginAs(email, password, newAddress()).then().statusCode(200);
  }

  /** Registers {@code email} from {@code address}. */
  private static void registerAs(String email, String password, String address) {
    given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\""
                + email
                + "\",\"displayName\":\"Target\",\"password\":\""
                + password
                + "\"}")
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201);
  }

  private static Response loginAs(String email, String password, String address) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .post("/api/v1/auth/login");
  }

  private static Response loginAs(String email, String address) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + email + "\",\"password\":\"not the password\"}")
        .post("/api/v1/auth/login");
  }

  @Test
  void the_sixth_registration_from_one_address_in_an_hour_is_429() {
    String address = newAddress();
    for (int i = 1; i <= 5; i++) {
      assertNotLimited(register(address), "registration " + i);
    }
    assertLimited(register(address), "register-ip", 5, 3600);
    assertNotLimited(register(newAddress()), "another address has its own budget");
  }

  @Test
  void ticket_creation_is_limited_per_caller_apart_from_other_requests() {
    String address = newAddress();
    for (int i = 1; i <= 3; i++) {
      Response created = createTicket(address);
      assertNotLimited(created, "ticket " + i);
      assertThat(created.header("RateLimit-Policy")).isEqualTo("\"create-ticket\";q=3;w=3600");
      assertThat(created.header("RateLimit")).startsWith("\"create-ticket\";r=" + (3 - i) + ";t=");
    }
    assertLimited(createTicket(address), "create-ticket", 3, 3600);
    assertNotLimited(createTicket(newAddress()), "another caller has its own budget");

    Response read = given().header("X-Forwarded-For", address).get("/api/v1/tickets/TCK-1-1");
    assertNotLimited(read, "reading is counted against the general limit, not ticket creation");
    assertThat(read.header("RateLimit-Policy")).isEqualTo("\"api\";q=5;w=3600");
  }

  @Test
  void a_signed_in_user_is_counted_by_account_not_by_address() {
    String address = newAddress();
    String token = signUp(address);
    for (int i = 1; i <= 3; i++) {
      assertNotLimited(createTicket(address), "anonymous ticket " + i);
    }
    assertLimited(createTicket(address), "create-ticket", 3, 3600);

    for (int i = 1; i <= 3; i++) {
      // From the exhausted address, and then from others: the account's budget is its own.
      createTicket(i == 1 ? address : newAddress(), token).then().statusCode(201);
    }
    assertLimited(createTicket(newAddress(), token), "create-ticket", 3, 3600);
  }

  /** Registers a customer and logs in, from {@code address}; returns the access token. */
  private static String signUp(String address) {
    String email = "limited-" + UUID.randomUUID() + "@example.com";
    String password = "correct horse battery staple";
    given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\""
                + email
                + "\",\"displayName\":\"Limited\",\"password\":\""
                + password
                + "\"}")
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201);
    return Api.login(given().header("X-Forwarded-For", address), email, password);
  }

  private static Response createTicket(String address, String token) {
    return given()
        .header("X-Forwarded-For", address)
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body("{\"title\":\"Rate limited\",\"description\":\"d\"}")
        .post("/api/v1/tickets");
  }

  @Test
  void replies_that_open_follow_ups_count_against_the_ticket_creation_limit() {
    String address = newAddress();
    String token = signUp(address);
    // Ticket 1 of 3; every other request below is one of the 5 general ones.
    String closed =
        createTicket(address, token).then().statusCode(201).extract().path("id").toString();
    given()
        .header("X-Forwarded-For", address)
        .header("Authorization", "Bearer " + token)
        .post("/api/v1/tickets/" + closed + "/close")
        .then()
        .statusCode(200);

    for (int i = 2; i <= 3; i++) {
      Response followUp = reply(address, token, closed);
      followUp.then().statusCode(201).body("followUpTicket.id", notNullValue());
      assertThat(followUp.header("RateLimit-Policy"))
          .as("follow-up %d counts as ticket %d", i - 1, i)
          .isEqualTo("\"create-ticket\";q=3;w=3600");
    }
    assertLimited(reply(address, token, closed), "create-ticket", 3, 3600);

    given()
        .header("X-Forwarded-For", address)
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(3));
  }

  private static Response reply(String address, String token, String ticket) {
    return given()
        .header("X-Forwarded-For", address)
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body("{\"body\":\"Still broken\"}")
        .post("/api/v1/tickets/" + ticket + "/comments");
  }

  @Test
  void every_other_api_request_is_limited_per_caller_but_management_paths_never_are() {
    String address = newAddress();
    for (int i = 1; i <= 5; i++) {
      assertNotLimited(
          given().header("X-Forwarded-For", address).get("/api/v1/tickets/TCK-1-" + i),
          "request " + i);
    }
    assertLimited(
        given().header("X-Forwarded-For", address).get("/api/v1/nothing-here"), "api", 5, 3600);

    for (int i = 1; i <= 10; i++) {
      Response health = given().header("X-Forwarded-For", address).get("/q/health/live");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.header("RateLimit")).isNull();
    }
  }

  @Test
  void the_openapi_document_names_the_429_on_every_api_operation() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/tickets'.post.responses", hasKey("429"))
        .body("paths.'/api/v1/tickets'.post.responses.'429'.headers", hasKey("RateLimit-Policy"))
        .body("paths.'/api/v1/tickets/{id}'.get.responses", hasKey("429"));
  }

  @Test
  void two_service_instances_share_the_login_limit() {
    // A second replica: its own limiter, its own proxy manager, the same database.
    RateLimits secondReplica =
        new BucketRateLimits(dataSource, config, clock, new SimpleMeterRegistry());
    String address = newAddress();

    for (int i = 1; i <= 10; i++) {
      RateLimits replica = i % 2 == 0 ? secondReplica : limits;
      RateDecision decision =
          replica.consume(RateLimit.LOGIN_PER_IP, address).await().atMost(Duration.ofSeconds(10));
      assertThat(decision.allowed()).as("attempt %d", i).isTrue();
      assertThat(decision.remaining()).as("attempt %d", i).isEqualTo(10 - i);
    }
    assertThat(
            secondReplica
                .consume(RateLimit.LOGIN_PER_IP, address)
                .await()
                .atMost(Duration.ofSeconds(10))
                .allowed())
        .isFalse();
    assertThat(
            limits
                .consume(RateLimit.LOGIN_PER_IP, address)
                .await()
                .atMost(Duration.ofSeconds(10))
                .allowed())
        .isFalse();
    assertLimited(login(address), "login-ip", 10, 600);
  }

  private static Response resetFor(String email, String address) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + email + "\"}")
        .post("/api/v1/auth/password-reset");
  }

  @Test
  void password_resets_are_limited_per_address_asked_for_and_per_client_address() {
    // Per address asked for, whether or not it has an account, from anywhere: 3 an hour.
    String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
    for (int i = 1; i <= 3; i++) {
      resetFor(unknown, newAddress()).then().statusCode(202);
    }
    assertLimited(resetFor(unknown, newAddress()), "password-reset-address", 3, 3600);

    // Per client address, whatever the addresses asked for: 10 an hour, confirmations included.
    String client = newAddress();
    for (int i = 1; i <= 10; i++) {
      assertNotLimited(resetFor("someone-" + UUID.randomUUID() + "@example.com", client), "" + i);
    }
    assertLimited(
        given()
            .header("X-Forwarded-For", client)
            .contentType(ContentType.JSON)
            .body("{\"token\":\"prt_guess\",\"password\":\"correct horse battery staple\"}")
            .post("/api/v1/auth/password-reset/confirm"),
        "password-reset-ip",
        10,
        3600);
  }
}
