package dev.triage.bootstrap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test helpers for the read side: tickets, comments and moves made through the public API, and the
 * one thing the API cannot do in a test's lifetime, letting SLA time pass, done in SQL.
 */
final class Tickets {

  private Tickets() {}

  static String open(Api.User who, String title, String description, String priority) {
    return Api.newTicket(who.token(), title, description, priority);
  }

  static String comment(Api.User who, String ticket, String body, boolean internal) {
    return Api.comment(who, ticket, body, internal);
  }

  static void move(Api.User who, String ticket, String status) {
    Api.move(who, ticket, status);
  }

  static void assign(Api.User who, String ticket, String assignee) {
    Api.assign(who, ticket, assignee);
  }

  static void escalate(Api.User who, String ticket) {
    Api.json(who.token())
        .body("{\"reason\":\"customer is waiting\"}")
        .post("/api/v1/tickets/" + ticket + "/escalation")
        .then()
        .statusCode(200);
  }

  /**
   * Moves the ticket's running due dates {@code ago} into the past, as if that much SLA time had
   * gone by: the state a ticket is in when its clock ran out while nobody touched it.
   */
  static void dueAgo(Pool pool, String ticket, Duration ago) {
    pool.preparedQuery(
            "update tickets set"
                + " first_response_due_at = case when first_response_due_at is null then null"
                + " else now() - $2::text::interval end,"
                + " resolution_due_at = case when resolution_due_at is null then null"
                + " else now() - $2::text::interval + interval '1 second' end,"
                + " sla_due_at = now() - $2::text::interval where id = $1")
        .execute(Tuple.of(UUID.fromString(ticket), ago.getSeconds() + " seconds"))
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  /**
   * Moves only the first-response due date {@code ago} into the past: the first response is late,
   * the resolution clock still has time.
   */
  static void firstResponseDueAgo(Pool pool, String ticket, Duration ago) {
    pool.preparedQuery(
            "update tickets set first_response_due_at = now() - $2::text::interval,"
                + " sla_due_at = now() - $2::text::interval where id = $1")
        .execute(Tuple.of(UUID.fromString(ticket), ago.getSeconds() + " seconds"))
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  /** Every page of {@code path} (with its query), following {@code nextCursor} to the end. */
  static List<String> walk(Api.User who, String path, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 1000; pages++) {
      Response page = page(who, path, limit, cursor);
      ids.addAll(page.jsonPath().getList("items.id", String.class));
      cursor = page.path("nextCursor");
      if (cursor == null) {
        return ids;
      }
    }
    throw new AssertionError("more than 1000 pages");
  }

  static Response page(Api.User who, String path, int limit, String cursor) {
    String sep = path.contains("?") ? "&" : "?";
    Response page =
        who.request()
            .get(path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page;
  }
}
