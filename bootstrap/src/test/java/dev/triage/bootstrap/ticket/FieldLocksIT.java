package dev.triage.bootstrap.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Field locks over HTTP: an admin locks a ticket's priority, category or assignment; every command
 * that would change a locked field is refused with 409 FIELD_LOCKED and changes nothing, other
 * fields stay editable, and unlocking lets the change through. Lock events are for staff only.
 */
@QuarkusTest
class FieldLocksIT {

  private Api.User customer;
  private Api.User agent;
  private String admin;
  private String ticket;

  @BeforeEach
  void aTicket() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
    admin = Api.adminToken();
    ticket = Api.newTicket(customer.token());
  }

  private Response lock(String token, String... fields) {
    return Api.json(token)
        .body("{\"fields\":[\"" + String.join("\",\"", fields) + "\"]}")
        .post("/api/v1/tickets/" + ticket + "/locks");
  }

  private Response edit(String token, String body) {
    return Api.json(token).body(body).patch("/api/v1/tickets/" + ticket);
  }

  private Response read() {
    Response r = Api.as(admin).get("/api/v1/tickets/" + ticket);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r;
  }

  private static void refusedAsLocked(Response r, String field) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.jsonPath().getString("code")).isEqualTo("FIELD_LOCKED");
    assertThat(r.jsonPath().getString("detail")).contains(field);
  }

  @Test
  void a_locked_priority_refuses_edits_and_escalation_until_unlocked() {
    Response locked = lock(admin, "priority");
    assertThat(locked.statusCode()).as(locked.asString()).isEqualTo(200);
    assertThat(locked.jsonPath().getList("locks", String.class)).containsExactly("priority");
    String priority = read().path("priority");
    long version = read().jsonPath().getLong("version");

    refusedAsLocked(edit(agent.token(), "{\"priority\":\"CRITICAL\"}"), "priority");
    refusedAsLocked(
        Api.json(agent.token()).body("{}").post("/api/v1/tickets/" + ticket + "/escalation"),
        "priority");
    assertThat((String) read().path("priority")).isEqualTo(priority);
    assertThat(read().jsonPath().getLong("version")).isEqualTo(version);

    // Other fields stay editable.
    Response retitled = edit(agent.token(), "{\"title\":\"Still editable while locked\"}");
    assertThat(retitled.statusCode()).as(retitled.asString()).isEqualTo(200);

    Response unlocked = Api.as(admin).delete("/api/v1/tickets/" + ticket + "/locks/priority");
    assertThat(unlocked.statusCode()).as(unlocked.asString()).isEqualTo(200);
    assertThat(unlocked.jsonPath().getList("locks", String.class)).isEmpty();
    Response raised = edit(agent.token(), "{\"priority\":\"CRITICAL\"}");
    assertThat(raised.statusCode()).as(raised.asString()).isEqualTo(200);
    assertThat((String) raised.path("priority")).isEqualTo("CRITICAL");
    assertThat(Api.as(admin).delete("/api/v1/tickets/" + ticket + "/locks/priority").statusCode())
        .isEqualTo(404);
  }

  @Test
  void locked_category_and_assignment_are_refused_and_only_admins_lock() {
    assertThat(lock(agent.token(), "category").statusCode()).isEqualTo(403);
    assertThat(lock(customer.token(), "category").statusCode()).isEqualTo(403);
    Response bad = lock(admin, "title");
    assertThat(bad.statusCode()).as(bad.asString()).isEqualTo(422);
    assertThat(bad.asString()).contains("fields[0]");

    assertThat(lock(admin, "category", "assigneeId").statusCode()).isEqualTo(200);
    refusedAsLocked(edit(agent.token(), "{\"category\":\"network\"}"), "category");
    refusedAsLocked(
        Api.json(agent.token())
            .body("{\"assigneeId\":\"" + agent.id() + "\"}")
            .put("/api/v1/tickets/" + ticket + "/assignee"),
        "assigneeId");
    assertThat(read().jsonPath().getList("locks", String.class))
        .containsExactlyInAnyOrder("category", "assigneeId");
    assertThat((Object) read().path("assigneeId")).isNull();
  }

  @Test
  void lock_events_are_in_the_staff_timeline_only() {
    assertThat(lock(admin, "priority").statusCode()).isEqualTo(200);
    assertThat(types(agent)).contains("FieldsLocked");
    assertThat(types(customer)).doesNotContain("FieldsLocked");
    // The customer still sees the ticket with its locks, as every reader does.
    Response seen = customer.request().get("/api/v1/tickets/" + ticket);
    assertThat(seen.statusCode()).isEqualTo(200);
    assertThat(seen.jsonPath().getList("locks", String.class)).containsExactly("priority");
  }

  private List<String> types(Api.User who) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items.type", String.class);
  }
}
