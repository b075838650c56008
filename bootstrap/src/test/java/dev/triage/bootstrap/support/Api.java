package dev.triage.bootstrap.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
    return login(given(), email, password);
  }

  /** Logs in with {@code request} (with the headers it already has); answers the access token. */
  public static String login(RequestSpecification request, String email, String password) {
    return loginAnswer(request, email, password)
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  /** The whole answer to a login, whatever it is. */
  public static Response loginAnswer(String email, String password) {
    return loginAnswer(given(), email, password);
  }

  private static Response loginAnswer(RequestSpecification request, String email, String password) {
    return request
        .contentType(ContentType.JSON)
        .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
        .post("/api/v1/auth/login");
  }

  /** The whole answer to trading {@code refreshToken} for a new pair. */
  public static Response refreshAnswer(String refreshToken) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"refreshToken\":\"" + refreshToken + "\"}")
        .post("/api/v1/auth/refresh");
  }

  public static synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }
    return adminToken;
  }

  /** A new account of {@code role} ("CUSTOMER", "AGENT", "ADMIN"), created by the admin. */
  public static User newUser(String role) {
    return newUser(adminToken(), role);
  }

  /** A new account of {@code role}, created by the admin signed in as {@code admin}. */
  public static User newUser(String admin, String role) {
    String email =
        role.toLowerCase() + SEQ.incrementAndGet() + "-" + UUID.randomUUID() + "@test.triage";
    String id =
        json(admin)
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

  /**
   * Makes sure the category catalogue has {@code name} (a ticket may only be given a category it
   * has): the admin adds it, or it was there already.
   */
  public static void category(String name) {
    json(adminToken())
        .body("{\"name\":\"" + name + "\"}")
        .post("/api/v1/categories")
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
  }

  /** Opens a ticket as {@code token}; answers its id. */
  public static String newTicket(String token) {
    return newTicket(token, "Something broke", "Details follow.", null);
  }

  /**
   * Opens a ticket as {@code token} with these fields (no priority when {@code priority} is null);
   * answers its id.
   */
  public static String newTicket(String token, String title, String description, String priority) {
    String fields = "\"title\":\"" + title + "\",\"description\":\"" + description + "\"";
    if (priority != null) {
      fields += ",\"priority\":\"" + priority + "\"";
    }
    return json(token)
        .body("{" + fields + "}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Adds a public comment, or an internal note, as {@code who}; answers its id. */
  public static String comment(User who, String ticket, String body, boolean internal) {
    return json(who.token())
        .body("{\"body\":\"" + body + "\",\"internal\":" + internal + "}")
        .post("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** Moves the ticket to {@code status} as {@code who}. */
  public static void move(User who, String ticket, String status) {
    change(who, "POST", ticket, "/status", "{\"status\":\"" + status + "\"}");
  }

  /** Assigns the ticket to the user {@code assignee} (an id) as {@code who}. */
  public static void assign(User who, String ticket, String assignee) {
    change(who, "PUT", ticket, "/assignee", "{\"assigneeId\":\"" + assignee + "\"}");
  }

  /** Sends {@code body} to an address of the ticket as {@code who}, expecting 200. */
  private static void change(User who, String method, String ticket, String path, String body) {
    json(who.token())
        .body(body)
        .request(method, "/api/v1/tickets/" + ticket + path)
        .then()
        .statusCode(200);
  }

  /** How many of {@code who}'s notifications are unread. */
  public static long unread(User who) {
    return who.request()
        .get("/api/v1/notifications/unread-count")
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("unread")
        .longValue();
  }
}
