package dev.triage.bootstrap.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Relay;
import dev.triage.bootstrap.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent restricted to their groups (ADR 19) sees only the tickets of their groups, the same way
 * everywhere: one ticket, the list, search, the overdue list, comments, the timeline, the inbox and
 * its count, commands and the live stream. Lifting the restriction, or adding them to the group,
 * gives access at once on this replica.
 */
@QuarkusTest
class RestrictedAgentIT {

  private static final Duration SOON = Duration.ofSeconds(10);

  @Inject Pool pool;
  @Inject OutboxRelay relay;

  private String admin;
  private Api.User adminUser;
  private Api.User restricted;
  private Api.User customer;
  private String ours;
  private String others;
  private String word;

  @BeforeEach
  void setUp() {
    admin = Api.adminToken();
    String adminId = Api.as(admin).get("/api/v1/me").then().statusCode(200).extract().path("id");
    adminUser = new Api.User(adminId, Api.ADMIN_EMAIL, admin);
    restricted = Api.newUser("AGENT");
    customer = Api.newUser("CUSTOMER");
    ours = group(restricted.id());
    others = group();
    word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Response flagged =
        Api.json(admin)
            .body("{\"restrictedToGroups\":true}")
            .patch("/api/v1/users/" + restricted.id());
    assertThat(flagged.statusCode()).as(flagged.asString()).isEqualTo(200);
    flagged.then().body("restrictedToGroups", equalTo(true));
  }

  private String group(String... members) {
    String ids = members.length == 0 ? "" : "\"" + String.join("\",\"", members) + "\"";
    return Api.json(admin)
        .body("{\"name\":\"Team " + UUID.randomUUID() + "\",\"memberIds\":[" + ids + "]}")
        .post("/api/v1/groups")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A customer's ticket with the run's word in its title, put in {@code group} (null: none). */
  private String ticket(String group) {
    String id = Api.newTicket(customer.token(), "Printer " + word, "It jams.", null);
    if (group != null) {
      move(id, group);
    }
    return id;
  }

  private void move(String ticket, String group) {
    Api.json(admin)
        .body("{\"groupId\":\"" + group + "\"}")
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200);
  }

  private List<String> listed(String path) {
    Response r = restricted.request().get(path);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.id", String.class);
  }

  private int status(String path) {
    return restricted.request().get(path).statusCode();
  }

  private void overdue(String ticket) {
    pool.preparedQuery("update tickets set sla_due_at = now() - interval '1 hour' where id = $1")
        .execute(Tuple.of(UUID.fromString(ticket)))
        .await()
        .atMost(SOON);
  }

  @SuppressWarnings("unchecked")
  private List<String> inboxTickets() {
    Response page = restricted.request().queryParam("limit", 100).get("/api/v1/notifications");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    List<String> tickets = new ArrayList<>();
    for (Map<String, Object> n : page.jsonPath().<Map<String, Object>>getList("items")) {
      tickets.add((String) ((Map<String, Object>) n.get("ticket")).get("id"));
    }
    return tickets;
  }

  private static String url(String path) {
    return "http://localhost:" + RestAssured.port + path;
  }

  @Test
  void a_restricted_agent_never_sees_another_groups_ticket_anywhere() throws Throwable {
    try (SseClient stream = SseClient.open(url("/api/v1/events"), restricted.token(), null)) {
      String mine = ticket(ours);
      String theirs = ticket(others);
      String none = ticket(null);
      // Given to the agent while in their group, then moved to the other: told of it, not shown.
      String moved = ticket(ours);
      Api.assign(adminUser, mine, restricted.id());
      Api.assign(adminUser, moved, restricted.id());
      move(moved, others);
      Api.comment(adminUser, theirs, "Note on " + word, true);
      Api.comment(adminUser, mine, "Reply on " + word, false);
      for (String t : List.of(mine, theirs, none, moved)) {
        overdue(t);
      }

      // One ticket, its comments and timeline, a command: 404 out of their groups.
      assertThat(status("/api/v1/tickets/" + mine)).isEqualTo(200);
      for (String hidden : List.of(theirs, none, moved)) {
        assertThat(status("/api/v1/tickets/" + hidden)).isEqualTo(404);
        assertThat(status("/api/v1/tickets/" + hidden + "/comments")).isEqualTo(404);
        assertThat(status("/api/v1/tickets/" + hidden + "/timeline")).isEqualTo(404);
        Response command =
            Api.json(restricted.token())
                .body("{\"body\":\"Let me in\",\"internal\":true}")
                .post("/api/v1/tickets/" + hidden + "/comments");
        assertThat(command.statusCode()).as(command.asString()).isEqualTo(404);
      }
      assertThat(status("/api/v1/tickets/" + mine + "/comments")).isEqualTo(200);
      assertThat(status("/api/v1/tickets/" + mine + "/timeline")).isEqualTo(200);

      // The list, search and the overdue list.
      assertThat(listed("/api/v1/tickets?limit=100"))
          .contains(mine)
          .doesNotContain(theirs, none, moved);
      assertThat(listed("/api/v1/tickets?limit=100&q=" + word)).containsExactly(mine);
      assertThat(listed("/api/v1/tickets?limit=100&group=" + others)).isEmpty();
      assertThat(listed("/api/v1/tickets?limit=100&group=none")).isEmpty();
      assertThat(listed("/api/v1/tickets/overdue?limit=100"))
          .contains(mine)
          .doesNotContain(theirs, none, moved);

      // The inbox and its count: told of both assignments, shown only the one in their group.
      Relay.publishAll(pool, relay);
      assertThat(inboxTickets()).contains(mine).doesNotContain(theirs, none, moved);
      long unread = Api.unread(restricted);
      assertThat(unread).isEqualTo(inboxTickets().size());

      // The live stream: the reply on their ticket comes after everything of the others (the
      // moved one was theirs for a while, so its early events may have been shown).
      stream.next(e -> "CommentAdded".equals(e.name()) && e.data().contains(mine), SOON);
      List<SseClient.Event> seen = stream.drained();
      assertThat(seen).noneMatch(e -> e.data().contains(theirs) || e.data().contains(none));
    }
  }

  @Test
  void lifting_the_restriction_or_joining_the_group_gives_access_at_once() {
    String theirs = ticket(others);
    assertThat(status("/api/v1/tickets/" + theirs)).isEqualTo(404);

    Api.json(admin)
        .body("{\"memberIds\":[\"" + restricted.id() + "\"]}")
        .patch("/api/v1/groups/" + others)
        .then()
        .statusCode(200);
    assertThat(status("/api/v1/tickets/" + theirs)).isEqualTo(200);
    assertThat(listed("/api/v1/tickets?limit=100&group=mine")).contains(theirs);

    Api.json(admin)
        .body("{\"memberIds\":[]}")
        .patch("/api/v1/groups/" + others)
        .then()
        .statusCode(200);
    assertThat(status("/api/v1/tickets/" + theirs)).isEqualTo(404);

    Api.json(admin)
        .body("{\"restrictedToGroups\":false}")
        .patch("/api/v1/users/" + restricted.id())
        .then()
        .statusCode(200)
        .body("restrictedToGroups", equalTo(false));
    assertThat(status("/api/v1/tickets/" + theirs)).isEqualTo(200);
    String none = ticket(null);
    assertThat(status("/api/v1/tickets/" + none)).isEqualTo(200);
  }
}
