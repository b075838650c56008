package dev.triage.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts, sessions and API tokens over HTTP. */
@QuarkusTest
class IdentityIT {

  private static Response register(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\""
                + email
                + "\",\"displayName\":\"Reg\",\"password\":\""
                + password
                + "\"}")
        .post("/api/v1/auth/register");
  }

  private static Response login(String email, String password) {
    return Api.loginAnswer(email, password);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void a_registered_customer_logs_in_and_sees_their_account() {
    String email = unique("Reg");
    register(email, Api.PASSWORD)
        .then()
        .statusCode(201)
        .body("email", equalTo(email.toLowerCase()))
        .body("role", equalTo("CUSTOMER"))
        .body("password", nullValue())
        .body("passwordHash", nullValue());
    Response session = login(email.toUpperCase(), Api.PASSWORD);
    session
        .then()
        .statusCode(200)
        .body("tokenType", equalTo("Bearer"))
        .body("expiresIn", equalTo(900))
        .body("refreshToken", notNullValue());
    Api.as(session.path("accessToken"))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("email", equalTo(email.toLowerCase()))
        .body("active", equalTo(true));
  }

  @Test
  void registering_a_taken_email_answers_as_a_new_one_and_changes_nothing() {
    String email = unique("twice");
    Response first = register(email, Api.PASSWORD);
    first.then().statusCode(201);
    Response again =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"email\":\""
                    + email.toUpperCase()
                    + "\",\"displayName\":\"Reg\",\"password\":\"someone else's long password\"}")
            .post("/api/v1/auth/register");

    again
        .then()
        .statusCode(201)
        .contentType(ContentType.JSON)
        .header("Location", notNullValue())
        .body("email", equalTo(email.toLowerCase()))
        .body("role", equalTo("CUSTOMER"))
        .body("active", equalTo(true));
    assertThat(again.jsonPath().getMap("").keySet())
        .isEqualTo(first.jsonPath().getMap("").keySet());
    assertThat(again.<String>path("id")).isNotEqualTo(first.path("id"));
    // The account is the first one, with its own password.
    login(email, "someone else's long password").then().statusCode(401);
    Api.as(login(email, Api.PASSWORD).path("accessToken"))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("id", equalTo(first.path("id")));
  }

  @Test
  void common_and_easily_guessed_passwords_are_refused_naming_the_field() {
    for (String common : new String[] {"passwordpassword", "123456789012", "qwertyuiop123"}) {
      register(unique("common"), common)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.password", hasItem("is too common or too easy to guess"));
    }
  }

  @Test
  void changing_ones_password_ends_every_session_and_the_new_one_signs_in() {
    Api.User user = Api.newUser("CUSTOMER");
    Response other = login(user.email(), Api.PASSWORD);
    String newPassword = "my brand-new long password";

    Api.json(user.token())
        .body(
            "{\"currentPassword\":\""
                + Api.PASSWORD
                + "\",\"newPassword\":\""
                + newPassword
                + "\"}")
        .post("/api/v1/me/password")
        .then()
        .statusCode(204);

    Api.as(user.token()).get("/api/v1/me").then().statusCode(401);
    Api.as(other.path("accessToken")).get("/api/v1/me").then().statusCode(401);
    refresh(other.path("refreshToken")).then().statusCode(401);
    login(user.email(), Api.PASSWORD).then().statusCode(401);
    Api.as(login(user.email(), newPassword).path("accessToken"))
        .get("/api/v1/me")
        .then()
        .statusCode(200);
  }

  @Test
  void changing_ones_password_needs_the_current_one_and_a_good_new_one() {
    Api.User user = Api.newUser("CUSTOMER");
    String good = "my brand-new long password";
    changePassword(user.token(), "not my password at all", good)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.currentPassword", hasItem("is wrong"));
    changePassword(user.token(), null, good)
        .then()
        .statusCode(422)
        .body("errors.currentPassword", hasItem("is required"));
    changePassword(user.token(), Api.PASSWORD, "passwordpassword")
        .then()
        .statusCode(422)
        .body("errors.newPassword", hasItem("is too common or too easy to guess"));
    changePassword(user.token(), Api.PASSWORD, "short")
        .then()
        .statusCode(422)
        .body("errors.newPassword", hasItem("must be 12 to 128 characters"));
    changePassword(Api.newApiToken("tickets:read"), Api.PASSWORD, good).then().statusCode(409);
    given()
        .contentType(ContentType.JSON)
        .body("{\"currentPassword\":\"x\",\"newPassword\":\"" + good + "\"}")
        .post("/api/v1/me/password")
        .then()
        .statusCode(401);

    // Nothing changed: the session still works and so does the old password.
    Api.as(user.token()).get("/api/v1/me").then().statusCode(200);
    login(user.email(), Api.PASSWORD).then().statusCode(200);
  }

  private static Response changePassword(String token, String current, String next) {
    return Api.json(token)
        .body(
            "{"
                + (current == null ? "" : "\"currentPassword\":\"" + current + "\",")
                + "\"newPassword\":\""
                + next
                + "\"}")
        .post("/api/v1/me/password");
  }

  @Test
  void register_refuses_bad_fields_naming_each_one() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"not-an-email\",\"displayName\":\"\",\"password\":\"short\"}")
        .post("/api/v1/auth/register")
        .then()
        .statusCode(422)
        .body("errors.email", notNullValue())
        .body("errors.displayName", notNullValue())
        .body("errors.password", hasItem("must be 12 to 128 characters"));
    register(unique("long"), "x".repeat(129)).then().statusCode(422);
  }

  @Test
  void registering_cannot_pick_a_role() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"email\":\""
                + unique("role")
                + "\",\"displayName\":\"X\",\"password\":\""
                + Api.PASSWORD
                + "\",\"role\":\"ADMIN\"}")
        .post("/api/v1/auth/register")
        .then()
        .statusCode(400)
        .body("errors.role", notNullValue());
  }

  @Test
  void long_passwords_are_never_truncated() {
    String email = unique("long");
    String password = "p".repeat(72) + "-the-part-after-72-bytes";
    register(email, password).then().statusCode(201);
    login(email, password).then().statusCode(200);
    login(email, "p".repeat(72)).then().statusCode(401);
    login(email, "p".repeat(72) + "-the-part-after-72-bytez").then().statusCode(401);
  }

  @Test
  void login_answers_the_same_for_unknown_wrong_and_deactivated() {
    Api.User deactivated = Api.newUser("CUSTOMER");
    Api.json(Api.adminToken())
        .body("{\"active\":false}")
        .patch("/api/v1/users/" + deactivated.id())
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    Api.User known = Api.newUser("CUSTOMER");

    Response unknown = login(unique("nobody"), Api.PASSWORD);
    Response wrong = login(known.email(), Api.PASSWORD + "x");
    Response inactive = login(deactivated.email(), Api.PASSWORD);

    for (Response r : new Response[] {unknown, wrong, inactive}) {
      r.then().statusCode(401).contentType("application/problem+json");
    }
    assertThat(wrong.asString()).isEqualTo(unknown.asString());
    assertThat(inactive.asString()).isEqualTo(unknown.asString());
  }

  @Test
  void a_refresh_token_rotates_and_its_reuse_revokes_the_family() {
    Api.User user = Api.newUser("AGENT");
    Response first = login(user.email(), Api.PASSWORD);
    String r1 = first.path("refreshToken");

    Response second = refresh(r1);
    second.then().statusCode(200).body("refreshToken", not(equalTo(r1)));
    String r2 = second.path("refreshToken");
    Api.as(second.path("accessToken")).get("/api/v1/me").then().statusCode(200);

    refresh(r1).then().statusCode(401); // reused: the family is revoked
    refresh(r2).then().statusCode(401); // so the latest one is dead too
    refresh("rt_made-up").then().statusCode(401);
  }

  private static Response refresh(String token) {
    return Api.refreshAnswer(token);
  }

  @Test
  void logout_ends_the_access_and_refresh_tokens() {
    Api.User user = Api.newUser("CUSTOMER");
    Response session = login(user.email(), Api.PASSWORD);
    String access = session.path("accessToken");
    Api.as(access).post("/api/v1/auth/logout").then().statusCode(204);
    Api.as(access).get("/api/v1/me").then().statusCode(401);
    Api.as(user.token()).get("/api/v1/me").then().statusCode(401);
    refresh(session.path("refreshToken")).then().statusCode(401);
    login(user.email(), Api.PASSWORD).then().statusCode(200);
  }

  @Test
  void a_role_change_deactivation_or_revoke_ends_the_users_tokens() {
    for (String patchOrRevoke : new String[] {"{\"role\":\"AGENT\"}", "{\"active\":false}", ""}) {
      Api.User user = Api.newUser("CUSTOMER");
      Api.as(user.token()).get("/api/v1/me").then().statusCode(200);
      if (patchOrRevoke.isEmpty()) {
        Api.as(Api.adminToken())
            .post("/api/v1/users/" + user.id() + "/sessions/revoke")
            .then()
            .statusCode(204);
      } else {
        Api.json(Api.adminToken())
            .body(patchOrRevoke)
            .patch("/api/v1/users/" + user.id())
            .then()
            .statusCode(200);
      }
      Api.as(user.token()).get("/api/v1/me").then().statusCode(401);
    }
  }

  @Test
  void an_admin_cannot_demote_themselves() {
    Api.User admin = Api.newUser("ADMIN");
    Api.json(admin.token())
        .body("{\"role\":\"AGENT\"}")
        .patch("/api/v1/users/" + admin.id())
        .then()
        .statusCode(409);
  }

  @Test
  void admins_list_users_a_page_at_a_time() {
    for (int i = 0; i < 3; i++) {
      Api.newUser("AGENT");
    }
    Response page = Api.as(Api.adminToken()).get("/api/v1/users?limit=2");
    page.then().statusCode(200).body("items.size()", equalTo(2));
    String cursor = page.path("nextCursor");
    assertThat(page.header("Link")).contains("rel=\"next\"");
    Response next = Api.as(Api.adminToken()).get("/api/v1/users?limit=2&cursor=" + cursor);
    next.then().statusCode(200);
    assertThat(next.<String>path("items[0].email"))
        .isGreaterThan(page.<String>path("items[1].email"));
    Api.as(Api.adminToken()).get("/api/v1/users?limit=0").then().statusCode(422);
    Api.as(Api.adminToken()).get("/api/v1/users?cursor=%%%").then().statusCode(400);
  }

  @Test
  void an_api_token_is_shown_once_works_within_its_scopes_and_stops_when_revoked() {
    Response created =
        Api.json(Api.adminToken())
            .body("{\"name\":\"crm sync\",\"scopes\":[\"tickets:read\"]}")
            .post("/api/v1/api-tokens");
    created.then().statusCode(201).body("scopes", equalTo(java.util.List.of("tickets:read")));
    String secret = created.path("token");
    String id = created.path("id");
    assertThat(secret).startsWith("trg_");

    Api.as(Api.adminToken())
        .get("/api/v1/api-tokens")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + id + "' }.token", nullValue())
        .body("find { it.id == '" + id + "' }.name", equalTo("crm sync"));

    String ticket = Api.newTicket(Api.newUser("CUSTOMER").token());
    Api.as(secret).get("/api/v1/tickets/" + ticket).then().statusCode(200);
    Api.json(secret)
        .body("{\"title\":\"From a token\",\"description\":\"d\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(403);

    Api.as(Api.adminToken()).delete("/api/v1/api-tokens/" + id).then().statusCode(204);
    Api.as(secret).get("/api/v1/tickets/" + ticket).then().statusCode(401);
  }

  @Test
  void api_token_scopes_must_be_known() {
    Api.json(Api.adminToken())
        .body("{\"name\":\"x\",\"scopes\":[\"tickets:delete\"]}")
        .post("/api/v1/api-tokens")
        .then()
        .statusCode(422)
        .body("errors.scopes", notNullValue());
  }
}
