package dev.triage.bootstrap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.out.notification.NotificationConsumer;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.adapters.out.relay.RelayedEvent;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Relay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-app inbox over HTTP, fed by the real outbox relay: who is told of what, that a customer
 * never hears of an internal event, read marks, the unread count, pages, and someone else's
 * notification answered as missing. Instead of waiting for the relay's timer, each test runs it to
 * the end with {@link OutboxRelay#drain()}.
 */
@QuarkusTest
class NotificationsIT {

  private static final String PROBLEM = "application/problem+json";

  @Inject OutboxRelay relay;
  @Inject NotificationConsumer consumer;
  @Inject Pool pool;
  @Inject ObjectMapper json;

  /** Publishes every event committed so far. */
  private void relayed() throws Throwable {
    Relay.publishAll(pool, relay);
  }

  // ---------------------------------------------------------------- helpers over the API

  private static String open(Api.User customer) {
    return Api.newTicket(customer.token());
  }

  private static Api.User admin() {
    String token = Api.adminToken();
    String id = Api.as(token).get("/api/v1/me").then().statusCode(200).extract().path("id");
    return new Api.User(id, Api.ADMIN_EMAIL, token);
  }

  /** The caller's whole inbox (or the unread part), every page. */
  private static List<Map<String, Object>> inbox(Api.User who, boolean unreadOnly) {
    List<Map<String, Object>> items = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          who.request()
              .queryParam("limit", 100)
              .queryParam("unread", unreadOnly)
              .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
              .get("/api/v1/notifications");
      assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
      items.addAll(page.jsonPath().getList("items"));
      cursor = page.path("nextCursor");
    } while (cursor != null);
    return items;
  }

  private static List<Map<String, Object>> about(Api.User who, String ticket) {
    return inbox(who, false).stream().filter(n -> onTicket(n, ticket)).toList();
  }

  @SuppressWarnings("unchecked")
  private static boolean onTicket(Map<String, Object> notification, String ticket) {
    return ticket.equals(((Map<String, Object>) notification.get("ticket")).get("id"));
  }

  private static List<Object> kinds(List<Map<String, Object>> notifications) {
    return notifications.stream().map(n -> n.get("kind")).toList();
  }

  // ---------------------------------------------------------------- who is told

  @Test
  void an_agent_assigned_to_a_customers_ticket_is_told_and_the_customer_is_not() throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    Api.User admin = admin();
    String ticket = open(customer);
    String number =
        customer.request().get("/api/v1/tickets/" + ticket).then().extract().path("number");
    Api.assign(admin, ticket, agent.id());
    relayed();

    List<Map<String, Object>> told = about(agent, ticket);
    assertThat(told).hasSize(1);
    Map<String, Object> n = told.getFirst();
    assertThat(n)
        .containsEntry("kind", "ASSIGNED_TO_YOU")
        .containsEntry("eventType", "TicketAssigned")
        .containsEntry("ticket", Map.of("id", ticket, "number", number))
        .containsEntry("actorId", admin.id())
        .containsEntry("read", false)
        .containsEntry("readAt", null);
    assertThat((String) n.get("eventId")).isNotBlank();
    assertThat(Instant.parse((String) n.get("occurredAt"))).isBefore(Instant.now().plusSeconds(1));
    assertThat(about(customer, ticket)).isEmpty();
  }

  @Test
  void a_reassignment_tells_the_agent_who_lost_the_ticket() throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User first = Api.newUser("AGENT");
    Api.User second = Api.newUser("AGENT");
    String ticket = open(customer);
    Api.assign(first, ticket, first.id());
    Api.assign(admin(), ticket, second.id());
    relayed();

    assertThat(kinds(about(first, ticket))).containsExactly("UNASSIGNED");
    assertThat(kinds(about(second, ticket))).containsExactly("ASSIGNED_TO_YOU");
  }

  @Test
  void the_customer_is_told_of_a_public_staff_reply_and_a_status_change() throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = open(customer);
    Api.assign(agent, ticket, agent.id());
    Api.comment(agent, ticket, "We are looking into it", false);
    Api.move(agent, ticket, "IN_PROGRESS");
    relayed();

    List<Map<String, Object>> told = about(customer, ticket);
    assertThat(kinds(told)).containsExactly("STATUS_CHANGED", "REPLY");
    assertThat(told)
        .extracting(n -> n.get("eventType"))
        .containsExactly("StatusChanged", "CommentAdded");
    assertThat(told).allSatisfy(n -> assertThat(n).containsEntry("actorId", agent.id()));
    // the agent did all of it: nothing for the agent
    assertThat(about(agent, ticket)).isEmpty();

    Api.comment(customer, ticket, "Thanks, it still smokes", false);
    relayed();
    assertThat(kinds(about(agent, ticket))).containsExactly("REPLY");
  }

  @Test
  void an_internal_note_reaches_the_assignee_when_another_staff_member_wrote_it_never_the_customer()
      throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User assignee = Api.newUser("AGENT");
    Api.User colleague = Api.newUser("AGENT");
    String ticket = open(customer);
    Api.assign(assignee, ticket, assignee.id());
    Api.comment(colleague, ticket, "Internal: this customer is on the old plan", true);
    Api.comment(assignee, ticket, "Internal: noted", true);
    Api.json(colleague.token())
        .body("{\"reason\":\"waiting too long\"}")
        .post("/api/v1/tickets/" + ticket + "/escalation")
        .then()
        .statusCode(200);
    relayed();

    List<Map<String, Object>> assigneeTold = about(assignee, ticket);
    assertThat(kinds(assigneeTold)).containsExactly("ESCALATED", "INTERNAL_NOTE");
    assertThat(assigneeTold.get(1))
        .containsEntry("eventType", "InternalNoteAdded")
        .containsEntry("actorId", colleague.id());
    assertThat(about(colleague, ticket)).isEmpty();

    Response customerInbox =
        customer.request().queryParam("limit", 100).get("/api/v1/notifications");
    customerInbox.then().statusCode(200);
    assertThat(customerInbox.asString())
        .doesNotContain("InternalNoteAdded")
        .doesNotContain("INTERNAL_NOTE")
        .doesNotContain("TicketEscalated");
    assertThat(about(customer, ticket)).isEmpty();
    assertThat(Api.unread(customer)).isZero();
  }

  // ---------------------------------------------------------------- reading

  @Test
  void the_unread_filter_count_and_read_marks_change_what_the_list_and_count_say()
      throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = open(customer);
    for (int i = 1; i <= 3; i++) {
      Api.comment(agent, ticket, "Reply " + i, false);
    }
    relayed();
    assertThat(Api.unread(customer)).isEqualTo(3);
    List<Map<String, Object>> all = inbox(customer, false);
    assertThat(all).hasSize(3);
    String newest = (String) all.getFirst().get("id");

    customer
        .request()
        .post("/api/v1/notifications/" + newest + "/read")
        .then()
        .statusCode(200)
        .body("id", equalTo(newest))
        .body("read", equalTo(true));
    assertThat(Api.unread(customer)).isEqualTo(2);
    assertThat(inbox(customer, true)).extracting(n -> n.get("id")).doesNotContain(newest);
    Map<String, Object> read = inbox(customer, false).getFirst();
    assertThat(read).containsEntry("id", newest).containsEntry("read", true);
    String readAt = (String) read.get("readAt");
    assertThat(readAt).isNotNull();

    // marking it read again keeps the first reading time
    customer
        .request()
        .post("/api/v1/notifications/" + newest + "/read")
        .then()
        .statusCode(200)
        .body("readAt", equalTo(readAt));

    customer
        .request()
        .post("/api/v1/notifications/" + newest + "/unread")
        .then()
        .statusCode(200)
        .body("read", equalTo(false))
        .body("readAt", equalTo(null));
    assertThat(Api.unread(customer)).isEqualTo(3);
    assertThat(inbox(customer, true)).extracting(n -> n.get("id")).contains(newest);

    customer
        .request()
        .post("/api/v1/notifications/read-all")
        .then()
        .statusCode(200)
        .body("marked", equalTo(3));
    assertThat(Api.unread(customer)).isZero();
    assertThat(inbox(customer, true)).isEmpty();
    assertThat(inbox(customer, false))
        .hasSize(3)
        .allSatisfy(n -> assertThat(n).containsEntry("read", true));

    // every mark is a write, and the audit trail has it
    Api.as(Api.adminToken())
        .queryParam("entityType", "Notification")
        .queryParam("entityId", newest)
        .get("/api/v1/audit-log")
        .then()
        .statusCode(200)
        .body(
            "items.action",
            equalTo(
                List.of("MarkNotificationUnread", "MarkNotificationRead", "MarkNotificationRead")));
  }

  @Test
  void someone_elses_notification_is_answered_404_problem_json_and_left_as_it_was()
      throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = open(customer);
    Api.assign(agent, ticket, agent.id());
    Api.comment(customer, ticket, "Any news?", false);
    relayed();
    String agents = (String) about(agent, ticket).getFirst().get("id");
    long agentUnread = Api.unread(agent);

    for (String action : List.of("read", "unread")) {
      Response refused = customer.request().post("/api/v1/notifications/" + agents + "/" + action);
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.contentType()).startsWith(PROBLEM);
      assertThat(refused.<String>path("code")).isEqualTo("NOT_FOUND");
      assertThat(refused.asString()).doesNotContain(agent.id());
    }
    Response missing =
        customer.request().post("/api/v1/notifications/" + UUID.randomUUID() + "/read");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith(PROBLEM);
    Response garbage = customer.request().post("/api/v1/notifications/not-an-id/read");
    assertThat(garbage.statusCode()).isEqualTo(404);
    assertThat(garbage.contentType()).startsWith(PROBLEM);

    assertThat(Api.unread(agent)).isEqualTo(agentUnread);
    assertThat(about(agent, ticket).getFirst()).containsEntry("read", false);
  }

  @Test
  void pages_follow_the_cursor_newest_first_with_a_link_to_the_next() throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = open(customer);
    for (int i = 1; i <= 5; i++) {
      Api.comment(agent, ticket, "Update " + i, false);
    }
    relayed();

    List<String> ids = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page =
          customer
              .request()
              .queryParam("limit", 2)
              .queryParam("unread", true)
              .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
              .get("/api/v1/notifications");
      assertThat(page.statusCode()).isEqualTo(200);
      JsonPath body = page.jsonPath();
      ids.addAll(body.getList("items.id", String.class));
      body.getList("items.occurredAt", String.class).forEach(t -> times.add(Instant.parse(t)));
      cursor = body.getString("nextCursor");
      if (cursor != null) {
        assertThat(page.header("Link"))
            .contains("rel=\"next\"")
            .contains("unread=true")
            .contains("limit=2")
            .contains("cursor=" + cursor);
      } else {
        assertThat(page.header("Link")).isNull();
      }
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

    customer
        .request()
        .queryParam("cursor", "bm90LW91cnM")
        .get("/api/v1/notifications")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.cursor[0]", equalTo("is not a cursor of this list"));
    customer
        .request()
        .queryParam("limit", 101)
        .get("/api/v1/notifications")
        .then()
        .statusCode(422)
        .contentType(PROBLEM);
    Api.as("not-a-token").get("/api/v1/notifications").then().statusCode(401);
  }

  @Test
  void an_event_handed_over_twice_is_in_the_inbox_once() throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    String ticket = open(customer);
    Api.assign(admin(), ticket, agent.id());
    relayed();
    assertThat(about(agent, ticket)).hasSize(1);

    // The assignment as the outbox recorded it (the timeline serves the same data), handed to the
    // consumer under a new event id twice over: what a relay that failed after its consumers ran
    // would do. The data is read as stored, so this also checks the consumer reads the real shape.
    Map<String, Object> recorded =
        agent
            .request()
            .get("/api/v1/tickets/" + ticket + "/timeline")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("items")
            .stream()
            .filter(e -> "TicketAssigned".equals(e.get("type")))
            .findFirst()
            .orElseThrow();
    RelayedEvent again =
        new RelayedEvent(
            0,
            UUID.randomUUID(),
            "TicketAssigned",
            false,
            UUID.fromString((String) recorded.get("actorId")),
            "ADMIN",
            Instant.parse((String) recorded.get("occurredAt")),
            json.writeValueAsString(recorded.get("data")),
            UUID.fromString(ticket),
            "TCK-2026-999999",
            UUID.fromString(customer.id()),
            // no current assignee: who was assigned can only come from the recorded data
            Optional.empty(),
            "OPEN");
    for (int times = 0; times < 2; times++) {
      VertxContextSupport.subscribeAndAwait(
          () -> pool.withTransaction(tx -> consumer.consume(tx, List.of(again))));
    }
    assertThat(about(agent, ticket))
        .hasSize(2)
        .filteredOn(n -> again.eventId().toString().equals(n.get("eventId")))
        .singleElement()
        .satisfies(n -> assertThat(n).containsEntry("kind", "ASSIGNED_TO_YOU"));
  }
}
