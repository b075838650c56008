package dev.triage.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forged and stale tokens are all 401. Tokens are built here with the service's own key (the test
 * profile keeps it in {@code target/test-data/jwt}), so only the attacked property differs from a
 * token the service would accept, and a control token proves that.
 */
@QuarkusTest
class TokenAttacksIT {

  private static PrivateKey privateKey;
  private static String publicPem;
  private static Api.User user;

  /** RestAssured knows the test port only inside a test, so setup runs from the tests. */
  @BeforeEach
  void keys() throws Exception {
    if (user != null) {
      return;
    }
    user = Api.newUser("AGENT"); // also makes sure the service is up and its keys exist
    privateKey =
        KeyUtils.decodePrivateKey(Files.readString(Path.of("target/test-data/jwt/private.pem")));
    publicPem = Files.readString(Path.of("target/test-data/jwt/public.pem"));
  }

  private static JwtClaimsBuilder claims(String subject) {
    Instant now = Instant.now();
    return Jwt.issuer("triage")
        .audience("triage-api")
        .subject(subject)
        .groups("AGENT")
        .issuedAt(now)
        .expiresAt(now.plusSeconds(600))
        .claim("jti", UUID.randomUUID().toString())
        .claim("sep", 0L);
  }

  private static String signed(JwtClaimsBuilder claims) {
    return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(privateKey);
  }

  private static void refused(String token) {
    Api.as(token).get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void a_well_formed_token_is_accepted_which_makes_the_refusals_below_meaningful() {
    Api.as(signed(claims(user.id()))).get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void alg_none_is_refused() {
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String valid = signed(claims(user.id()));
    refused(header + "." + valid.split("\\.")[1] + ".");
  }

  @Test
  void hs256_signed_with_the_public_key_is_refused() {
    SecretKeySpec key =
        new SecretKeySpec(publicPem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
    refused(claims(user.id()).jws().algorithm(SignatureAlgorithm.HS256).sign(key));
  }

  @Test
  void expired_and_not_yet_valid_tokens_are_refused() {
    Instant past = Instant.now().minusSeconds(7200);
    refused(signed(claims(user.id()).issuedAt(past).expiresAt(past.plusSeconds(900))));
    Instant future = Instant.now().plusSeconds(7200);
    refused(signed(claims(user.id()).claim("nbf", future.getEpochSecond())));
  }

  @Test
  void wrong_issuer_or_audience_is_refused() {
    refused(signed(claims(user.id()).issuer("someone-else")));
    refused(signed(claims(user.id()).audience("another-api")));
  }

  @Test
  void a_tampered_payload_is_refused() {
    String[] parts = signed(claims(user.id())).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"AGENT\"", "\"ADMIN\"");
    refused(parts[0] + "." + b64(payload) + "." + parts[2]);
  }

  @Test
  void a_token_from_an_earlier_session_epoch_or_for_no_account_is_refused() {
    refused(signed(claims(user.id()).claim("sep", 41L)));
    refused(signed(claims(UUID.randomUUID().toString())));
    refused(signed(claims("not-a-uuid")));
  }

  /**
   * A thief loops a stolen refresh token while its owner logs out, 200 times: whatever the loop had
   * in flight when the logout ran, neither its last refresh token nor any access token it got works
   * afterwards, and no refresh of the loop failed with anything but 401.
   */
  @Test
  void a_refresh_loop_racing_a_logout_keeps_nothing_that_works() throws Exception {
    Api.User victim = Api.newUser("CUSTOMER");
    ExecutorService thief = Executors.newSingleThreadExecutor();
    try {
      for (int round = 0; round < 200; round++) {
        Response session = login(victim.email());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch looping = new CountDownLatch(1);
        Future<Loot> loot = thief.submit(() -> loop(session.path("refreshToken"), stop, looping));
        looping.await();
        Api.as(session.<String>path("accessToken"))
            .post("/api/v1/auth/logout")
            .then()
            .statusCode(204);
        stop.set(true);
        Loot got = loot.get();
        assertThat(got.statuses()).as("round %d", round).isSubsetOf(200, 401);
        refresh(got.lastRefreshToken()).then().statusCode(401);
        for (String access : got.accessTokens()) {
          refused(access);
        }
      }
    } finally {
      thief.shutdownNow();
    }
  }

  /**
   * A refresh token presented twice was copied: besides its family's refresh tokens, the access
   * tokens already issued in that session stop at once, whoever holds them.
   */
  @Test
  void a_reused_refresh_token_also_ends_the_access_tokens_already_issued() {
    Api.User owner = Api.newUser("AGENT");
    Response session = login(owner.email());
    Response renewed = refresh(session.path("refreshToken"));
    renewed.then().statusCode(200);
    String access = renewed.path("accessToken");
    Api.as(access).get("/api/v1/me").then().statusCode(200);

    refresh(session.path("refreshToken")).then().statusCode(401); // the copy comes back

    refused(access);
    refused(session.path("accessToken"));
    refresh(renewed.path("refreshToken")).then().statusCode(401);
    login(owner.email()).then().statusCode(200); // the owner logs in again
  }

  /** What a refresh loop got: its newest refresh token, every access token and every status. */
  private record Loot(String lastRefreshToken, List<String> accessTokens, List<Integer> statuses) {}

  private static Loot loop(String refreshToken, AtomicBoolean stop, CountDownLatch looping) {
    List<String> access = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    String current = refreshToken;
    while (!stop.get()) {
      Response answer = refresh(current);
      statuses.add(answer.statusCode());
      looping.countDown();
      if (answer.statusCode() != 200) {
        break;
      }
      current = answer.path("refreshToken");
      access.add(answer.path("accessToken"));
    }
    return new Loot(current, access, statuses);
  }

  private static Response login(String email) {
    return Api.loginAnswer(email, Api.PASSWORD);
  }

  private static Response refresh(String token) {
    return Api.refreshAnswer(token);
  }

  @Test
  void garbage_and_missing_tokens_are_refused() {
    refused("garbage");
    refused("a.b.c");
    refused("");
    refused("trg_not-a-real-api-token");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
