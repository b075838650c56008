package dev.triage.bootstrap.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.triage.adapters.out.idempotency.SqlIdempotencyStore;
import dev.triage.application.port.IdempotencyStore;
import dev.triage.bootstrap.IdempotencyPurge;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency over HTTP against PostgreSQL, as API.md describes it: a repeat replays the first
 * answer, a reused key with another body is 422, a repeat while the first still runs is 409 or the
 * replay, keys are per caller, refused requests store nothing, and expired records are purged.
 * Effects are counted in the database, where a second ticket would show.
 */
@QuarkusTest
class IdempotencyIT {

  private static final String PROBLEM = "application/problem+json";
  private static final String TICKETS = "/api/v1/tickets";
  private static final String BODY =
      "{\"title\":\"Printer on fire\",\"description\":\"Third floor.\",\"priority\":\"HIGH\"}";

  @Inject DataSource dataSource;
  @Inject IdempotencyPurge purge;

  @TestHTTPResource(TICKETS)
  URI ticketsUri;

  private Api.User customer;

  /** RestAssured knows the test port only inside a test, so the user is made per test. */
  @BeforeEach
  void signIn() {
    customer = Api.newUser("CUSTOMER");
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  private static Response create(Api.User user, String header, String key, String body) {
    return Api.json(user.token()).header(header, key).body(body).post(TICKETS);
  }

  private static Response create(Api.User user, String key, String body) {
    return create(user, "Idempotency-Key", key, body);
  }

  // ---------------------------------------------------------------- replay

  @Test
  void a_repeated_create_answers_the_first_ticket_again_and_opens_only_one() {
    String key = newKey();

    Response first = create(customer, key, BODY);
    Response again = create(customer, key, BODY);

    first.then().statusCode(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    again.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location")).isNotNull();
    assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isNotNull();
    assertThat(again.contentType()).isEqualTo(first.contentType());
    assertThat(again.asString()).isEqualTo(first.asString());

    String id = first.path("id");
    String number = first.path("number");
    customer
        .request()
        .get(TICKETS + "/" + id)
        .then()
        .statusCode(200)
        .body("number", equalTo(number));
    customer.request().get(TICKETS + "/" + number).then().statusCode(200).body("id", equalTo(id));
    assertThat(ticketsOf(customer)).isEqualTo(1);

    // The replay took no number from the sequence: the next ticket has the very next one.
    String next =
        Api.json(customer.token()).body(BODY).post(TICKETS).then().extract().path("number");
    assertThat(sequenceOf(next)).isEqualTo(sequenceOf(number) + 1);
  }

  @Test
  void a_stored_record_does_not_let_a_weak_key_be_confirmed_and_still_replays() throws Exception {
    String key = "order-" + (System.nanoTime() % 1000);
    String operation = "POST " + TICKETS;

    Response first = create(customer, key, BODY);
    Response again = create(customer, key, BODY);

    first.then().statusCode(201);
    again.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
    assertThat(ticketsOf(customer)).isEqualTo(1);
    // Whoever reads the table and guesses the key can neither find its row by a plain hash of it
    // nor open the stored answer with what the key alone yields: the deployment's secret is needed.
    byte[] keyHash;
    byte[] result;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select key_hash, result from idempotency_records where caller = ?")) {
      s.setString(1, customer.id());
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).isTrue();
        keyHash = rows.getBytes(1);
        result = rows.getBytes(2);
      }
    }
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    assertThat(keyHash)
        .isNotEqualTo(sha256.digest(utf8(key)))
        .isNotEqualTo(sha256.digest(utf8("triage idempotency lookup\n" + operation + "\n" + key)));
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(utf8(key), "HmacSHA256"));
    byte[] scope = utf8(customer.id() + "\n" + operation);
    byte[] guessedKey = hmac.doFinal(concat(utf8("triage idempotency answer\n"), scope));
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(guessedKey, "AES"),
        new GCMParameterSpec(128, result, 0, 12));
    cipher.updateAAD(scope);
    assertThatThrownBy(() -> cipher.doFinal(result, 12, result.length - 12))
        .isInstanceOf(GeneralSecurityException.class);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void the_x_idempotency_key_alias_replays_the_same_way() {
    String key = newKey();

    Response first = create(customer, "X-Idempotency-Key", key, BODY);
    Response again = create(customer, "X-Idempotency-Key", key, BODY);
    Response canonicalName = create(customer, "Idempotency-Key", key, BODY);

    first.then().statusCode(201);
    again.then().statusCode(201).header("Idempotent-Replayed", "true");
    canonicalName.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
    assertThat(canonicalName.<String>path("id")).isEqualTo(first.path("id"));
    assertThat(ticketsOf(customer)).isEqualTo(1);
  }

  @Test
  void the_same_key_with_a_different_body_is_422_and_changes_nothing() {
    String key = newKey();
    Response first = create(customer, key, BODY);

    Response other =
        create(customer, key, "{\"title\":\"Scanner jammed\",\"description\":\"Second floor.\"}");

    other
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("status", equalTo(422))
        .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"))
        .body("instance", equalTo(TICKETS));
    assertThat(other.header("Idempotent-Replayed")).isNull();
    assertThat(ticketsOf(customer)).isEqualTo(1);
    create(customer, key, BODY)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first.path("id")))
        .body("title", equalTo("Printer on fire"));
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void concurrent_requests_with_one_key_have_one_effect_and_the_others_see_409_or_the_replay()
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int rounds = 3;
    int parallel = 4;
    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      for (int round = 0; round < rounds; round++) {
        String key = newKey();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return http.send(
                        HttpRequest.newBuilder(ticketsUri)
                            .header("Authorization", "Bearer " + customer.token())
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(BODY))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                  }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        int fresh = 0;
        for (Future<HttpResponse<String>> answer : answers) {
          HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
          statuses.add(response.statusCode());
          assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
          if (response.statusCode() == 201) {
            ids.add(JsonPath.from(response.body()).getString("id"));
            if (response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
              fresh++;
            }
          } else {
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
            assertThat(response.body()).contains("IDEMPOTENCY_IN_FLIGHT");
          }
        }
        assertThat(fresh).as("requests that ran, round %d", round).isEqualTo(1);
        assertThat(ids).as("tickets answered, round %d", round).hasSize(1);
        assertThat(ticketsOf(customer))
            .as("tickets stored after round %d", round)
            .isEqualTo(round + 1);

        // Once the first has committed, every repeat is the replay.
        create(customer, key, BODY)
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", "true")
            .body("id", equalTo(ids.iterator().next()));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(statuses).hasSize(rounds * parallel);
  }

  @Test
  void a_repeat_while_the_first_still_holds_the_key_is_409_and_the_retry_after_it_runs()
      throws Exception {
    String key = newKey();
    IdempotencyStore.Scope scope =
        new IdempotencyStore.Scope(customer.id(), "POST " + TICKETS, key);
    Response whileHeld;
    // This transaction holds the key's lock exactly as a request still running on this replica or
    // another one would: the lock lives in PostgreSQL, not in the service.
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
        lock.setInt(1, SqlIdempotencyStore.LOCK_SPACE);
        lock.setInt(2, SqlIdempotencyStore.lockNumber(scope));
        lock.execute();
      }
      whileHeld = create(customer, key, BODY);
      c.rollback();
    }

    whileHeld
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("IDEMPOTENCY_IN_FLIGHT"));
    assertThat(ticketsOf(customer)).isZero();
    assertThat(recordsOf(customer.id())).isZero();
    Response retried = create(customer, key, BODY);
    retried.then().statusCode(201);
    assertThat(retried.header("Idempotent-Replayed")).isNull();
    assertThat(ticketsOf(customer)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- scope

  @Test
  void the_same_key_used_by_another_user_is_independent() {
    Api.User other = Api.newUser("CUSTOMER");
    String key = newKey();

    Response mine = create(customer, key, BODY);
    Response theirs = create(other, key, BODY);

    mine.then().statusCode(201);
    theirs.then().statusCode(201);
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
    assertThat(theirs.<String>path("id")).isNotEqualTo(mine.path("id"));
    assertThat(theirs.<String>path("requesterId")).isEqualTo(other.id());
    assertThat(ticketsOf(customer)).isEqualTo(1);
    assertThat(ticketsOf(other)).isEqualTo(1);
  }

  // ---------------------------------------------------------------- refusals store nothing

  @Test
  void a_request_refused_by_validation_stores_nothing_so_the_corrected_retry_succeeds() {
    String key = newKey();

    create(customer, key, "{\"title\":\"\",\"description\":\"Third floor.\"}")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"));
    assertThat(recordsOf(customer.id())).isZero();

    Response corrected = create(customer, key, BODY);

    corrected.then().statusCode(201).body("title", equalTo("Printer on fire"));
    assertThat(corrected.header("Idempotent-Replayed")).isNull();
    assertThat(ticketsOf(customer)).isEqualTo(1);
    assertThat(recordsOf(customer.id())).isEqualTo(1);
  }

  @Test
  void a_request_refused_by_authorization_stores_nothing() {
    String key = newKey();

    Api.json(customer.token())
        .header("Idempotency-Key", key)
        .body(
            "{\"email\":\"x-"
                + key
                + "@test.triage\",\"displayName\":\"X\",\"password\":\""
                + Api.PASSWORD
                + "\",\"role\":\"AGENT\"}")
        .post("/api/v1/users")
        .then()
        .statusCode(403);

    assertThat(recordsOf(customer.id())).isZero();
  }

  @Test
  void an_unusable_key_is_400_and_runs_nothing() {
    create(customer, "k".repeat(256), BODY)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("MALFORMED_REQUEST"));
    assertThat(ticketsOf(customer)).isZero();
  }

  // ---------------------------------------------------------------- expiry

  @Test
  void an_expired_record_is_purged_by_the_job_and_its_key_opens_a_new_ticket() {
    String expiring = newKey();
    String live = newKey();
    String firstId = create(customer, expiring, BODY).then().statusCode(201).extract().path("id");
    create(customer, live, BODY).then().statusCode(201);
    age(customer.id(), "POST " + TICKETS, 25);

    long purged = purge.purge().await().atMost(Duration.ofSeconds(30));

    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(recordsOf(customer.id())).isEqualTo(1);
    Response reused = create(customer, expiring, BODY);
    reused.then().statusCode(201);
    assertThat(reused.header("Idempotent-Replayed")).isNull();
    assertThat(reused.<String>path("id")).isNotEqualTo(firstId);
    create(customer, live, BODY).then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(ticketsOf(customer)).isEqualTo(3);
  }

  @Test
  void an_expired_record_not_yet_purged_no_longer_holds_its_key() {
    String key = newKey();
    String firstId = create(customer, key, BODY).then().statusCode(201).extract().path("id");
    age(customer.id(), "POST " + TICKETS, 25);

    Response reused = create(customer, key, "{\"title\":\"Other\",\"description\":\"Body.\"}");

    reused.then().statusCode(201).body("title", equalTo("Other"));
    assertThat(reused.<String>path("id")).isNotEqualTo(firstId);
    create(customer, key, "{\"title\":\"Other\",\"description\":\"Body.\"}")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(reused.path("id")));
  }

  @Test
  void records_are_kept_for_24_hours() {
    create(customer, newKey(), BODY).then().statusCode(201);

    assertThat(
            queryLong(
                "select extract(epoch from expires_at - created_at)::bigint"
                    + " from idempotency_records where caller = ?",
                customer.id()))
        .isEqualTo(24 * 3600);
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void a_replayed_login_answers_the_same_tokens_and_the_table_never_shows_them() {
    String key = newKey();
    String body = "{\"email\":\"" + customer.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}";

    Response first = login(key, body);
    Response again = login(key, body);
    Response wrongPassword =
        login(key, "{\"email\":\"" + customer.email() + "\",\"password\":\"not-it-at-all\"}");

    first.then().statusCode(200);
    again.then().statusCode(200).header("Idempotent-Replayed", "true");
    assertThat(again.asString()).isEqualTo(first.asString());
    wrongPassword.then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    assertThat(storedBytesContain("anonymous", first.path("refreshToken"))).isFalse();
    assertThat(storedBytesContain("anonymous", first.path("accessToken"))).isFalse();
    assertThat(storedBytesContain("anonymous", Api.PASSWORD)).isFalse();
  }

  @Test
  void a_replayed_refresh_answers_the_same_session_without_using_the_old_token_again() {
    String r1 =
        login(
                null,
                "{\"email\":\"" + customer.email() + "\",\"password\":\"" + Api.PASSWORD + "\"}")
            .then()
            .statusCode(200)
            .extract()
            .path("refreshToken");
    String key = newKey();

    Response renewed = refresh(key, r1);
    Response replayed = refresh(key, r1);

    renewed.then().statusCode(200);
    replayed.then().statusCode(200).header("Idempotent-Replayed", "true");
    String r2 = renewed.path("refreshToken");
    assertThat(replayed.<String>path("refreshToken")).isEqualTo(r2);
    // No reuse was detected: the family lives on, and r2 still rotates.
    refresh(null, r2).then().statusCode(200).body("refreshToken", notNullValue());
    // Without the key, r1 is a reuse as before.
    refresh(null, r1).then().statusCode(401).body("accessToken", nullValue());
  }

  // ---------------------------------------------------------------- contract

  @Test
  void the_openapi_document_offers_the_key_on_every_command_and_names_its_answers() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths.'/api/v1/tickets'.post.parameters.name", hasItem("Idempotency-Key"))
        .body("paths.'/api/v1/tickets'.post.responses.'201'.headers", hasKey("Idempotent-Replayed"))
        .body(
            "paths.'/api/v1/tickets'.post.responses.'409'.description",
            containsString("still running"))
        .body(
            "paths.'/api/v1/tickets'.post.responses.'422'.description",
            containsString("different body"))
        .body("paths.'/api/v1/auth/login'.post.parameters.name", hasItem("Idempotency-Key"))
        .body(
            "paths.'/api/v1/tickets/{idOrNumber}'.get.parameters.name",
            not(hasItem("Idempotency-Key")));
  }

  private static Response login(String key, String body) {
    var request = given().contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/auth/login");
  }

  private static Response refresh(String key, String token) {
    var request =
        given().contentType(ContentType.JSON).body("{\"refreshToken\":\"" + token + "\"}");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/auth/refresh");
  }

  // ---------------------------------------------------------------- database checks

  private long ticketsOf(Api.User user) {
    return queryLong(
        "select count(*) from tickets where requester_id = cast(? as uuid)", user.id());
  }

  private long recordsOf(String caller) {
    return queryLong("select count(*) from idempotency_records where caller = ?", caller);
  }

  /** Makes a caller's records on an operation {@code hours} older, as if that time had passed. */
  private void age(String caller, String operation, int hours) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update idempotency_records set created_at = created_at - make_interval(hours => ?),"
                    + " expires_at = expires_at - make_interval(hours => ?)"
                    + " where caller = ? and operation = ? and expires_at = ("
                    + "select min(expires_at) from idempotency_records"
                    + " where caller = ? and operation = ?)")) {
      s.setInt(1, hours);
      s.setInt(2, hours);
      s.setString(3, caller);
      s.setString(4, operation);
      s.setString(5, caller);
      s.setString(6, operation);
      assertThat(s.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean storedBytesContain(String caller, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select key_hash, operation, fingerprint, result from idempotency_records"
                    + " where caller = ?")) {
      s.setString(1, caller);
      try (ResultSet rows = s.executeQuery()) {
        int seen = 0;
        while (rows.next()) {
          seen++;
          for (int column = 1; column <= 4; column++) {
            byte[] value = rows.getBytes(column);
            if (value != null && indexOf(value, needle) >= 0) {
              return true;
            }
          }
        }
        assertThat(seen).as("records of " + caller).isPositive();
        return false;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private long queryLong(String sql, String parameter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long sequenceOf(String number) {
    return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
  }
}
