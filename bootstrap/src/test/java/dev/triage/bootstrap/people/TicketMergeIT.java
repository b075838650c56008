package dev.triage.bootstrap.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Relay;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Merging over HTTP against PostgreSQL: the source's conversation (authors, times, visibility),
 * requester, CCs and followers go to the target, the source is closed with a link and a public
 * note, both requesters hear of it, each ticket has its audit entry; the refusals; and two merges
 * that cross, many times at once, always end with one done and one refused, never a deadlock or
 * half a merge.
 */
@QuarkusTest
class TicketMergeIT {

  private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(8);

  @Inject OutboxRelay relay;
  @Inject Pool pool;
  @Inject DataSource dataSource;

  private Api.User requester;
  private Api.User other;
  private Api.User copied;
  private Api.User agent;
  private Api.User follower;

  @BeforeEach
  void people() {
    requester = Api.newUser("CUSTOMER");
    other = Api.newUser("CUSTOMER");
    copied = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
    follower = Api.newUser("AGENT");
  }

  @AfterAll
  static void stopClients() {
    CLIENTS.shutdownNow();
  }

  private static Response merge(Api.User who, String source, String target) {
    return Api.json(who.token())
        .body(target == null ? "{}" : "{\"targetId\":\"" + target + "\"}")
        .post("/api/v1/tickets/" + source + "/merge");
  }

  private static List<Map<String, Object>> comments(Api.User who, String ticket) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/comments?limit=100");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items");
  }

  private static List<String> timeline(Api.User who, String ticket) {
    Response page = who.request().get("/api/v1/tickets/" + ticket + "/timeline?limit=100");
    assertThat(page.statusCode()).isEqualTo(200);
    return page.jsonPath().getList("items.type", String.class);
  }

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

  @Test
  void the_conversation_and_the_people_go_to_the_target_and_the_source_is_closed_with_a_note()
      throws Throwable {
    String source = Api.newTicket(requester.token(), "Printer jams", "Tray 2.", null);
    String target = Api.newTicket(other.token(), "Printers on floor 3", "All of them.", null);
    Api.assign(agent, target, agent.id());
    Api.comment(requester, source, "Still jamming", false);
    Api.comment(agent, source, "Looks like the roller", false);
    Api.comment(agent, source, "Same as the floor 3 one", true);
    assertThat(
            Api.json(agent.token())
                .body("{\"userId\":\"" + copied.id() + "\"}")
                .post("/api/v1/tickets/" + source + "/ccs")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Api.json(agent.token())
                .body("{\"userId\":\"" + follower.id() + "\"}")
                .post("/api/v1/tickets/" + source + "/followers")
                .statusCode())
        .isEqualTo(200);
    List<Map<String, Object>> before = comments(agent, source);
    int targetHad = comments(agent, target).size();

    Response merged = merge(agent, source, target);
    assertThat(merged.statusCode()).as(merged.asString()).isEqualTo(200);
    assertThat((String) merged.path("status")).isEqualTo("CLOSED");
    assertThat((String) merged.path("mergedIntoId")).isEqualTo(target);
    assertThat(
            (String)
                Api.as(requester.token()).get("/api/v1/tickets/" + source).path("mergedIntoId"))
        .isEqualTo(target);

    // The target's conversation holds the source's comments as they were written.
    List<Map<String, Object>> after = comments(agent, target);
    assertThat(after).hasSize(targetHad + before.size());
    for (Map<String, Object> c : before) {
      assertThat(after)
          .anySatisfy(
              a -> {
                assertThat(a.get("body")).isEqualTo(c.get("body"));
                assertThat(a.get("authorId")).isEqualTo(c.get("authorId"));
                assertThat(a.get("createdAt")).isEqualTo(c.get("createdAt"));
                assertThat(a.get("internal")).isEqualTo(c.get("internal"));
                assertThat(a.get("ticketId")).isEqualTo(target);
              });
    }
    // The people: the source's requester (a CC now), its CC and its follower.
    Response t = agent.request().get("/api/v1/tickets/" + target);
    assertThat(t.jsonPath().getList("ccIds", String.class))
        .containsExactly(requester.id(), copied.id());
    assertThat(t.jsonPath().getList("followerIds", String.class)).contains(follower.id());
    // The source's requester reads the target and the public part of the conversation.
    List<Object> bodies = comments(requester, target).stream().map(c -> c.get("body")).toList();
    assertThat(bodies).contains("Still jamming", "Looks like the roller");
    assertThat(bodies).doesNotContain("Same as the floor 3 one");

    // The source: a public note naming the target, links both ways, events in the timelines.
    String targetNumber = t.path("number");
    assertThat(comments(requester, source))
        .last()
        .satisfies(c -> assertThat((String) c.get("body")).contains(targetNumber));
    assertThat(
            agent.request().get("/api/v1/tickets/" + source + "/links").jsonPath().getList("items"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(((Map<?, ?>) l).get("type")).isEqualTo("MERGED_INTO");
              assertThat(((Map<?, ?>) l).get("ticketId")).isEqualTo(target);
            });
    Response targetLinks = agent.request().get("/api/v1/tickets/" + target + "/links");
    assertThat(targetLinks.jsonPath().getList("items.type", String.class))
        .containsExactly("MERGED_FROM");
    String linkId = targetLinks.jsonPath().getString("items[0].id");
    assertThat(
            agent.request().delete("/api/v1/tickets/" + target + "/links/" + linkId).statusCode())
        .as("a merge is not undone")
        .isEqualTo(409);
    assertThat(timeline(requester, source)).contains("TicketMerged", "TicketClosed");
    assertThat(timeline(other, target)).contains("TicketMergedFrom");

    // Both requesters hear of it; each ticket has its audit entry.
    Relay.publishAll(pool, relay);
    assertThat(notified(requester, source)).contains("MERGED");
    assertThat(notified(other, target)).contains("MERGED");
    assertThat(auditEntries(source)).isEqualTo(1);
    assertThat(auditEntries(target)).isEqualTo(1);
  }

  @Test
  void merges_into_itself_a_closed_or_a_merged_ticket_are_conflicts() {
    String a = Api.newTicket(requester.token());
    String b = Api.newTicket(requester.token());
    String c = Api.newTicket(requester.token());
    String closed = Api.newTicket(requester.token());
    Api.move(requester, closed, "CLOSED");

    assertThat(merge(agent, a, a).statusCode()).isEqualTo(409);
    Response intoClosed = merge(agent, a, closed);
    assertThat(intoClosed.statusCode()).as(intoClosed.asString()).isEqualTo(409);
    assertThat(intoClosed.contentType()).startsWith("application/problem+json");
    assertThat(merge(agent, closed, a).statusCode()).isEqualTo(409);
    assertThat(merge(requester, a, b).statusCode()).isEqualTo(403);
    assertThat(merge(agent, a, null).jsonPath().getMap("errors")).containsKey("targetId");
    assertThat(merge(agent, a, UUID.randomUUID().toString()).statusCode()).isEqualTo(422);
    assertThat(merge(agent, UUID.randomUUID().toString(), a).statusCode()).isEqualTo(404);
    assertThat(merge(other, a, b).statusCode()).isEqualTo(403);

    assertThat(merge(agent, a, b).statusCode()).isEqualTo(200);
    assertThat(merge(agent, a, c).statusCode()).as("a merged source").isEqualTo(409);
    assertThat(merge(agent, c, a).statusCode()).as("into a merged ticket").isEqualTo(409);
    Response version =
        Api.json(agent.token())
            .header("If-Match", "\"7\"")
            .body("{\"targetId\":\"" + b + "\"}")
            .post("/api/v1/tickets/" + c + "/merge");
    assertThat(version.statusCode()).isEqualTo(412);
  }

  @Test
  void two_merges_crossing_end_with_one_done_and_one_refused_every_time() throws Exception {
    int pairs = 24;
    List<String[]> tickets = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      String a = Api.newTicket(requester.token());
      String b = Api.newTicket(other.token());
      Api.comment(requester, a, "From a", false);
      Api.comment(other, b, "From b", false);
      tickets.add(new String[] {a, b});
    }
    // Four pairs at a time, both directions of a pair released together.
    for (int round = 0; round < pairs; round += 4) {
      List<Future<Integer>> answers = new ArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      for (String[] pair : tickets.subList(round, round + 4)) {
        answers.add(
            CLIENTS.submit(
                () -> {
                  go.await();
                  return merge(agent, pair[0], pair[1]).statusCode();
                }));
        answers.add(
            CLIENTS.submit(
                () -> {
                  go.await();
                  return merge(agent, pair[1], pair[0]).statusCode();
                }));
      }
      go.countDown();
      for (int i = 0; i < answers.size(); i += 2) {
        String[] pair = tickets.get(round + i / 2);
        List<Integer> statuses = List.of(answers.get(i).get(), answers.get(i + 1).get());
        assertThat(statuses).as("a→b, b→a").containsExactlyInAnyOrder(200, 409);
        String source = statuses.get(0) == 200 ? pair[0] : pair[1];
        String target = source.equals(pair[0]) ? pair[1] : pair[0];
        Response s = agent.request().get("/api/v1/tickets/" + source);
        Response t = agent.request().get("/api/v1/tickets/" + target);
        assertThat((String) s.path("mergedIntoId")).isEqualTo(target);
        assertThat((String) s.path("status")).isEqualTo("CLOSED");
        assertThat((Object) t.path("mergedIntoId")).isNull();
        assertThat((String) t.path("status")).isNotEqualTo("CLOSED");
        // Whole: the target holds both comments once; the source its own and the note.
        assertThat(comments(agent, target))
            .extracting(c -> c.get("body"))
            .containsExactlyInAnyOrder("From a", "From b");
        assertThat(comments(agent, source)).hasSize(2);
      }
    }
  }

  private long auditEntries(String ticket) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from audit_log where entity_id = ? and action = 'MergeTicket'")) {
      s.setString(1, ticket);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
