package dev.triage.bootstrap.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ticket tags over HTTP against PostgreSQL: adding and removing them on a ticket (with their
 * timeline events), the counts kept as tickets change, the list filter and an admin's rename that
 * merges. The database is shared with the other tests, so every tag here carries a random suffix.
 */
@QuarkusTest
class TagsIT {

  private static final String PROBLEM = "application/problem+json";

  /** The most {@code GET /api/v1/tags} answers at once. */
  private static final int MAX_LIMIT = 100;

  private Api.User customer;
  private Api.User agent;
  private String admin;
  private String suffix;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
    admin = Api.adminToken();
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  private static Response addTags(String token, String id, String... tags) {
    StringBuilder list = new StringBuilder();
    for (String tag : tags) {
      list.append(list.isEmpty() ? "" : ",").append('"').append(tag).append('"');
    }
    return Api.json(token)
        .body("{\"tags\":[" + list + "]}")
        .post("/api/v1/tickets/" + id + "/tags");
  }

  private static Response removeTag(String token, String id, String tag) {
    return Api.as(token).delete("/api/v1/tickets/" + id + "/tags/" + tag);
  }

  private static Response get(String token, String id) {
    Response r = Api.as(token).get("/api/v1/tickets/" + id);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r;
  }

  private static List<String> tagsOf(String token, String id) {
    return get(token, id).jsonPath().getList("tags", String.class);
  }

  private static int version(String token, String id) {
    return get(token, id).path("version");
  }

  /** The tags named in the ticket's timeline events of {@code type}, as {@code who} sees it. */
  private static List<String> timelineTags(Api.User who, String id, String type) {
    Response page = who.request().get("/api/v1/tickets/" + id + "/timeline?limit=100");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath()
        .getList("items.findAll { it.type == '" + type + "' }.data.tag", String.class);
  }

  private static List<String> ids(Api.User who, String query) {
    Response r = who.request().get("/api/v1/tickets?limit=100&" + query);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.id", String.class);
  }

  /** The first page of the tag counts (the most used first), as {@code token} sees it. */
  private static Response tagCounts(String token) {
    return Api.as(token).get("/api/v1/tags?limit=" + MAX_LIMIT);
  }

  /**
   * Asserts that {@code tag} is counted on {@code expected} tickets. Other tests' tags share the
   * list: should they fill the page, {@code tag} may only be missing from it when every listed tag
   * is used at least as often.
   */
  private void assertCount(String tag, long expected) {
    Response r = tagCounts(agent.token());
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    List<String> names = r.jsonPath().getList("items.tag", String.class);
    List<Long> counts = r.jsonPath().getList("items.tickets", Long.class);
    assertThat(counts).isSortedAccordingTo(Comparator.reverseOrder()).doesNotContain(0L);
    int at = names.indexOf(tag);
    if (at >= 0) {
      assertThat(counts.get(at)).as("tickets tagged " + tag).isEqualTo(expected);
    } else {
      assertThat(names).as(tag + " is missing from a page that is not full").hasSize(MAX_LIMIT);
      assertThat(counts.getLast()).as("the last count listed").isGreaterThanOrEqualTo(expected);
    }
  }

  private List<String> tagNames() {
    Response r = tagCounts(agent.token());
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.tag", String.class);
  }

  @Test
  void staff_add_and_remove_tags_with_timeline_events_and_customers_may_not() {
    String id = Api.newTicket(customer.token());
    String billing = "billing-" + suffix;
    String vip = "vip-" + suffix;

    Response added = addTags(agent.token(), id, "Billing-" + suffix, vip);
    added.then().statusCode(200).body("tags", equalTo(List.of(billing, vip)));
    int version = added.path("version");
    assertThat(tagsOf(customer.token(), id)).containsExactly(billing, vip);

    // A tag the ticket has already, in any case, changes nothing.
    addTags(agent.token(), id, billing)
        .then()
        .statusCode(200)
        .body("version", equalTo(version))
        .body("tags", equalTo(List.of(billing, vip)));
    addTags(agent.token(), id, "BILLING-" + suffix.toUpperCase(Locale.ROOT))
        .then()
        .statusCode(200)
        .body("version", equalTo(version));
    assertThat(version(agent.token(), id)).isEqualTo(version);

    // One TagAdded per tag added, public: the requester sees them too.
    for (Api.User who : List.of(agent, customer)) {
      assertThat(timelineTags(who, id, "TagAdded")).as(who.email()).containsExactly(billing, vip);
    }

    removeTag(agent.token(), id, vip)
        .then()
        .statusCode(200)
        .body("tags", equalTo(List.of(billing)))
        .body("version", equalTo(version + 1));
    for (Api.User who : List.of(agent, customer)) {
      assertThat(timelineTags(who, id, "TagRemoved")).as(who.email()).containsExactly(vip);
    }
    removeTag(agent.token(), id, vip).then().statusCode(404).contentType(PROBLEM);
    assertThat(version(agent.token(), id)).isEqualTo(version + 1);

    // Customers may not tag, not even their own ticket.
    addTags(customer.token(), id, "mine-" + suffix).then().statusCode(403).contentType(PROBLEM);
    removeTag(customer.token(), id, billing).then().statusCode(403).contentType(PROBLEM);
    assertThat(tagsOf(agent.token(), id)).containsExactly(billing);

    // At most 20 on a ticket: 21 in one go is refused whole, 20 are fine, then one more is not.
    List<String> more = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      more.add("z" + i + "-" + suffix);
    }
    addTags(agent.token(), id, more.toArray(String[]::new))
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.tags", notNullValue());
    assertThat(tagsOf(agent.token(), id)).containsExactly(billing);
    addTags(agent.token(), id, more.subList(0, 19).toArray(String[]::new))
        .then()
        .statusCode(200)
        .body("tags", hasSize(20));
    addTags(agent.token(), id, more.get(19))
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.tags", notNullValue());
    assertThat(tagsOf(agent.token(), id)).hasSize(20).doesNotContain(more.get(19));
  }

  @Test
  void the_tag_list_counts_tickets_as_they_are_tagged_and_untagged() {
    String t1 = "t1-" + suffix;
    String t2 = "t2-" + suffix;
    String a = Api.newTicket(customer.token());
    String b = Api.newTicket(customer.token());
    String c = Api.newTicket(customer.token());
    addTags(agent.token(), a, t1, t2).then().statusCode(200);
    addTags(agent.token(), b, t1).then().statusCode(200);
    addTags(agent.token(), c, t1).then().statusCode(200);

    assertCount(t1, 3);
    assertCount(t2, 1);

    removeTag(agent.token(), c, t1).then().statusCode(200);
    assertCount(t1, 2);
    assertCount(t2, 1);

    tagCounts(customer.token()).then().statusCode(403).contentType(PROBLEM);
  }

  @Test
  void the_list_filter_keeps_tickets_with_every_tag_given_and_customers_see_only_theirs() {
    String t1 = "t1-" + suffix;
    String t2 = "t2-" + suffix;
    Api.User other = Api.newUser("CUSTOMER");
    String both = Api.newTicket(customer.token());
    String one = Api.newTicket(customer.token());
    String others = Api.newTicket(other.token());
    addTags(agent.token(), both, t1, t2).then().statusCode(200);
    addTags(agent.token(), one, t1).then().statusCode(200);
    addTags(agent.token(), others, t1).then().statusCode(200);

    assertThat(ids(agent, "tag=" + t1 + "&tag=" + t2)).containsExactly(both);
    assertThat(ids(agent, "tag=" + t2 + "&tag=" + t1)).containsExactly(both);
    assertThat(ids(agent, "tag=" + t1)).containsExactlyInAnyOrder(both, one, others);
    assertThat(ids(agent, "tag=" + t1.toUpperCase(Locale.ROOT)))
        .containsExactlyInAnyOrder(both, one, others);

    assertThat(ids(customer, "tag=" + t1)).containsExactlyInAnyOrder(both, one);
    assertThat(ids(other, "tag=" + t1)).containsExactly(others);
    assertThat(ids(other, "tag=" + t1 + "&tag=" + t2)).isEmpty();
  }

  @Inject Pool pool;

  @Test
  void a_tag_common_enough_to_be_found_by_walking_the_newest_tickets_filters_the_same() {
    String common = "common-" + suffix;
    String rare = "rare-" + suffix;
    Api.User other = Api.newUser("CUSTOMER");
    String both = Api.newTicket(customer.token());
    String one = Api.newTicket(customer.token());
    String others = Api.newTicket(other.token());
    Api.newTicket(customer.token());
    addTags(agent.token(), both, common, rare).then().statusCode(200);
    addTags(agent.token(), one, common).then().statusCode(200);
    addTags(agent.token(), others, common).then().statusCode(200);
    // Marked on as many tickets as make it common (V41: marks of tickets that do not exist, a
    // year old, which no list shows): the list walks each status's newest tickets for it instead
    // of reading its marks.
    pool.preparedQuery(
            "insert into ticket_marks (mark, at, ticket) select $1, now() - interval '1 year',"
                + " gen_random_uuid() from generate_series(1, (select ceil(sqrt(25.0 * sum(n)))"
                + "::int + 1 from ticket_status_counts))")
        .execute(Tuple.of("tag:" + common))
        .await()
        .indefinitely();

    assertThat(ids(agent, "tag=" + common)).containsExactlyInAnyOrder(both, one, others);
    assertThat(ids(agent, "tag=" + common + "&tag=" + rare)).containsExactly(both);
    assertThat(ids(customer, "tag=" + common)).containsExactlyInAnyOrder(both, one);
    assertThat(ids(other, "tag=" + common + "&tag=" + rare)).isEmpty();
    assertThat(ids(agent, "tag=" + common + "&status=OPEN"))
        .containsExactlyInAnyOrder(both, one, others);
  }

  @Test
  void a_rare_tag_pages_in_creation_order_either_way_and_sorted_by_priority() {
    String tag = "paged-" + suffix;
    String other = "other-" + suffix;
    List<String> tagged = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = Api.newTicket(customer.token());
      Api.newTicket(customer.token());
      addTags(agent.token(), id, i == 2 ? new String[] {tag, other} : new String[] {tag})
          .then()
          .statusCode(200);
      tagged.add(id);
    }
    List<String> newestFirst = new ArrayList<>(tagged);
    Collections.reverse(newestFirst);

    assertThat(paged(agent, "tag=" + tag)).containsExactlyElementsOf(newestFirst);
    assertThat(paged(agent, "tag=" + tag + "&sort=createdAt")).containsExactlyElementsOf(tagged);
    assertThat(paged(agent, "tag=" + tag + "&tag=" + other)).containsExactly(tagged.get(2));
    assertThat(paged(agent, "tag=" + tag + "&status=RESOLVED")).isEmpty();
    assertThat(paged(customer, "tag=" + tag)).containsExactlyElementsOf(newestFirst);
    assertThat(paged(Api.newUser("CUSTOMER"), "tag=" + tag)).isEmpty();
    // Sorted otherwise than by creation, through the tags' index.
    assertThat(paged(agent, "tag=" + tag + "&sort=priority"))
        .containsExactlyInAnyOrderElementsOf(tagged);

    removeTag(agent.token(), tagged.get(4), tag).then().statusCode(200);
    assertThat(paged(agent, "tag=" + tag)).containsExactlyElementsOf(newestFirst.subList(1, 5));
  }

  /** Every ticket of a list, read two at a time along its cursors. */
  private static List<String> paged(Api.User who, String query) {
    List<String> all = new ArrayList<>();
    String cursor = null;
    do {
      Response r =
          who.request()
              .get(
                  "/api/v1/tickets?limit=2&" + query + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
      all.addAll(r.jsonPath().getList("items.id", String.class));
      cursor = r.jsonPath().getString("nextCursor");
    } while (cursor != null && all.size() < 100);
    return all;
  }

  @Test
  void an_admin_renames_a_tag_on_every_ticket_merging_where_a_ticket_has_both() {
    String old = "old-" + suffix;
    String target = "new-" + suffix;
    String a = Api.newTicket(customer.token());
    String b = Api.newTicket(customer.token());
    String c = Api.newTicket(customer.token());
    addTags(agent.token(), a, old).then().statusCode(200);
    addTags(agent.token(), b, old, target).then().statusCode(200);
    addTags(agent.token(), c, target).then().statusCode(200);
    int versionA = version(agent.token(), a);
    int versionB = version(agent.token(), b);
    int versionC = version(agent.token(), c);

    Api.json(agent.token())
        .body("{\"from\":\"" + old + "\",\"to\":\"" + target + "\"}")
        .post("/api/v1/tags/rename")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    Api.json(admin)
        .body("{\"from\":\"" + old + "\",\"to\":\"" + old + "\"}")
        .post("/api/v1/tags/rename")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.to", notNullValue());
    Api.json(admin)
        .body("{\"from\":\"" + old.toUpperCase(Locale.ROOT) + "\",\"to\":\"" + old + "\"}")
        .post("/api/v1/tags/rename")
        .then()
        .statusCode(422);
    assertThat(tagsOf(agent.token(), a)).containsExactly(old);
    assertThat(version(agent.token(), b)).isEqualTo(versionB);

    Api.json(admin)
        .body("{\"from\":\"" + old + "\",\"to\":\"" + target + "\"}")
        .post("/api/v1/tags/rename")
        .then()
        .statusCode(200)
        .body("tickets", equalTo(2));

    assertThat(tagsOf(agent.token(), a)).containsExactly(target);
    assertThat(tagsOf(agent.token(), b)).containsExactly(target);
    assertThat(tagsOf(agent.token(), c)).containsExactly(target);
    assertThat(version(agent.token(), a)).isEqualTo(versionA + 1);
    assertThat(version(agent.token(), b)).isEqualTo(versionB + 1);
    assertThat(version(agent.token(), c)).isEqualTo(versionC);

    assertCount(target, 3);
    assertThat(tagNames()).doesNotContain(old);
    assertThat(ids(agent, "tag=" + old)).isEmpty();
    assertThat(ids(agent, "tag=" + target)).containsExactlyInAnyOrder(a, b, c);

    // Nothing carries the old name any more.
    Api.json(admin)
        .body("{\"from\":\"" + old + "\",\"to\":\"" + target + "\"}")
        .post("/api/v1/tags/rename")
        .then()
        .statusCode(200)
        .body("tickets", equalTo(0));
  }
}
