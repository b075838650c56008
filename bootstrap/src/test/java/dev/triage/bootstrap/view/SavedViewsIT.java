package dev.triage.bootstrap.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.sweep.MovableClock;
import dev.triage.bootstrap.sweep.SweepsIT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saved views over HTTP against PostgreSQL (issue 18, point 5): personal views for anyone, shared
 * ones kept by admins for all staff; filters refused by the list's own reading, named {@code
 * filters.<parameter>}; a view's pages are the list's pages with its filters, under the caller's
 * own access; counts match the list and follow new tickets once the count's time to live has passed
 * (the test moves the service's clock).
 */
@QuarkusTest
@TestProfile(SweepsIT.MovableTime.class)
class SavedViewsIT {

  private static final String PROBLEM = "application/problem+json";

  @Inject MovableClock clock;

  private String admin;
  private Api.User agent;
  private Api.User otherAgent;
  private Api.User customer;
  private Api.User otherCustomer;
  private String tag;

  @BeforeEach
  void people() {
    admin = Api.adminToken();
    agent = Api.newUser("AGENT");
    otherAgent = Api.newUser("AGENT");
    customer = Api.newUser("CUSTOMER");
    otherCustomer = Api.newUser("CUSTOMER");
    tag = "v" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Response create(String token, String body) {
    return Api.json(token).body(body).post("/api/v1/views");
  }

  /** Creates a view as {@code token}; answers its id. */
  private static String created(String token, String body) {
    return create(token, body).then().statusCode(201).extract().path("id");
  }

  private static String view(String name, boolean shared, String filters, String sort) {
    return "{\"name\":\""
        + name
        + "\",\"shared\":"
        + shared
        + ",\"filters\":"
        + filters
        + (sort == null ? "" : ",\"sort\":\"" + sort + "\"")
        + "}";
  }

  /** A ticket of {@code who}, of {@code priority}, tagged with this test's tag by the admin. */
  private String tagged(Api.User who, String priority) {
    String id = Api.newTicket(who.token(), "Printer " + priority, "It jams.", priority);
    Api.json(admin)
        .body("{\"tags\":[\"" + tag + "\"]}")
        .post("/api/v1/tickets/" + id + "/tags")
        .then()
        .statusCode(200);
    return id;
  }

  /** Every id of a paged list, following nextCursor with pages of {@code limit}. */
  private static List<List<String>> pages(String token, String path, Map<String, ?> query) {
    List<List<String>> pages = new ArrayList<>();
    String cursor = null;
    do {
      var request = Api.as(token).queryParams(query).queryParam("limit", 2);
      if (cursor != null) {
        request = request.queryParam("cursor", cursor);
      }
      Response page = request.get(path);
      page.then().statusCode(200);
      pages.add(page.jsonPath().getList("items.id"));
      cursor = page.jsonPath().getString("nextCursor");
    } while (cursor != null);
    return pages;
  }

  private static long total(List<List<String>> pages) {
    return pages.stream().mapToLong(List::size).sum();
  }

  /** The count {@code GET /views/counts} gives the view {@code id}. */
  private static Map<String, Object> count(String token, String id) {
    List<Map<String, Object>> views =
        Api.as(token)
            .get("/api/v1/views/counts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("views");
    return views.stream()
        .filter(v -> id.equals(v.get("viewId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no count for view " + id + " in " + views));
  }

  @Test
  void aViewIsSavedReadChangedAndDeletedByItsOwner() {
    String name = "Mine " + tag;
    Response made =
        create(
            agent.token(),
            view(name, false, "{\"status\":[\"OPEN\"],\"assignee\":\"me\"}", "slaDueAt"));
    made.then().statusCode(201).header("ETag", "\"1\"");
    String id = made.path("id");
    assertThat(made.header("Location")).endsWith("/api/v1/views/" + id);
    assertThat(made.<Boolean>path("shared")).isFalse();
    assertThat(made.<String>path("ownerId")).isEqualTo(agent.id());
    assertThat(made.<List<String>>path("filters.status")).containsExactly("OPEN");
    assertThat(made.<String>path("filters.assignee")).isEqualTo("me");

    agent.request().get("/api/v1/views/" + id).then().statusCode(200);
    assertThat(agent.request().get("/api/v1/views").jsonPath().<String>getList("items.id"))
        .contains(id);

    Response renamed =
        Api.json(agent.token())
            .header("If-Match", "\"1\"")
            .body("{\"name\":\"Renamed " + tag + "\",\"filters\":{\"priority\":\"HIGH\"}}")
            .patch("/api/v1/views/" + id);
    renamed.then().statusCode(200).header("ETag", "\"2\"");
    assertThat(renamed.<String>path("name")).isEqualTo("Renamed " + tag);
    assertThat(renamed.<Map<String, Object>>path("filters")).isEqualTo(Map.of("priority", "HIGH"));
    assertThat(renamed.<String>path("sort")).isEqualTo("slaDueAt");

    Api.json(agent.token())
        .header("If-Match", "\"1\"")
        .body("{\"name\":\"Stale\"}")
        .patch("/api/v1/views/" + id)
        .then()
        .statusCode(412);

    agent.request().delete("/api/v1/views/" + id).then().statusCode(204);
    agent.request().get("/api/v1/views/" + id).then().statusCode(404);
  }

  @Test
  void aRetriedSaveWithTheSameKeySavesOnce() {
    String key = UUID.randomUUID().toString();
    String body = view("Retried " + tag, false, "{\"status\":\"OPEN\"}", null);

    Response first =
        Api.json(agent.token()).header("Idempotency-Key", key).body(body).post("/api/v1/views");
    Response again =
        Api.json(agent.token()).header("Idempotency-Key", key).body(body).post("/api/v1/views");

    first.then().statusCode(201);
    again.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(again.<String>path("id")).isEqualTo(first.<String>path("id"));
    assertThat(
            agent.request().get("/api/v1/views").jsonPath().<String>getList("items.name").stream()
                .filter(("Retried " + tag)::equals))
        .hasSize(1);
  }

  @Test
  void sharedViewsAreKeptByAdminsAndSeenByStaffOnly() {
    create(agent.token(), view("Team " + tag, true, "{}", null))
        .then()
        .statusCode(403)
        .contentType(PROBLEM);

    String shared = created(admin, view("Team " + tag, true, "{\"status\":\"OPEN\"}", null));

    agent.request().get("/api/v1/views/" + shared).then().statusCode(200);
    assertThat(agent.request().get("/api/v1/views").jsonPath().<String>getList("items.id"))
        .contains(shared);
    customer.request().get("/api/v1/views/" + shared).then().statusCode(404);
    customer.request().get("/api/v1/views/" + shared + "/tickets").then().statusCode(404);
    assertThat(customer.request().get("/api/v1/views").jsonPath().<String>getList("items.id"))
        .doesNotContain(shared);

    Api.json(agent.token())
        .body("{\"name\":\"Mine now\"}")
        .patch("/api/v1/views/" + shared)
        .then()
        .statusCode(403);
    agent.request().delete("/api/v1/views/" + shared).then().statusCode(403);
    Api.json(admin)
        .body("{\"shared\":false}")
        .patch("/api/v1/views/" + shared)
        .then()
        .statusCode(422);
    Api.json(admin)
        .body("{\"name\":\"Team renamed " + tag + "\"}")
        .patch("/api/v1/views/" + shared)
        .then()
        .statusCode(200);
    Api.as(admin).delete("/api/v1/views/" + shared).then().statusCode(204);
  }

  @Test
  void anotherCallersPersonalViewIsNotFound() {
    String mine = created(agent.token(), view("Private " + tag, false, "{}", null));

    otherAgent.request().get("/api/v1/views/" + mine).then().statusCode(404);
    otherAgent.request().get("/api/v1/views/" + mine + "/tickets").then().statusCode(404);
    Api.json(otherAgent.token())
        .body("{\"name\":\"Taken\"}")
        .patch("/api/v1/views/" + mine)
        .then()
        .statusCode(404);
    otherAgent.request().delete("/api/v1/views/" + mine).then().statusCode(404);
    Api.as(admin).get("/api/v1/views/" + mine).then().statusCode(404);
    agent.request().get("/api/v1/views/" + mine).then().statusCode(200);
  }

  @Test
  void namesAreUniquePerOwnerIgnoringCase() {
    created(agent.token(), view("Backlog " + tag, false, "{}", null));

    create(agent.token(), view("BACKLOG " + tag.toUpperCase(), false, "{}", null))
        .then()
        .statusCode(409)
        .contentType(PROBLEM);
    // Another owner may use the name.
    created(otherAgent.token(), view("Backlog " + tag, false, "{}", null));
    create(agent.token(), view("", false, "{}", null))
        .then()
        .statusCode(422)
        .body("errors.name", org.hamcrest.Matchers.notNullValue());
    create(agent.token(), view("x".repeat(81), false, "{}", null)).then().statusCode(422);
  }

  @Test
  void filtersTheListCannotReadAreRefusedByName() {
    Response refused =
        create(
            agent.token(),
            view(
                "Bad " + tag,
                false,
                "{\"colour\":\"red\",\"limit\":\"10\",\"cursor\":\"abc\"}",
                null));
    refused.then().statusCode(422).contentType(PROBLEM);
    assertThat(refused.<Map<String, Object>>path("errors"))
        .containsOnlyKeys("filters.colour", "filters.limit", "filters.cursor");

    Response badValues =
        create(
            agent.token(),
            view(
                "Bad " + tag,
                false,
                "{\"status\":[\"OPEN\",\"ASLEEP\"],\"createdAfter\":\"yesterday\"}",
                null));
    badValues.then().statusCode(422);
    assertThat(badValues.<Map<String, Object>>path("errors"))
        .containsOnlyKeys("filters.status", "filters.createdAfter");

    create(agent.token(), view("Bad " + tag, false, "{\"overdue\":true}", null))
        .then()
        .statusCode(422)
        .body("errors.'filters.overdue'", org.hamcrest.Matchers.notNullValue());
    create(agent.token(), view("Bad " + tag, false, "{}", "sideways"))
        .then()
        .statusCode(422)
        .body("errors.sort", org.hamcrest.Matchers.notNullValue());

    String ok = created(agent.token(), view("Good " + tag, false, "{}", null));
    Api.json(agent.token())
        .body("{\"filters\":{\"priority\":\"URGENT\"}}")
        .patch("/api/v1/views/" + ok)
        .then()
        .statusCode(422)
        .body("errors.'filters.priority'", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void aViewPagesExactlyAsTheListWithItsFilters() {
    for (String p : List.of("LOW", "HIGH", "MEDIUM", "HIGH", "CRITICAL", "LOW", "HIGH")) {
      tagged(customer, p);
    }
    String id =
        created(
            agent.token(),
            view(
                "Paged " + tag,
                false,
                "{\"tag\":[\"" + tag + "\"],\"status\":[\"OPEN\",\"IN_PROGRESS\"]}",
                "priority"));

    List<List<String>> viewPages =
        pages(agent.token(), "/api/v1/views/" + id + "/tickets", Map.of());
    List<List<String>> listPages =
        pages(
            agent.token(),
            "/api/v1/tickets",
            Map.of("tag", tag, "status", List.of("OPEN", "IN_PROGRESS"), "sort", "priority"));

    assertThat(viewPages).hasSize(4);
    assertThat(viewPages).isEqualTo(listPages);
    assertThat(total(viewPages)).isEqualTo(7);
    assertThat(count(agent.token(), id)).containsEntry("count", 7).containsEntry("capped", false);

    agent
        .request()
        .queryParam("limit", 101)
        .get("/api/v1/views/" + id + "/tickets")
        .then()
        .statusCode(422);
    agent
        .request()
        .queryParam("cursor", "bm9wZQ")
        .get("/api/v1/views/" + id + "/tickets")
        .then()
        .statusCode(400);
  }

  @Test
  void aViewShowsEachCallerOnlyWhatTheyCouldList() {
    String mine = tagged(customer, "HIGH");
    tagged(customer, "LOW");
    String theirs = tagged(otherCustomer, "HIGH");
    Api.assign(agent, mine, agent.id());
    Api.assign(otherAgent, theirs, otherAgent.id());

    // A customer's own view with a requester they may not see: their scope still applies.
    String customers =
        created(
            customer.token(),
            view(
                "Printers " + tag,
                false,
                "{\"tag\":\"" + tag + "\",\"requester\":\"" + otherCustomer.id() + "\"}",
                null));
    assertThat(total(pages(customer.token(), "/api/v1/views/" + customers + "/tickets", Map.of())))
        .isZero();
    assertThat(count(customer.token(), customers)).containsEntry("count", 0);

    String all =
        created(customer.token(), view("All " + tag, false, "{\"tag\":\"" + tag + "\"}", null));
    List<List<String>> own = pages(customer.token(), "/api/v1/views/" + all + "/tickets", Map.of());
    assertThat(own.stream().flatMap(List::stream)).hasSize(2).doesNotContain(theirs);
    assertThat(own).isEqualTo(pages(customer.token(), "/api/v1/tickets", Map.of("tag", tag)));
    assertThat(count(customer.token(), all)).containsEntry("count", 2);

    // A shared view of "my tickets": each agent sees their own.
    String shared =
        created(
            admin,
            view(
                "Mine, shared " + tag,
                true,
                "{\"tag\":\"" + tag + "\",\"assignee\":\"me\"}",
                null));
    assertThat(pages(agent.token(), "/api/v1/views/" + shared + "/tickets", Map.of()))
        .containsExactly(List.of(mine));
    assertThat(pages(otherAgent.token(), "/api/v1/views/" + shared + "/tickets", Map.of()))
        .containsExactly(List.of(theirs));
    assertThat(count(agent.token(), shared)).containsEntry("count", 1);
    assertThat(count(otherAgent.token(), shared)).containsEntry("count", 1);
    assertThat(count(admin, shared)).containsEntry("count", 0);
  }

  @Test
  void aCountFollowsNewTicketsOnceItsTimeToLiveHasPassed() {
    tagged(customer, "HIGH");
    String shared = created(admin, view("Counted " + tag, true, "{\"tag\":\"" + tag + "\"}", null));
    Map<String, Object> first = count(agent.token(), shared);
    assertThat(first).containsEntry("count", 1).containsEntry("name", "Counted " + tag);

    tagged(customer, "LOW");
    // Within the time to live every caller gets the count already made.
    assertThat(count(otherAgent.token(), shared)).isEqualTo(first);

    clock.advance(Duration.ofSeconds(31));
    Map<String, Object> later = count(agent.token(), shared);
    assertThat(later).containsEntry("count", 2);
    assertThat(later.get("countedAt")).isNotEqualTo(first.get("countedAt"));
    assertThat(total(pages(agent.token(), "/api/v1/views/" + shared + "/tickets", Map.of())))
        .isEqualTo(2);
  }
}
