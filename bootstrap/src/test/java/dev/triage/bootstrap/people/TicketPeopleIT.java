package dev.triage.bootstrap.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Relay;
import dev.triage.bootstrap.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CCs and followers over HTTP against PostgreSQL, fed by the real outbox relay: a CC reads and
 * replies like the requester everywhere the requester is let in (the ticket, lists, search,
 * comments, timeline, notifications, live events) but changes nothing else, and loses all of it the
 * moment they are removed; followers are staff who hear what the assignee hears.
 */
@QuarkusTest
class TicketPeopleIT {

  private static final Duration SOON = Duration.ofSeconds(10);

  @Inject OutboxRelay relay;
  @Inject Pool pool;

  private Api.User requester;
  private Api.User cc;
  private Api.User stranger;
  private Api.User agent;
  private Api.User follower;

  @BeforeEach
  void people() {
    requester = Api.newUser("CUSTOMER");
    cc = Api.newUser("CUSTOMER");
    stranger = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
    follower = Api.newUser("AGENT");
  }

  private void relayed() throws Throwable {
    Relay.publishAll(pool, relay);
  }

  private static Response addCc(Api.User who, String ticket, String body) {
    return Api.json(who.token()).body(body).post("/api/v1/tickets/" + ticket + "/ccs");
  }

  private static Response addCc(Api.User who, String ticket, Api.User whom) {
    return addCc(who, ticket, "{\"userId\":\"" + whom.id() + "\"}");
  }

  private static Response removeCc(Api.User who, String ticket, Api.User whom) {
    return who.request().delete("/api/v1/tickets/" + ticket + "/ccs/" + whom.id());
  }

  private static Response follow(Api.User who, String ticket, Api.User whom) {
    return Api.json(who.token())
        .body("{\"userId\":\"" + whom.id() + "\"}")
        .post("/api/v1/tickets/" + ticket + "/followers");
  }

  private static List<String> listed(Api.User who, String query) {
    Response r = who.request().get("/api/v1/tickets?limit=100&" + query);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.id", String.class);
  }

  private static int status(Api.User who, String path) {
    return who.request().get(path).statusCode();
  }

  /** The kinds of {@code who}'s notifications about {@code ticket}. */
  @SuppressWarnings("unchecked")
  private static List<Object> notified(Api.User who, String ticket) {
    Response page = who.request().queryParam("limit", 100).get("/api/v1/notifications");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    List<Map<String, Object>> items = page.jsonPath().getList("items");
    return items.stream()
        .filter(n -> ticket.equals(((Map<String, Object>) n.get("ticket")).get("id")))
        .map(n -> n.get("kind"))
        .toList();
  }

  private static String url(String path) {
    return "http://localhost:" + RestAssured.port + path;
  }

  @Test
  void a_cc_reads_and_replies_but_changes_nothing_and_loses_access_everywhere_once_removed()
      throws Throwable {
    String word = "cc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String ticket =
        Api.newTicket(requester.token(), "Printer " + word + " jammed", "It jams.", null);
    String own = Api.newTicket(cc.token());
    assertThat(status(cc, "/api/v1/tickets/" + ticket)).isEqualTo(404);

    Response added = addCc(requester, ticket, cc);
    assertThat(added.statusCode()).as(added.asString()).isEqualTo(200);
    assertThat(added.jsonPath().getList("ccIds", String.class)).containsExactly(cc.id());
    assertThat(added.jsonPath().getList("followerIds")).as("staff only").isNull();
    assertThat(added.header("ETag")).isEqualTo("\"2\"");
    // Adding them again changes nothing.
    assertThat(addCc(agent, ticket, cc).jsonPath().getInt("version")).isEqualTo(2);

    // Everywhere the requester is let in.
    assertThat(status(cc, "/api/v1/tickets/" + ticket)).isEqualTo(200);
    assertThat(status(cc, "/api/v1/tickets/" + ticket + "/comments")).isEqualTo(200);
    Response timeline = cc.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(timeline.jsonPath().getList("items.type", String.class))
        .contains("TicketCreated", "ParticipantAdded");
    assertThat(listed(cc, "cc=me")).containsExactly(ticket);
    assertThat(listed(cc, "")).contains(ticket, own);
    assertThat(listed(cc, "q=" + word)).containsExactly(ticket);
    assertThat(listed(agent, "cc=" + cc.id())).containsExactly(ticket);
    assertThat(listed(stranger, "q=" + word)).isEmpty();

    // A public reply, nothing more.
    Api.comment(cc, ticket, "Same here", false);
    assertThat(
            Api.json(cc.token())
                .body("{\"body\":\"psst\",\"internal\":true}")
                .post("/api/v1/tickets/" + ticket + "/comments")
                .statusCode())
        .isEqualTo(403);
    Api.move(agent, ticket, "IN_PROGRESS");
    Api.move(agent, ticket, "RESOLVED");
    Response close =
        Api.json(cc.token())
            .body("{\"status\":\"CLOSED\"}")
            .post("/api/v1/tickets/" + ticket + "/status");
    assertThat(close.statusCode()).as(close.asString()).isEqualTo(409);
    Response edit =
        Api.json(cc.token()).body("{\"title\":\"Mine now\"}").patch("/api/v1/tickets/" + ticket);
    assertThat(edit.statusCode()).as(edit.asString()).isEqualTo(403);
    assertThat(addCc(cc, ticket, stranger).statusCode()).isEqualTo(403);

    // Notifications and live events, as the requester gets them.
    Api.assign(agent, ticket, agent.id());
    Api.comment(agent, ticket, "Fixed the roller", false);
    relayed();
    assertThat(notified(cc, ticket)).contains("REPLY", "STATUS_CHANGED");
    try (SseClient stream = SseClient.open(url("/api/v1/events"), cc.token(), null)) {
      Api.comment(agent, ticket, "Anything else?", false);
      stream.next(e -> "CommentAdded".equals(e.name()) && e.data().contains(ticket), SOON);

      Response removed = removeCc(agent, ticket, cc);
      assertThat(removed.statusCode()).as(removed.asString()).isEqualTo(200);
      assertThat(removed.jsonPath().getList("ccIds")).isEmpty();
      // The next event of the ticket no longer reaches them; one of their own still does.
      Api.comment(agent, ticket, "Not for the former CC", false);
      Api.comment(cc, own, "Still here", false);
      List<SseClient.Event> before = new ArrayList<>();
      stream.next(
          e -> {
            before.add(e);
            return "CommentAdded".equals(e.name()) && e.data().contains(own);
          },
          SOON);
      assertThat(before).noneMatch(e -> e.data().contains(ticket));
    }

    assertThat(status(cc, "/api/v1/tickets/" + ticket)).isEqualTo(404);
    assertThat(status(cc, "/api/v1/tickets/" + ticket + "/comments")).isEqualTo(404);
    assertThat(status(cc, "/api/v1/tickets/" + ticket + "/timeline")).isEqualTo(404);
    assertThat(listed(cc, "cc=me")).isEmpty();
    assertThat(listed(cc, "q=" + word)).isEmpty();
    assertThat(listed(cc, "")).containsExactly(own);
    relayed();
    assertThat(notified(cc, ticket)).isEmpty();
    assertThat(
            Api.json(cc.token())
                .body("{\"body\":\"Hello?\",\"internal\":false}")
                .post("/api/v1/tickets/" + ticket + "/comments")
                .statusCode())
        .isEqualTo(404);
    assertThat(notified(requester, ticket)).contains("REPLY");
  }

  @Test
  void a_cc_named_by_email_gets_an_account_that_cannot_sign_in_and_may_leave_themself() {
    String ticket = Api.newTicket(requester.token());
    String email = "cc-" + UUID.randomUUID() + "@example.com";
    String body = "{\"email\":\"" + email + "\",\"displayName\":\"Ada Copied\"}";

    Response added = addCc(agent, ticket, body);
    assertThat(added.statusCode()).as(added.asString()).isEqualTo(200);
    List<String> ccs = added.jsonPath().getList("ccIds", String.class);
    assertThat(ccs).hasSize(1);
    // The same e-mail again is the same account, and no change.
    Response again = addCc(requester, ticket, body);
    assertThat(again.jsonPath().getList("ccIds", String.class)).isEqualTo(ccs);
    assertThat(again.jsonPath().getInt("version")).isEqualTo(added.jsonPath().getInt("version"));
    assertThat(Api.loginAnswer(email, "").statusCode()).isIn(400, 401, 422);
    assertThat(Api.loginAnswer(email, Api.PASSWORD).statusCode()).isEqualTo(401);

    // An existing customer's e-mail names them.
    Response byEmail =
        addCc(requester, ticket, "{\"email\":\"" + cc.email() + "\",\"displayName\":\"x\"}");
    assertThat(byEmail.jsonPath().getList("ccIds", String.class))
        .containsExactly(ccs.getFirst(), cc.id());
    Response left = removeCc(cc, ticket, cc);
    assertThat(left.statusCode()).as(left.asString()).isEqualTo(200);
    assertThat(left.jsonPath().getList("ccIds", String.class)).containsExactly(ccs.getFirst());
    assertThat(removeCc(agent, ticket, cc).statusCode()).isEqualTo(404);
  }

  @Test
  void refusals_name_the_field_and_hide_tickets_out_of_sight() {
    String ticket = Api.newTicket(requester.token());
    assertThat(addCc(requester, ticket, requester).statusCode()).isEqualTo(422);
    Response staff = addCc(requester, ticket, agent);
    assertThat(staff.statusCode()).isEqualTo(422);
    assertThat(staff.contentType()).startsWith("application/problem+json");
    assertThat(staff.asString()).contains("userId");
    assertThat(addCc(requester, ticket, "{}").asString()).contains("userId");
    Response both =
        addCc(requester, ticket, "{\"userId\":\"" + cc.id() + "\",\"email\":\"a@b.example\"}");
    assertThat(both.statusCode()).isEqualTo(422);
    assertThat(
            addCc(requester, ticket, "{\"email\":\"nobody-" + UUID.randomUUID() + "@x.example\"}")
                .asString())
        .contains("displayName");
    assertThat(addCc(requester, ticket, "{\"userId\":\"not-an-id\"}").statusCode()).isEqualTo(422);
    assertThat(addCc(stranger, ticket, cc).statusCode()).isEqualTo(404);
    assertThat(
            stranger.request().delete("/api/v1/tickets/" + ticket + "/ccs/not-an-id").statusCode())
        .isEqualTo(422);
    assertThat(removeCc(requester, ticket, cc).statusCode()).isEqualTo(404);
  }

  @Test
  void followers_are_staff_who_hear_what_the_assignee_hears() throws Throwable {
    String ticket = Api.newTicket(requester.token());
    assertThat(follow(requester, ticket, follower).statusCode()).isEqualTo(403);
    assertThat(follow(agent, ticket, cc).statusCode()).isEqualTo(422);

    Response followed = follow(agent, ticket, follower);
    assertThat(followed.statusCode()).as(followed.asString()).isEqualTo(200);
    assertThat(followed.jsonPath().getList("followerIds", String.class))
        .containsExactly(follower.id());
    Response seenByRequester = requester.request().get("/api/v1/tickets/" + ticket);
    assertThat(seenByRequester.jsonPath().getList("followerIds")).isNull();
    assertThat(
            requester
                .request()
                .get("/api/v1/tickets/" + ticket + "/timeline?limit=100")
                .jsonPath()
                .getList("items.type", String.class))
        .as("following is staff business")
        .doesNotContain("ParticipantAdded");

    Api.comment(requester, ticket, "Any news?", false);
    Api.comment(agent, ticket, "Looking", true);
    relayed();
    assertThat(notified(follower, ticket)).contains("REPLY", "INTERNAL_NOTE");

    Response stopped =
        agent.request().delete("/api/v1/tickets/" + ticket + "/followers/" + follower.id());
    assertThat(stopped.statusCode()).as(stopped.asString()).isEqualTo(200);
    assertThat(stopped.jsonPath().getList("followerIds")).isEmpty();
    assertThat(
            agent
                .request()
                .delete("/api/v1/tickets/" + ticket + "/followers/" + follower.id())
                .statusCode())
        .isEqualTo(404);
  }
}
