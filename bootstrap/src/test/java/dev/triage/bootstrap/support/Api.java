package dev.triage.bootstrap.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helpers that speak the public API only: log in, make users of each role, send requests as
 * someone. The first admin comes from the test profile's {@code triage.admin.*} settings.
 */
public final class Api {

  public static final String ADMIN_EMAIL = "admin@test.triage";
  public static final String ADMIN_PASSWORD = "admin-test-password";
  public static final String PASSWORD = "a-long-test-password";

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static String adminToken;

  private Api() {}

  /** A signed-in user: id, email and a fresh access token. */
  public record User(String id, String email, String token) {
    public RequestSpecification request() {
      return as(token);
    }
  }

  public static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  public static RequestSpecification json(String token) {
    return as(token).contentType(ContentType.JSON);
  }

  public static String login(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  public static synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }
    return adminToken;
  }

  /** A new account of {@code role} ("CUSTOMER", "AGENT", "ADMIN"), created by the admin. */
  public static User newUser(String role) {
    String email =
        role.toLowerCase() + SEQ.incrementAndGet() + "-" + UUID.randomUUID() + "@test.triage";
    String id =
        json(adminToken())
            .body(
                "{\"email\":\""
                    + email
                    + "\",\"displayName\":\"Test "
                    + role
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"role\":\""
                    + role
                    + "\"}")
            .post("/api/v1/users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new User(id, email, login(email, PASSWORD));
  }

  /** An API token with the given scopes, created by the admin; answers the secret. */
  public static String newApiToken(String... scopes) {
    StringBuilder list = new StringBuilder();
    for (String s : scopes) {
      list.append(list.isEmpty() ? "" : ",").append('"').append(s).append('"');
    }
    return json(adminToken())
        .body("{\"name\":\"test token\",\"scopes\":[" + list + "]}")
        .post("/api/v1/api-tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  /** Opens a ticket as {@code token}; answers its id. */
  public static String newTicket(String token) {
    return json(token)
        .body("{\"title\":\"Something broke\",\"description\":\"Details follow.\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
