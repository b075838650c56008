package dev.triage.bootstrap.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Macros over HTTP against PostgreSQL (issue 19, point 3; ADR 28): personal and shared ones,
 * actions checked when saved, and applied to a ticket as one command: one audit entry, each
 * action's events, the reply rendered; a dry run saves nothing; a refused action applies nothing
 * and is named; If-Match and Idempotency-Key as for every ticket command.
 */
@QuarkusTest
class MacrosIT {

  private static final String PROBLEM = "application/problem+json";
  private static final String PATH = "/api/v1/macros";

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

  private static Response create(String token, String title, boolean shared, String actions) {
    return Api.json(token)
        .body(
            "{\"title\":\"" + title + "\",\"shared\":" + shared + ",\"actions\":[" + actions + "]}")
        .post(PATH);
  }

  private static String created(String token, String title, boolean shared, String actions) {
    Response r = create(token, title, shared, actions);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.path("id");
  }

  private static String action(String type, String jsonValue) {
    return "{\"type\":\"" + type + "\",\"value\":" + jsonValue + "}";
  }

  private static Response apply(String token, String ticket, String macro) {
    return Api.json(token).post("/api/v1/tickets/" + ticket + "/macros/" + macro);
  }

  private static Response ticket(String token, String ticket) {
    return Api.as(token).get("/api/v1/tickets/" + ticket);
  }

  private static List<String> auditActions(String ticket) {
    Response log =
        Api.as(Api.adminToken())
            .queryParam("entityType", "Ticket")
            .queryParam("entityId", ticket)
            .queryParam("limit", 100)
            .get("/api/v1/audit-log");
    assertThat(log.statusCode()).as(log.asString()).isEqualTo(200);
    return log.jsonPath().getList("items.action", String.class);
  }

  private static List<String> timeline(String token, String ticket) {
    Response page = Api.as(token).get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items.type", String.class);
  }

  private static List<String> comments(String token, String ticket) {
    Response page = Api.as(token).get("/api/v1/tickets/" + ticket + "/comments?limit=100");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items.body", String.class);
  }

  /** A ticket the customer opened and the agent started on. */
  private String workedTicket() {
    String id = Api.newTicket(customer.token(), "Printer " + suffix, "It jams.", "MEDIUM");
    Api.move(agent, id, "IN_PROGRESS");
    return id;
  }

  private String resolveMacro() {
    return created(
        agent.token(),
        "Resolve " + suffix,
        false,
        String.join(
            ",",
            action("status", "\"resolved\""),
            action("assignee", "\"me\""),
            action("priority", "\"HIGH\""),
            action("addTags", "[\"printer\",\"solved-" + suffix + "\"]"),
            action(
                "reply",
                "\"Hello {{requester.displayName}}, {{ticket.number}} is fixed."
                    + " {{agent.displayName}}\"")));
  }

  @Test
  void applying_a_macro_is_one_command_with_one_audit_entry_and_each_event() {
    String macro = resolveMacro();
    String ticket = workedTicket();
    Response before = ticket(agent.token(), ticket);
    int version = before.path("version");
    String number = before.path("number");
    int auditBefore = auditActions(ticket).size();

    apply(agent.token(), ticket, macro)
        .then()
        .statusCode(200)
        .header("ETag", "\"" + (version + 1) + "\"")
        .body("status", equalTo("RESOLVED"))
        .body("assigneeId", equalTo(agent.id()))
        .body("priority", equalTo("HIGH"))
        .body("tags", hasItem("solved-" + suffix))
        .body("version", equalTo(version + 1));

    // One audit entry, naming every change.
    List<String> audit = auditActions(ticket);
    assertThat(audit).hasSize(auditBefore + 1);
    assertThat(audit.get(0)).isEqualTo("ApplyMacro");
    Response entry =
        Api.as(admin)
            .queryParam("entityType", "Ticket")
            .queryParam("entityId", ticket)
            .queryParam("action", "ApplyMacro")
            .get("/api/v1/audit-log");
    assertThat(entry.jsonPath().getString("items[0].after.status")).isEqualTo("RESOLVED");
    assertThat(entry.jsonPath().getString("items[0].after.assigneeId")).isEqualTo(agent.id());
    assertThat(entry.jsonPath().getString("items[0].after.priority")).isEqualTo("HIGH");
    assertThat(entry.jsonPath().getString("items[0].after.tags")).contains("solved-" + suffix);
    assertThat(entry.jsonPath().getString("items[0].after.comment.id")).isNotNull();
    assertThat(entry.jsonPath().getString("items[0].before.status")).isEqualTo("IN_PROGRESS");

    // Each action's own events, in the timeline.
    assertThat(timeline(agent.token(), ticket))
        .contains(
            "StatusChanged",
            "TicketAssigned",
            "PriorityChanged",
            "TagAdded",
            "CommentAdded",
            "TicketResolved");

    // The reply, rendered for the ticket, its requester and the agent; the customer reads it.
    assertThat(comments(customer.token(), ticket))
        .containsExactly("Hello Test CUSTOMER, " + number + " is fixed. Test AGENT");
  }

  @Test
  void a_dry_run_answers_the_resulting_ticket_and_saves_nothing() {
    String macro = resolveMacro();
    String ticket = workedTicket();
    String before = ticket(agent.token(), ticket).asString();
    int audit = auditActions(ticket).size();
    List<String> events = timeline(agent.token(), ticket);
    int version = ticket(agent.token(), ticket).path("version");

    Api.json(agent.token())
        .queryParam("dryRun", true)
        .post("/api/v1/tickets/" + ticket + "/macros/" + macro)
        .then()
        .statusCode(200)
        .body("status", equalTo("RESOLVED"))
        .body("assigneeId", equalTo(agent.id()))
        .body("priority", equalTo("HIGH"))
        .body("version", equalTo(version + 1));

    assertThat(ticket(agent.token(), ticket).asString()).isEqualTo(before);
    assertThat(auditActions(ticket)).hasSize(audit);
    assertThat(timeline(agent.token(), ticket)).isEqualTo(events);
    assertThat(comments(agent.token(), ticket)).isEmpty();

    // A dry run refuses what the command would refuse.
    Api.json(agent.token())
        .queryParam("dryRun", true)
        .header("If-Match", "\"" + (version + 5) + "\"")
        .post("/api/v1/tickets/" + ticket + "/macros/" + macro)
        .then()
        .statusCode(412);
  }

  @Test
  void a_refused_action_applies_nothing_and_is_named() {
    String ticket = Api.newTicket(customer.token(), "Printer " + suffix, "It jams.", "MEDIUM");
    int version = ticket(agent.token(), ticket).path("version");
    int audit = auditActions(ticket).size();
    // OPEN to PENDING_CUSTOMER is no move the lifecycle has.
    String waiting =
        created(
            agent.token(),
            "Wait " + suffix,
            false,
            action("priority", "\"HIGH\"")
                + ","
                + action("note", "\"Asked {{requester.displayName}}\"")
                + ","
                + action("status", "\"PENDING_CUSTOMER\""));
    apply(agent.token(), ticket, waiting)
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("INVALID_TRANSITION"))
        .body("errors.status", notNullValue());
    // A locked field refuses the whole too.
    Api.json(admin)
        .body("{\"fields\":[\"priority\"]}")
        .post("/api/v1/tickets/" + ticket + "/locks")
        .then()
        .statusCode(200);
    String raise =
        created(
            agent.token(),
            "Raise " + suffix,
            false,
            action("addTags", "[\"raised\"]") + "," + action("priority", "\"CRITICAL\""));
    apply(agent.token(), ticket, raise)
        .then()
        .statusCode(409)
        .body("code", equalTo("FIELD_LOCKED"))
        .body("errors.priority", notNullValue());

    Response after = ticket(agent.token(), ticket);
    assertThat(after.<String>path("priority")).isEqualTo("MEDIUM");
    assertThat(after.<List<String>>path("tags")).doesNotContain("raised");
    assertThat(after.<Integer>path("version")).isEqualTo(version + 1); // the lock only
    assertThat(auditActions(ticket)).hasSize(audit + 1);
    assertThat(comments(agent.token(), ticket)).isEmpty();
  }

  @Test
  void a_group_or_category_retired_since_the_macro_was_saved_is_a_named_422() {
    String category = "macro-cat-" + suffix;
    String categoryId =
        Api.json(admin)
            .body("{\"name\":\"" + category + "\"}")
            .post("/api/v1/categories")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String group =
        Api.json(admin)
            .body("{\"name\":\"macro-group-" + suffix + "\"}")
            .post("/api/v1/groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String categorize =
        created(admin, "Categorize " + suffix, true, action("category", "\"" + category + "\""));
    String regroup =
        created(admin, "Regroup " + suffix, true, action("group", "\"" + group + "\""));
    String ticket = workedTicket();

    Api.json(admin)
        .header("If-Match", "\"1\"")
        .body("{\"active\":false}")
        .patch("/api/v1/categories/" + categoryId)
        .then()
        .statusCode(200);
    apply(agent.token(), ticket, categorize)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.category", notNullValue());

    Api.as(admin).delete("/api/v1/groups/" + group).then().statusCode(204);
    apply(agent.token(), ticket, regroup)
        .then()
        .statusCode(422)
        .body("errors.group", notNullValue());
  }

  @Test
  void a_macro_sets_custom_fields_until_the_field_is_retired() {
    String key = "macro_" + suffix.replace('-', '_');
    String field =
        Api.json(admin)
            .body("{\"key\":\"" + key + "\",\"label\":\"Macro\",\"type\":\"TEXT\"}")
            .post("/api/v1/ticket-fields")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String macro =
        created(
            agent.token(), "Field " + suffix, false, action("field", "{\"" + key + "\":\"gold\"}"));
    String ticket = workedTicket();
    apply(agent.token(), ticket, macro)
        .then()
        .statusCode(200)
        .body("fields." + key, equalTo("gold"));
    assertThat(timeline(agent.token(), ticket)).contains("FieldChanged");

    Api.json(admin)
        .body("{\"active\":false}")
        .patch("/api/v1/ticket-fields/" + field)
        .then()
        .statusCode(200);
    int version = ticket(agent.token(), ticket).path("version");
    apply(agent.token(), ticket, macro)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.field", notNullValue());
    assertThat(ticket(agent.token(), ticket).<Integer>path("version")).isEqualTo(version);
  }

  @Test
  void if_match_and_idempotency_key_hold_as_for_every_ticket_command() {
    String macro =
        created(
            agent.token(),
            "Tag " + suffix,
            false,
            action("addTags", "[\"seen\"]") + "," + action("priority", "\"LOW\""));
    String ticket = workedTicket();
    int version = ticket(agent.token(), ticket).path("version");

    Api.json(agent.token())
        .header("If-Match", "\"" + (version - 1) + "\"")
        .post("/api/v1/tickets/" + ticket + "/macros/" + macro)
        .then()
        .statusCode(412)
        .contentType(PROBLEM);

    String key = "macro-" + UUID.randomUUID();
    Response first =
        Api.json(agent.token())
            .header("Idempotency-Key", key)
            .header("If-Match", "\"" + version + "\"")
            .post("/api/v1/tickets/" + ticket + "/macros/" + macro);
    first.then().statusCode(200).body("version", equalTo(version + 1));
    int audit = auditActions(ticket).size();
    Api.json(agent.token())
        .header("Idempotency-Key", key)
        .header("If-Match", "\"" + version + "\"")
        .post("/api/v1/tickets/" + ticket + "/macros/" + macro)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("version", equalTo(version + 1));
    assertThat(auditActions(ticket)).hasSize(audit);
    assertThat(ticket(agent.token(), ticket).<Integer>path("version")).isEqualTo(version + 1);
  }

  @Test
  void shared_macros_are_kept_by_admins_personal_ones_by_their_owner_and_customers_get_none() {
    String body = action("status", "\"IN_PROGRESS\"");
    create(agent.token(), "Shared " + suffix, true, body).then().statusCode(403);
    String shared = created(admin, "Shared " + suffix, true, body);
    String mine = created(agent.token(), "Mine " + suffix, false, body);

    Api.as(agent.token())
        .get(PATH + "/" + mine)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("ownerId", equalTo(agent.id()))
        .body("actions[0].type", equalTo("status"))
        .body("actions[0].value", equalTo("IN_PROGRESS"));
    Api.as(otherAgent.token()).get(PATH + "/" + mine).then().statusCode(404);
    Api.as(otherAgent.token()).get(PATH + "/" + shared).then().statusCode(200);
    Api.as(otherAgent.token())
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.id", hasItem(shared))
        .body("items.id", not(hasItem(mine)));
    // Another agent may neither apply nor change someone's personal macro.
    String ticket = workedTicket();
    apply(otherAgent.token(), ticket, mine).then().statusCode(404);
    Api.json(otherAgent.token())
        .body("{\"title\":\"Taken\"}")
        .patch(PATH + "/" + shared)
        .then()
        .statusCode(403);
    // Customers reach nothing.
    Api.as(customer.token()).get(PATH).then().statusCode(403);
    Api.as(customer.token()).get(PATH + "/" + shared).then().statusCode(403);
    apply(customer.token(), ticket, shared).then().statusCode(403);

    Api.json(agent.token())
        .header("If-Match", "\"1\"")
        .body("{\"title\":\"Mine, renamed " + suffix + "\"}")
        .patch(PATH + "/" + mine)
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("actions[0].value", equalTo("IN_PROGRESS"));
    Api.as(agent.token()).delete(PATH + "/" + mine).then().statusCode(204);
    Api.as(agent.token()).get(PATH + "/" + mine).then().statusCode(404);
  }

  @Test
  void actions_are_checked_when_saved_naming_each_refused_one() {
    create(
            agent.token(),
            "Bad " + suffix,
            false,
            String.join(
                ",",
                action("status", "\"SLEEPING\""),
                action("teleport", "1"),
                action("reply", "\"About {{ticket.nmber}}\""),
                action("addTags", "\"not-a-list\""),
                action("group", "\"" + UUID.randomUUID() + "\""),
                action("category", "\"no-such-category-" + suffix + "\""),
                action("field", "{\"no_such_field_" + suffix.replace('-', '_') + "\":1}")))
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.'actions[0].value'", notNullValue())
        .body("errors.'actions[1].type'", notNullValue())
        .body("errors.'actions[2].value'", notNullValue())
        .body("errors.'actions[3].value'", notNullValue())
        .body("errors.'actions[4].value'", notNullValue())
        .body("errors.'actions[5].value'", notNullValue())
        .body("errors.'actions[6].value'", notNullValue());
    create(
            agent.token(),
            "Two " + suffix,
            false,
            action("status", "\"OPEN\"") + "," + action("status", "\"CLOSED\""))
        .then()
        .statusCode(422)
        .body("errors.'actions[1].type'", notNullValue());
    create(
            agent.token(),
            "Both " + suffix,
            false,
            action("reply", "\"Hi\"") + "," + action("note", "\"Hm\""))
        .then()
        .statusCode(422)
        .body("errors.actions", notNullValue());
    create(agent.token(), "", false, "")
        .then()
        .statusCode(422)
        .body("errors.title", notNullValue())
        .body("errors.actions", notNullValue());
  }
}
