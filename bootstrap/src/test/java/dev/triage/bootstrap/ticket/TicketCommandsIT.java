package dev.triage.bootstrap.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every ticket command over HTTP against PostgreSQL: its success and each way it is refused. */
@QuarkusTest
class TicketCommandsIT {

  private static final String PROBLEM = "application/problem+json";

  private Api.User customer;
  private Api.User agent;
  private String admin;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
    admin = Api.adminToken();
  }

  private String ticket(String priority) {
    return Api.newTicket(customer.token(), "Printer jam", "Paper everywhere.", priority);
  }

  private static Response status(String token, String id, String status) {
    return Api.json(token)
        .body("{\"status\":\"" + status + "\"}")
        .post("/api/v1/tickets/" + id + "/status");
  }

  private static Response reply(String token, String id, String body, boolean internal) {
    return Api.json(token)
        .body("{\"body\":\"" + body + "\",\"internal\":" + internal + "}")
        .post("/api/v1/tickets/" + id + "/comments");
  }

  private static Response get(String token, String id) {
    return Api.as(token).get("/api/v1/tickets/" + id);
  }

  @Test
  void a_ticket_lives_from_open_to_closed_with_every_clock_answering_as_it_should() {
    String id = ticket("HIGH");
    Api.json(agent.token())
        .body("{\"assigneeId\":\"" + agent.id() + "\"}")
        .put("/api/v1/tickets/" + id + "/assignee")
        .then()
        .statusCode(200)
        .body("assigneeId", equalTo(agent.id()));
    status(agent.token(), id, "IN_PROGRESS")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"));

    reply(agent.token(), id, "Looking into it", false)
        .then()
        .statusCode(201)
        .body("internal", equalTo(false));
    get(agent.token(), id)
        .then()
        .body("firstRespondedAt", notNullValue())
        .body("sla.firstResponse.stoppedAt", notNullValue())
        .body("sla.firstResponse.breached", equalTo(false));

    status(agent.token(), id, "PENDING_CUSTOMER").then().statusCode(200);
    get(customer.token(), id).then().body("sla.resolution.paused", equalTo(true));

    reply(customer.token(), id, "Here is the model number", false).then().statusCode(201);
    get(customer.token(), id)
        .then()
        .body("status", equalTo("IN_PROGRESS"))
        .body("sla.resolution.paused", equalTo(false));

    status(agent.token(), id, "RESOLVED").then().statusCode(200).body("resolvedAt", notNullValue());
    reply(customer.token(), id, "Still broken", false).then().statusCode(201);
    get(customer.token(), id).then().body("status", equalTo("OPEN"));

    status(agent.token(), id, "IN_PROGRESS").then().statusCode(200);
    status(agent.token(), id, "RESOLVED").then().statusCode(200);
    Api.as(agent.token()).post("/api/v1/tickets/" + id + "/close").then().statusCode(409);
    Api.as(admin)
        .post("/api/v1/tickets/" + id + "/close")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"))
        .body("closedAt", notNullValue());
  }

  @Test
  void an_invalid_transition_is_409_naming_the_current_and_allowed_statuses() {
    String id = ticket("MEDIUM");
    status(agent.token(), id, "RESOLVED")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("INVALID_TRANSITION"))
        .body("detail", containsString("OPEN"))
        .body("detail", containsString("IN_PROGRESS"));
    status(agent.token(), id, "CLOSED").then().statusCode(409);
    status(agent.token(), id, "NOPE").then().statusCode(400);
    Api.json(agent.token())
        .body("{}")
        .post("/api/v1/tickets/" + id + "/status")
        .then()
        .statusCode(422);
  }

  @Test
  void the_requester_may_withdraw_accept_and_reopen_but_nothing_else() {
    String withdrawn = ticket("LOW");
    status(customer.token(), withdrawn, "CLOSED")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));

    String id = ticket("LOW");
    status(customer.token(), id, "IN_PROGRESS").then().statusCode(409);
    status(agent.token(), id, "IN_PROGRESS").then().statusCode(200);
    status(agent.token(), id, "RESOLVED").then().statusCode(200);
    Api.as(customer.token())
        .post("/api/v1/tickets/" + id + "/reopen")
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"));
    status(agent.token(), id, "IN_PROGRESS").then().statusCode(200);
    status(agent.token(), id, "RESOLVED").then().statusCode(200);
    Api.as(customer.token())
        .post("/api/v1/tickets/" + id + "/close")
        .then()
        .statusCode(200)
        .body("status", equalTo("CLOSED"));
  }

  @Test
  void escalation_recomputes_due_dates_from_creation_and_critical_goes_no_higher() {
    String id = ticket("LOW");
    Response before = get(agent.token(), id);
    Instant created = Instant.parse(before.path("createdAt"));
    assertThat(Instant.parse(before.<String>path("sla.resolution.dueAt")))
        .isEqualTo(created.plus(Duration.ofHours(48)));

    Api.json(agent.token())
        .body("{\"reason\":\"VIP customer\"}")
        .post("/api/v1/tickets/" + id + "/escalation")
        .then()
        .statusCode(200)
        .body("priority", equalTo("MEDIUM"))
        .body("escalationLevel", equalTo(1));
    Response after = get(agent.token(), id);
    assertThat(Instant.parse(after.<String>path("sla.resolution.dueAt")))
        .isEqualTo(created.plus(Duration.ofHours(24)));
    assertThat(Instant.parse(after.<String>path("sla.firstResponse.dueAt")))
        .isEqualTo(created.plus(Duration.ofHours(4)));

    Api.as(agent.token()).post("/api/v1/tickets/" + id + "/escalation").then().statusCode(200);
    Api.as(agent.token())
        .post("/api/v1/tickets/" + id + "/escalation")
        .then()
        .statusCode(200)
        .body("priority", equalTo("CRITICAL"));
    Api.as(agent.token())
        .post("/api/v1/tickets/" + id + "/escalation")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
    Api.as(customer.token()).post("/api/v1/tickets/" + id + "/escalation").then().statusCode(403);
  }

  @Test
  void a_customer_does_not_see_the_escalation_level_staff_see_and_keeps_editing_with_its_etag() {
    String id = ticket("LOW");
    Api.json(agent.token())
        .body("{\"reason\":\"VIP customer\"}")
        .post("/api/v1/tickets/" + id + "/escalation")
        .then()
        .statusCode(200);

    // Escalations are internal: not in the customer's timeline, nor in their view of the ticket.
    customer
        .request()
        .get("/api/v1/tickets/" + id + "/timeline?limit=100")
        .then()
        .statusCode(200)
        .body("items.type", not(hasItem("TicketEscalated")));
    Response seen = get(customer.token(), id);
    seen.then().statusCode(200).body("escalationLevel", equalTo(0));
    get(agent.token(), id).then().statusCode(200).body("escalationLevel", equalTo(1));
    customer
        .request()
        .get("/api/v1/tickets")
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + id + "' }.escalationLevel", equalTo(0));
    agent
        .request()
        .get("/api/v1/tickets?requester=" + customer.id())
        .then()
        .statusCode(200)
        .body("items.find { it.id == '" + id + "' }.escalationLevel", equalTo(1));
    // Nor can the list filter tell a customer which of their tickets were escalated.
    customer
        .request()
        .get("/api/v1/tickets?escalated=true")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));

    // The version (the ETag) stays shared, so the customer's conditional edit still works
    // (ADR 0015), and the answer to it shows no escalation either.
    Api.json(customer.token())
        .header("If-Match", seen.header("ETag"))
        .body("{\"title\":\"Printer jam, still\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("escalationLevel", equalTo(0));
  }

  @Test
  void assignment_goes_only_to_active_staff_and_agents_only_take_for_themselves() {
    String id = ticket("MEDIUM");
    Api.User otherAgent = Api.newUser("AGENT");
    Api.json(agent.token())
        .body("{\"assigneeId\":\"" + otherAgent.id() + "\"}")
        .put("/api/v1/tickets/" + id + "/assignee")
        .then()
        .statusCode(403);
    Api.json(admin)
        .body("{\"assigneeId\":\"" + customer.id() + "\"}")
        .put("/api/v1/tickets/" + id + "/assignee")
        .then()
        .statusCode(422)
        .body("errors.assigneeId", notNullValue());
    Api.json(admin)
        .body("{\"assigneeId\":\"not-a-uuid\"}")
        .put("/api/v1/tickets/" + id + "/assignee")
        .then()
        .statusCode(422);
    Api.json(admin)
        .body("{\"assigneeId\":\"" + otherAgent.id() + "\"}")
        .put("/api/v1/tickets/" + id + "/assignee")
        .then()
        .statusCode(200)
        .body("assigneeId", equalTo(otherAgent.id()));
    Api.as(agent.token()).delete("/api/v1/tickets/" + id + "/assignee").then().statusCode(403);
    Api.as(otherAgent.token())
        .delete("/api/v1/tickets/" + id + "/assignee")
        .then()
        .statusCode(200)
        .body("assigneeId", nullValue());
    Api.json(customer.token())
        .body("{\"assigneeId\":\"" + agent.id() + "\"}")
        .put("/api/v1/tickets/" + id + "/assignee")
        .then()
        .statusCode(403);
  }

  @Test
  void editing_follows_the_role_rules_and_checks_fields() {
    String id = ticket("MEDIUM");
    Api.json(customer.token())
        .body("{\"title\":\"Printer jam on floor 3\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Printer jam on floor 3"));
    Api.json(customer.token())
        .body("{\"title\":\"\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(422)
        .body("errors.title", notNullValue());
    Api.json(customer.token())
        .body("{\"priority\":\"HIGH\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(403);
    Api.category("hardware");
    Api.json(agent.token())
        .body("{\"category\":\"hardware\",\"tags\":[\"printer\"],\"priority\":\"HIGH\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .body("category", equalTo("hardware"))
        .body("priority", equalTo("HIGH"));
    Api.json(agent.token())
        .body("{\"colour\":\"red\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(400);
  }

  @Test
  void a_stale_if_match_is_412_and_the_current_one_succeeds_with_a_new_etag() {
    String id = ticket("MEDIUM");
    String etag = get(agent.token(), id).header("ETag");
    assertThat(etag).isEqualTo("\"1\"");
    Api.json(agent.token())
        .header("If-Match", "\"7\"")
        .body("{\"title\":\"Stale\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(412)
        .contentType(PROBLEM)
        .body("code", equalTo("VERSION_MISMATCH"));
    Api.json(agent.token())
        .header("If-Match", "garbage")
        .body("{\"title\":\"Stale\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(412);
    Api.json(agent.token())
        .header("If-Match", etag)
        .body("{\"title\":\"Fresh title\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    get(agent.token(), id).then().body("title", equalTo("Fresh title")).body("version", equalTo(2));
  }

  @Test
  void concurrent_commands_on_one_ticket_never_lose_an_update() {
    String id = ticket("MEDIUM");
    int n = 8;
    List<CompletableFuture<Integer>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i;
      replies.add(
          CompletableFuture.supplyAsync(
              () -> reply(agent.token(), id, "note " + k, true).statusCode()));
    }
    assertThat(replies.stream().map(CompletableFuture::join)).containsOnly(201);
    get(agent.token(), id).then().body("version", equalTo(1 + n));
  }

  @Test
  void internal_notes_are_for_staff_and_others_tickets_are_404() {
    String id = ticket("MEDIUM");
    reply(customer.token(), id, "psst", true).then().statusCode(403).contentType(PROBLEM);
    reply(agent.token(), id, "customer seems upset", true)
        .then()
        .statusCode(201)
        .body("internal", equalTo(true));
    Api.User stranger = Api.newUser("CUSTOMER");
    reply(stranger.token(), id, "hello", false).then().statusCode(404);
    status(stranger.token(), id, "CLOSED").then().statusCode(404);
    Api.json(stranger.token())
        .body("{\"title\":\"Mine now\"}")
        .patch("/api/v1/tickets/" + id)
        .then()
        .statusCode(404);
    Api.as(stranger.token()).get("/api/v1/tickets/" + id + "/sla").then().statusCode(404);
    reply(agent.token(), "TCK-2026-999999", "hello", false).then().statusCode(404);
  }

  @Test
  void a_reply_to_a_closed_ticket_opens_a_linked_follow_up() {
    String id = ticket("HIGH");
    status(customer.token(), id, "CLOSED").then().statusCode(200);
    Response r = reply(customer.token(), id, "It happened again", false);
    r.then()
        .statusCode(201)
        .body("followUpTicket.status", equalTo("OPEN"))
        .body("followUpTicket.description", equalTo("It happened again"))
        .body("followUpTicket.priority", equalTo("HIGH"));
    String followUp = r.path("followUpTicket.id");
    assertThat(followUp).isNotEqualTo(id);
    get(customer.token(), followUp).then().statusCode(200);
    get(customer.token(), id).then().body("status", equalTo("CLOSED"));
  }

  @Test
  void an_author_redacts_their_comment_and_the_text_is_gone() {
    String id = ticket("MEDIUM");
    String comment = reply(customer.token(), id, "my password is hunter2", false).path("id");
    Api.User stranger = Api.newUser("AGENT");
    Api.as(stranger.token())
        .delete("/api/v1/tickets/" + id + "/comments/" + comment)
        .then()
        .statusCode(403);
    Api.as(customer.token())
        .delete("/api/v1/tickets/" + id + "/comments/" + comment)
        .then()
        .statusCode(200)
        .body("body", equalTo(""))
        .body("redactedBy", equalTo(customer.id()));
    Api.as(customer.token())
        .delete("/api/v1/tickets/" + id + "/comments/not-an-id")
        .then()
        .statusCode(404);
  }

  @Test
  void the_sla_explanation_lists_policy_calendar_and_intervals() {
    String id = ticket("CRITICAL");
    Api.as(customer.token())
        .get("/api/v1/tickets/" + id + "/sla")
        .then()
        .statusCode(200)
        .body("priority", equalTo("CRITICAL"))
        .body("calendar", notNullValue())
        .body("firstResponse.targetSeconds", equalTo(1800))
        .body("resolution.targetSeconds", equalTo(7200))
        .body("summary.size()", greaterThan(0));
    Response sla = Api.as(customer.token()).get("/api/v1/tickets/" + id + "/sla");
    List<java.util.Map<String, String>> due = sla.path("resolution.dueIntervals");
    Duration counted =
        due.stream()
            .map(i -> Duration.between(Instant.parse(i.get("start")), Instant.parse(i.get("end"))))
            .reduce(Duration.ZERO, Duration::plus);
    assertThat(counted).isEqualTo(Duration.ofHours(2));
  }
}
