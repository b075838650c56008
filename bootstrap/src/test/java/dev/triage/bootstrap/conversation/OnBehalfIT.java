package dev.triage.bootstrap.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tickets staff open on a customer's behalf, over HTTP against PostgreSQL (issue 19, point 4; ADR
 * 22): for an existing customer or one described by email (an account without a password is made),
 * with the channel the ticket came in by and who typed it in (shown to staff, audited), and the
 * list filter by channel.
 */
@QuarkusTest
class OnBehalfIT {

  private static final String PROBLEM = "application/problem+json";

  private Api.User customer;
  private Api.User agent;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  private static Response create(String token, String extra) {
    return Api.json(token)
        .body(
            "{\"title\":\"Called about the printer\",\"description\":\"On the phone.\""
                + extra
                + "}")
        .post("/api/v1/tickets");
  }

  @Test
  void an_agent_opens_a_phone_ticket_for_an_existing_customer_who_sees_it_as_theirs() {
    Response created =
        create(agent.token(), ",\"requesterId\":\"" + customer.id() + "\",\"channel\":\"phone\"");
    created
        .then()
        .statusCode(201)
        .body("requesterId", equalTo(customer.id()))
        .body("channel", equalTo("phone"))
        .body("createdById", equalTo(agent.id()));
    String id = created.path("id");

    customer
        .request()
        .get("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("requesterId", equalTo(customer.id()))
        .body("channel", equalTo("phone"))
        .body("createdById", nullValue());

    List<String> phone =
        agent
            .request()
            .queryParam("requester", customer.id())
            .queryParam("channel", "phone")
            .get("/api/v1/tickets")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", String.class);
    assertThat(phone).containsExactly(id);
    List<String> chat =
        customer
            .request()
            .queryParam("channel", "CHAT")
            .get("/api/v1/tickets")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", String.class);
    assertThat(chat).isEmpty();

    String own = Api.newTicket(customer.token());
    customer
        .request()
        .get("/api/v1/tickets/" + own)
        .then()
        .statusCode(200)
        .body("channel", equalTo("web"));
    agent
        .request()
        .get("/api/v1/tickets/" + own)
        .then()
        .statusCode(200)
        .body("createdById", equalTo(customer.id()));
  }

  @Test
  void
      a_new_customer_by_email_gets_an_account_without_a_password_made_once_and_audited_as_typed_in() {
    String email = "caller-" + UUID.randomUUID() + "@example.com";
    String requester =
        ",\"requester\":{\"email\":\"" + email + "\",\"displayName\":\"Ada Caller\"}";
    Response first = create(agent.token(), requester + ",\"channel\":\"chat\"");
    first.then().statusCode(201).body("channel", equalTo("chat"));
    String newCustomer = first.path("requesterId");
    assertThat(newCustomer).isNotEqualTo(agent.id());

    Response second = create(agent.token(), requester);
    second.then().statusCode(201).body("requesterId", equalTo(newCustomer));

    // Nobody can sign in to the account until it is claimed: not with any password.
    assertThat(Api.loginAnswer(email, "").statusCode()).isIn(400, 401, 422);
    assertThat(Api.loginAnswer(email, Api.PASSWORD).statusCode()).isEqualTo(401);

    Response audit =
        Api.as(Api.adminToken())
            .queryParam("actor", agent.id())
            .queryParam("action", "CreateTicket")
            .get("/api/v1/audit-log");
    audit.then().statusCode(200);
    List<String> ids = audit.jsonPath().getList("items.entityId", String.class);
    assertThat(ids).contains((String) first.path("id"), (String) second.path("id"));
    String entry = "items.find { it.entityId == '" + first.path("id") + "' }.after.";
    audit
        .then()
        .body(entry + "requesterId", equalTo(newCustomer))
        .body(entry + "createdById", equalTo(agent.id()))
        .body(entry + "channel", equalTo("chat"));
  }

  @Test
  void only_staff_open_tickets_for_others_and_bad_requesters_are_named() {
    create(customer.token(), ",\"requesterId\":\"" + agent.id() + "\"")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    create(
            customer.token(),
            ",\"requester\":{\"email\":\"x-"
                + UUID.randomUUID()
                + "@example.com\",\"displayName\":\"X\"}")
        .then()
        .statusCode(403);
    create(agent.token(), ",\"requesterId\":\"" + agent.id() + "\"")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.requesterId", notNullValue());
    create(agent.token(), ",\"requesterId\":\"not-an-id\"")
        .then()
        .statusCode(422)
        .body("errors.requesterId", notNullValue());
    create(
            agent.token(),
            ",\"requester\":{\"email\":\"" + agent.email() + "\",\"displayName\":\"Agent\"}")
        .then()
        .statusCode(422)
        .body("errors.'requester.email'", notNullValue());
    create(agent.token(), ",\"requester\":{\"email\":\"nope\",\"displayName\":\"\"}")
        .then()
        .statusCode(422)
        .body("errors.'requester.email'", notNullValue())
        .body("errors.'requester.displayName'", notNullValue());
    create(agent.token(), ",\"channel\":\"fax\"")
        .then()
        .statusCode(422)
        .body("errors.channel", notNullValue());
    agent
        .request()
        .queryParam("channel", "fax")
        .get("/api/v1/tickets")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.channel", notNullValue());
  }
}
