package dev.triage.bootstrap.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canned responses over HTTP against PostgreSQL (issue 19, point 2; ADR 22): personal and shared
 * ones, placeholders checked when saved (an unknown one is a 422, never a blank at send), and a
 * preview rendered for a ticket by Qute.
 */
@QuarkusTest
class CannedResponsesIT {

  private static final String PROBLEM = "application/problem+json";
  private static final String PATH = "/api/v1/canned-responses";

  private Api.User customer;
  private Api.User agent;
  private Api.User otherAgent;
  private String admin;
  private String suffix;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
    otherAgent = Api.newUser("AGENT");
    admin = Api.adminToken();
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  private static Response create(String token, String title, String body, boolean shared) {
    return Api.json(token)
        .body("{\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"shared\":" + shared + "}")
        .post(PATH);
  }

  @Test
  void a_preview_fills_the_placeholders_for_the_ticket_its_requester_and_the_agent() {
    String id =
        create(
                agent.token(),
                "Greeting " + suffix,
                "Hello {{ requester.displayName }}, {{agent.displayName}} here about"
                    + " {{ticket.number}} ({{ticket.priority}}): {see} {#if}.",
                false)
            .then()
            .statusCode(201)
            .body("shared", equalTo(false))
            .body("ownerId", equalTo(agent.id()))
            .extract()
            .path("id");
    String ticket = Api.newTicket(customer.token(), "Printer", "Broken.", "HIGH");
    String number = Api.as(agent.token()).get("/api/v1/tickets/" + ticket).path("number");

    Api.json(agent.token())
        .body("{\"ticketId\":\"" + number + "\"}")
        .post(PATH + "/" + id + "/preview")
        .then()
        .statusCode(200)
        .body(
            "body",
            equalTo(
                "Hello Test CUSTOMER, Test AGENT here about " + number + " (HIGH): {see} {#if}."));

    // Nothing was sent: the ticket has no comment.
    Api.as(agent.token())
        .get("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void an_unknown_placeholder_is_refused_when_saved_naming_it() {
    create(agent.token(), "Typo " + suffix, "About {{ticket.nmber}} and {{ticket.number}}", false)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.body[0]", containsString("{{ticket.nmber}}"));
    create(agent.token(), "Method " + suffix, "{{ticket.number.toUpperCase()}}", false)
        .then()
        .statusCode(422)
        .body("errors.body", notNullValue());
    create(agent.token(), "Open " + suffix, "About {{ticket.number", false)
        .then()
        .statusCode(422)
        .body("errors.body", notNullValue());
    create(agent.token(), "", "", false)
        .then()
        .statusCode(422)
        .body("errors.title", notNullValue())
        .body("errors.body", notNullValue());
    String id =
        create(agent.token(), "Fine " + suffix, "{{ticket.title}}", false)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.json(agent.token())
        .body("{\"body\":\"{{ticket.secret}}\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(422)
        .body("errors.body", notNullValue());
    Api.json(agent.token())
        .header("If-Match", "\"1\"")
        .body("{\"body\":\"Now {{ticket.status}}\"}")
        .patch(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("body", equalTo("Now {{ticket.status}}"));
  }

  @Test
  void shared_responses_are_kept_by_admins_and_personal_ones_by_their_owner() {
    create(agent.token(), "Shared " + suffix, "Hi", true).then().statusCode(403);
    String shared =
        create(admin, "Shared " + suffix, "Hi {{requester.displayName}}", true)
            .then()
            .statusCode(201)
            .body("shared", equalTo(true))
            .extract()
            .path("id");
    String mine =
        create(agent.token(), "Mine " + suffix, "Mine", false)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    List<String> seenByOther =
        Api.as(otherAgent.token()).get(PATH).then().statusCode(200).extract().path("items.id");
    assertThat(seenByOther).contains(shared).doesNotContain(mine);
    Api.as(otherAgent.token()).get(PATH + "/" + mine).then().statusCode(404);
    Api.as(otherAgent.token()).delete(PATH + "/" + mine).then().statusCode(404);
    Api.as(agent.token()).delete(PATH + "/" + shared).then().statusCode(403);
    Api.as(customer.token()).get(PATH).then().statusCode(403);
    create(customer.token(), "Nope " + suffix, "Hi", false).then().statusCode(403);

    // A preview for a ticket the caller may not see, or none, is 404.
    Api.json(agent.token())
        .body("{\"ticketId\":\"TCK-1999-999999\"}")
        .post(PATH + "/" + mine + "/preview")
        .then()
        .statusCode(404);

    Api.as(agent.token()).delete(PATH + "/" + mine).then().statusCode(204);
    Api.as(agent.token()).get(PATH + "/" + mine).then().statusCode(404);
    Api.as(admin).delete(PATH + "/" + shared).then().statusCode(204);
  }
}
