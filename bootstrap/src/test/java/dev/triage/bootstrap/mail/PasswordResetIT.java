package dev.triage.bootstrap.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Api.User;
import dev.triage.bootstrap.sweep.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Password reset over HTTP and real SMTP (GreenMail started here): the same answer for known and
 * unknown addresses, a token that arrives by mail, works once, ends every session, and stops
 * working 30 minutes later (the service's clock is moved, never waited for; that test runs last, as
 * tokens minted before the move expire with it).
 */
@QuarkusTest
@TestProfile(PasswordResetIT.WithMailAndMovableTime.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordResetIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Pattern TOKEN = Pattern.compile("prt_[A-Za-z0-9_-]{43}");
  private static final String NEW_PASSWORD = "violet staple horse battery 42";

  /** Mail on, as in MailIT, with a clock the test moves, and confirmed addresses required. */
  public static class WithMailAndMovableTime extends MailIT.WithMail {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(MovableClock.class);
    }

    @Override
    public java.util.Map<String, String> getConfigOverrides() {
      java.util.Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
      config.put("TRIAGE_AUTH_REQUIRE_CONFIRMED_EMAIL", "true");
      return config;
    }
  }

  private static GreenMail smtp;

  @Inject MovableClock clock;

  @BeforeAll
  static void startServer() {
    int port = ConfigProvider.getConfig().getValue("TRIAGE_MAIL_SMTP_PORT", Integer.class);
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopServer() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static Response request(String email) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + email + "\"}")
        .post("/api/v1/auth/password-reset");
  }

  private static Response confirm(String token, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}")
        .post("/api/v1/auth/password-reset/confirm");
  }

  @Test
  @Order(1)
  void a_known_and_an_unknown_address_get_the_same_answer_and_only_the_known_one_a_mail()
      throws Exception {
    User customer = Api.newUser("CUSTOMER");
    String unknown = "nobody-" + UUID.randomUUID() + "@test.triage";
    Response known = request(customer.email());
    Response stranger = request(unknown);
    known.then().statusCode(202);
    stranger.then().statusCode(202);
    assertThat(known.asString()).isEqualTo(stranger.asString());

    assertThat(tokenMailedTo(customer.email())).matches(TOKEN);
    assertThat(mailsTo(unknown)).isEmpty();
    request("not an address")
        .then()
        .statusCode(422)
        .body("errors.email", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  @Order(2)
  void a_token_sets_a_new_password_once_and_ends_every_session() throws Exception {
    User customer = Api.newUser("CUSTOMER");
    request(customer.email()).then().statusCode(202);
    String token = tokenMailedTo(customer.email());

    // A refused password leaves the token usable.
    confirm(token, "short")
        .then()
        .statusCode(422)
        .body("errors.password", org.hamcrest.Matchers.notNullValue());
    confirm(token, NEW_PASSWORD).then().statusCode(204);

    customer.request().get("/api/v1/me").then().statusCode(401);
    Api.loginAnswer(customer.email(), Api.PASSWORD).then().statusCode(401);
    Api.loginAnswer(customer.email(), NEW_PASSWORD).then().statusCode(200);
    confirm(token, "another fine password 99")
        .then()
        .statusCode(422)
        .body("errors.token[0]", org.hamcrest.Matchers.containsString("not a valid reset token"));
    confirm("prt_" + "x".repeat(43), NEW_PASSWORD).then().statusCode(422);
  }

  @Test
  @Order(3)
  void a_self_registered_customer_logs_in_once_the_mailed_token_confirmed_the_address()
      throws Exception {
    String email = "joining-" + UUID.randomUUID() + "@test.triage";
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\""
                + email
                + "\",\"displayName\":\"Joining\",\"password\":\""
                + Api.PASSWORD
                + "\"}")
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201);
    Api.loginAnswer(email, Api.PASSWORD)
        .then()
        .statusCode(403)
        .body("detail", org.hamcrest.Matchers.containsString("Confirm your e-mail address"));
    // A wrong password is refused as always, saying nothing about the confirmation.
    Api.loginAnswer(email, "not the password at all").then().statusCode(401);

    String token =
        tokenMailedTo(
            email, Pattern.compile("act_[A-Za-z0-9_-]{43}"), "Confirm your e-mail address");
    given()
        .contentType(ContentType.JSON)
        .body("{\"token\":\"" + token + "\"}")
        .post("/api/v1/auth/confirm-address")
        .then()
        .statusCode(204);
    Api.loginAnswer(email, Api.PASSWORD).then().statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .body("{\"token\":\"" + token + "\"}")
        .post("/api/v1/auth/confirm-address")
        .then()
        .statusCode(422);
  }

  @Test
  @Order(4)
  void a_token_stops_working_thirty_minutes_after_it_was_mailed() throws Exception {
    User customer = Api.newUser("CUSTOMER");
    request(customer.email()).then().statusCode(202);
    String token = tokenMailedTo(customer.email());

    clock.advance(Duration.ofMinutes(30).plusSeconds(1));
    confirm(token, NEW_PASSWORD)
        .then()
        .statusCode(422)
        .body("errors.token[0]", org.hamcrest.Matchers.containsString("expired"));
    Api.loginAnswer(customer.email(), Api.PASSWORD)
        .then()
        .statusCode(200)
        .body("tokenType", equalTo("Bearer"));
  }

  private static String tokenMailedTo(String address) throws Exception {
    return tokenMailedTo(address, TOKEN, "Reset your password");
  }

  private static String tokenMailedTo(String address, Pattern token, String subject)
      throws Exception {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage m : mailsTo(address)) {
        Matcher found = token.matcher(MailIT.part(m, "text/plain"));
        if (found.find()) {
          assertThat(m.getSubject()).isEqualTo(subject);
          return found.group();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no reset mail to " + address + " within " + DEADLINE);
  }

  private static List<MimeMessage> mailsTo(String address) throws MessagingException {
    List<MimeMessage> out = new java.util.ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      for (var to : m.getRecipients(Message.RecipientType.TO)) {
        if (to.toString().equals(address)) {
          out.add(m);
        }
      }
    }
    return out;
  }
}
