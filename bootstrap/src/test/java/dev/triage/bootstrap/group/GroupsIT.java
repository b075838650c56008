package dev.triage.bootstrap.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Groups over HTTP against PostgreSQL (issue 18, point 1; ADR 19): admins keep groups and their
 * members, staff read them, customers may not; a ticket belongs to at most one group, set at
 * creation (or by its category's default) and by an edit, with a staff-only GroupChanged in the
 * timeline; a ticket of a group goes only to a member unless the same edit moves it to theirs; the
 * list filters by group; a locked group refuses a change; bulk changes move many tickets at once.
 */
@QuarkusTest
class GroupsIT {

  private static final String PROBLEM = "application/problem+json";

  private String admin;
  private Api.User agent;
  private Api.User otherAgent;
  private Api.User customer;

  @BeforeEach
  void people() {
    admin = Api.adminToken();
    agent = Api.newUser("AGENT");
    otherAgent = Api.newUser("AGENT");
    customer = Api.newUser("CUSTOMER");
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID();
  }

  private static Response create(String token, String body) {
    return Api.json(token).body(body).post("/api/v1/groups");
  }

  /** A new group of {@code members}, made by the admin; answers its id. */
  private String group(String... members) {
    String ids = members.length == 0 ? "" : "\"" + String.join("\",\"", members) + "\"";
    Response created =
        create(admin, "{\"name\":\"" + unique("Team") + "\",\"memberIds\":[" + ids + "]}");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created.path("id");
  }

  private static Response edit(String token, String ticket, String body) {
    return Api.json(token).body(body).patch("/api/v1/tickets/" + ticket);
  }

  private static List<String> listed(Api.User who, String query) {
    Response r = who.request().get("/api/v1/tickets?limit=100&" + query);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.id", String.class);
  }

  private static void assertRefused(Response r, int status, String field) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith(PROBLEM);
    if (field != null) {
      r.then().body("errors", hasKey(field));
    }
  }

  @Test
  void admins_keep_groups_staff_read_them_and_customers_may_not() {
    String name = unique("Billing");
    Response created =
        create(admin, "{\"name\":\"  " + name + "  \",\"memberIds\":[\"" + agent.id() + "\"]}");
    created
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("name", equalTo(name))
        .body("memberIds", equalTo(List.of(agent.id())))
        .body("version", equalTo(1));
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/groups/" + id);

    agent.request().get("/api/v1/groups/" + id).then().statusCode(200).body("name", equalTo(name));
    assertThat(agent.request().get("/api/v1/groups").jsonPath().getList("items.id", String.class))
        .contains(id);
    assertThat(customer.request().get("/api/v1/groups").statusCode()).isEqualTo(403);
    assertThat(customer.request().get("/api/v1/groups/" + id).statusCode()).isEqualTo(403);
    assertThat(create(agent.token(), "{\"name\":\"" + unique("Agents") + "\"}").statusCode())
        .isEqualTo(403);
    assertThat(Api.json(agent.token()).body("{}").patch("/api/v1/groups/" + id).statusCode())
        .isEqualTo(403);

    String renamed = unique("Invoices");
    Api.json(admin)
        .header("If-Match", "\"1\"")
        .body("{\"name\":\"" + renamed + "\",\"memberIds\":[\"" + otherAgent.id() + "\"]}")
        .patch("/api/v1/groups/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("name", equalTo(renamed))
        .body("memberIds", equalTo(List.of(otherAgent.id())));
    assertThat(
            Api.json(admin)
                .header("If-Match", "\"1\"")
                .body("{\"name\":\"x\"}")
                .patch("/api/v1/groups/" + id)
                .statusCode())
        .isEqualTo(412);

    assertThat(Api.as(admin).delete("/api/v1/groups/" + id).statusCode()).isEqualTo(204);
    assertThat(agent.request().get("/api/v1/groups/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void names_are_unique_ignoring_case_and_each_refusal_names_its_field() {
    String name = unique("Network");
    create(admin, "{\"name\":\"" + name + "\"}").then().statusCode(201);
    assertRefused(create(admin, "{\"name\":\"" + name.toUpperCase() + "\"}"), 409, null);

    assertRefused(create(admin, "{\"name\":\"   \"}"), 422, "name");
    assertRefused(create(admin, "{\"name\":\"" + "x".repeat(61) + "\"}"), 422, "name");
    assertRefused(create(admin, "{\"memberIds\":[]}"), 422, "name");
    assertRefused(
        create(
            admin,
            "{\"name\":\""
                + unique("With customer")
                + "\",\"memberIds\":[\""
                + customer.id()
                + "\"]}"),
        422,
        "memberIds");
    assertRefused(
        create(
            admin,
            "{\"name\":\""
                + unique("With nobody")
                + "\",\"memberIds\":[\""
                + UUID.randomUUID()
                + "\"]}"),
        422,
        "memberIds");
    assertRefused(
        create(admin, "{\"name\":\"" + unique("Bad id") + "\",\"memberIds\":[\"nope\"]}"),
        422,
        "memberIds");
  }

  @Test
  void a_group_tickets_or_categories_refer_to_cannot_be_deleted() {
    String team = group(agent.id());
    String ticket = Api.newTicket(customer.token());
    edit(agent.token(), ticket, "{\"groupId\":\"" + team + "\"}").then().statusCode(200);
    assertRefused(Api.as(admin).delete("/api/v1/groups/" + team), 409, null);

    edit(agent.token(), ticket, "{\"groupId\":null}")
        .then()
        .statusCode(200)
        .body("groupId", nullValue());
    assertThat(Api.as(admin).delete("/api/v1/groups/" + team).statusCode()).isEqualTo(204);
  }

  @Test
  void a_ticket_is_given_a_group_shows_it_to_staff_and_the_change_is_a_staff_only_event() {
    String team = group(agent.id());
    String ticket = Api.newTicket(customer.token());

    assertRefused(edit(customer.token(), ticket, "{\"groupId\":\"" + team + "\"}"), 403, null);
    assertRefused(
        edit(agent.token(), ticket, "{\"groupId\":\"" + UUID.randomUUID() + "\"}"), 422, "groupId");
    assertRefused(edit(agent.token(), ticket, "{\"groupId\":\"nope\"}"), 422, "groupId");

    edit(agent.token(), ticket, "{\"groupId\":\"" + team + "\"}")
        .then()
        .statusCode(200)
        .body("groupId", equalTo(team));
    agent.request().get("/api/v1/tickets/" + ticket).then().body("groupId", equalTo(team));
    customer.request().get("/api/v1/tickets/" + ticket).then().body("groupId", nullValue());

    List<String> staffSees =
        agent
            .request()
            .get("/api/v1/tickets/" + ticket + "/timeline?limit=100")
            .jsonPath()
            .getList("items.type", String.class);
    assertThat(staffSees).contains("GroupChanged");
    List<String> customerSees =
        customer
            .request()
            .get("/api/v1/tickets/" + ticket + "/timeline?limit=100")
            .jsonPath()
            .getList("items.type", String.class);
    assertThat(customerSees).isNotEmpty().doesNotContain("GroupChanged");
  }

  @Test
  void staff_open_tickets_in_a_group_and_customers_may_not_choose_one() {
    String team = group(agent.id());
    Response opened =
        Api.json(agent.token())
            .body(
                "{\"title\":\"VPN drops\",\"description\":\"Hourly.\",\"groupId\":\""
                    + team
                    + "\"}")
            .post("/api/v1/tickets");
    opened.then().statusCode(201).body("groupId", equalTo(team));
    assertRefused(
        Api.json(customer.token())
            .body(
                "{\"title\":\"VPN drops\",\"description\":\"Hourly.\",\"groupId\":\""
                    + team
                    + "\"}")
            .post("/api/v1/tickets"),
        403,
        null);
    assertRefused(
        Api.json(agent.token())
            .body(
                "{\"title\":\"VPN drops\",\"description\":\"Hourly.\",\"groupId\":\""
                    + UUID.randomUUID()
                    + "\"}")
            .post("/api/v1/tickets"),
        422,
        "groupId");
  }

  @Test
  void a_categorys_default_group_applies_when_the_creator_names_none() {
    String team = group(agent.id());
    String category = unique("Printers");
    Api.json(admin)
        .body("{\"name\":\"" + category + "\",\"defaultGroupId\":\"" + team + "\"}")
        .post("/api/v1/categories")
        .then()
        .statusCode(201);
    assertRefused(
        Api.json(admin)
            .body(
                "{\"name\":\""
                    + unique("Nowhere")
                    + "\",\"defaultGroupId\":\""
                    + UUID.randomUUID()
                    + "\"}")
            .post("/api/v1/categories"),
        422,
        "defaultGroupId");

    Api.json(customer.token())
        .body(
            "{\"title\":\"Paper jam\",\"description\":\"Again.\",\"category\":\""
                + category
                + "\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .body("groupId", nullValue());
    String opened =
        Api.json(customer.token())
            .body(
                "{\"title\":\"Paper jam\",\"description\":\"Again.\",\"category\":\""
                    + category
                    + "\"}")
            .post("/api/v1/tickets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    agent.request().get("/api/v1/tickets/" + opened).then().body("groupId", equalTo(team));
  }

  @Test
  void a_ticket_of_a_group_goes_only_to_a_member_unless_the_same_edit_moves_it_to_theirs() {
    String mine = group(agent.id());
    String theirs = group(otherAgent.id());
    String ticket = Api.newTicket(customer.token());
    edit(admin, ticket, "{\"groupId\":\"" + mine + "\"}").then().statusCode(200);

    Response refused =
        Api.json(admin)
            .body("{\"assigneeId\":\"" + otherAgent.id() + "\"}")
            .put("/api/v1/tickets/" + ticket + "/assignee");
    assertRefused(refused, 409, null);
    assertThat(refused.jsonPath().getString("detail")).contains("not a member");
    assertRefused(edit(admin, ticket, "{\"assigneeId\":\"" + otherAgent.id() + "\"}"), 409, null);

    edit(
            admin,
            ticket,
            "{\"groupId\":\"" + theirs + "\",\"assigneeId\":\"" + otherAgent.id() + "\"}")
        .then()
        .statusCode(200)
        .body("groupId", equalTo(theirs))
        .body("assigneeId", equalTo(otherAgent.id()));

    String free = Api.newTicket(customer.token());
    Api.assign(otherAgent, free, otherAgent.id());
  }

  @Test
  void the_list_filters_by_a_group_by_none_and_by_the_callers_groups() {
    String mine = group(agent.id());
    String theirs = group(otherAgent.id());
    String inMine = Api.newTicket(customer.token());
    String inTheirs = Api.newTicket(customer.token());
    String inNone = Api.newTicket(customer.token());
    edit(admin, inMine, "{\"groupId\":\"" + mine + "\"}").then().statusCode(200);
    edit(admin, inTheirs, "{\"groupId\":\"" + theirs + "\"}").then().statusCode(200);

    assertThat(listed(agent, "group=" + mine)).contains(inMine).doesNotContain(inTheirs, inNone);
    assertThat(listed(agent, "group=mine")).contains(inMine).doesNotContain(inTheirs, inNone);
    assertThat(listed(agent, "group=none")).contains(inNone).doesNotContain(inMine, inTheirs);
    assertThat(listed(agent, "group=" + mine + "&q=Something"))
        .contains(inMine)
        .doesNotContain(inTheirs, inNone);
    Api.User loner = Api.newUser("AGENT");
    assertThat(listed(loner, "group=mine")).isEmpty();
    assertRefused(agent.request().get("/api/v1/tickets?group=theirs"), 400, "group");
  }

  @Test
  void a_locked_group_refuses_a_change_with_field_locked() {
    String team = group(agent.id());
    String ticket = Api.newTicket(customer.token());
    Api.json(admin)
        .body("{\"fields\":[\"groupId\"]}")
        .post("/api/v1/tickets/" + ticket + "/locks")
        .then()
        .statusCode(200);
    Response refused = edit(admin, ticket, "{\"groupId\":\"" + team + "\"}");
    assertRefused(refused, 409, null);
    assertThat(refused.jsonPath().getString("code")).isEqualTo("FIELD_LOCKED");
    agent.request().get("/api/v1/tickets/" + ticket).then().body("groupId", nullValue());
  }

  @Test
  void a_bulk_change_moves_many_tickets_to_a_group_and_out_of_it() {
    String team = group(agent.id());
    String first = Api.newTicket(customer.token());
    String second = Api.newTicket(customer.token());
    Response moved =
        Api.json(agent.token())
            .body(
                "{\"ticketIds\":[\""
                    + first
                    + "\",\""
                    + second
                    + "\"],\"change\":{\"groupId\":\""
                    + team
                    + "\"}}")
            .post("/api/v1/tickets/bulk");
    assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
    assertThat(moved.jsonPath().getList("results.status", Integer.class)).containsOnly(200);
    assertThat(listed(agent, "group=" + team)).contains(first, second);

    Response out =
        Api.json(agent.token())
            .body("{\"ticketIds\":[\"" + first + "\"],\"change\":{\"groupId\":null}}")
            .post("/api/v1/tickets/bulk");
    assertThat(out.jsonPath().getList("results.status", Integer.class)).containsOnly(200);
    assertThat(listed(agent, "group=" + team)).contains(second).doesNotContain(first);
  }
}
