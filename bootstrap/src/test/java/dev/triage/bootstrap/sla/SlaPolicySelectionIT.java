package dev.triage.bootstrap.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.port.SlaPolicies;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which SLA policy measures a ticket, over HTTP against PostgreSQL (ADR 17): a policy's conditions
 * choose it for new tickets and no others; an edit leaves open tickets on the version they pinned
 * until an admin re-applies, which moves open tickets only, once; a change of category that selects
 * another policy re-pins the ticket at once, its due dates recomputed from creation.
 *
 * <p>The policies sit on a calendar of this class where every day is a whole working day, so a due
 * date is the creation time plus the target.
 */
@QuarkusTest
class SlaPolicySelectionIT {

  private static final String DEFAULT = SlaPolicies.DEFAULT.toString();
  private static final String WHOLE_WEEK =
      "{\"MONDAY\":[{\"start\":\"00:00\",\"end\":\"00:00\"}],"
          + "\"TUESDAY\":[{\"start\":\"00:00\",\"end\":\"00:00\"}],"
          + "\"WEDNESDAY\":[{\"start\":\"00:00\",\"end\":\"00:00\"}],"
          + "\"THURSDAY\":[{\"start\":\"00:00\",\"end\":\"00:00\"}],"
          + "\"FRIDAY\":[{\"start\":\"00:00\",\"end\":\"00:00\"}],"
          + "\"SATURDAY\":[{\"start\":\"00:00\",\"end\":\"00:00\"}],"
          + "\"SUNDAY\":[{\"start\":\"00:00\",\"end\":\"00:00\"}]}";

  private String admin;
  private Api.User customer;
  private Api.User agent;
  private String category;
  private String calendar;
  private String policyName;
  private final List<String> policies = new ArrayList<>();
  private final List<String> calendars = new ArrayList<>();

  @BeforeEach
  void setUp() {
    admin = Api.adminToken();
    customer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
    String suffix = UUID.randomUUID().toString();
    category = "cat-" + suffix;
    Api.category(category);
    policyName = "Selection " + suffix;
    calendar =
        Api.json(admin)
            .body(
                "{\"name\":\"Every hour "
                    + suffix
                    + "\",\"timeZone\":\"UTC\",\"week\":"
                    + WHOLE_WEEK
                    + ",\"holidays\":[]}")
            .post("/api/v1/calendars")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    calendars.add(calendar);
  }

  /** Policies first: a calendar a live policy uses cannot be deleted. */
  @AfterEach
  void cleanUp() {
    for (String p : policies) {
      Api.as(admin).delete("/api/v1/sla-policies/" + p).then().statusCode(204);
    }
    for (String c : calendars) {
      Api.as(admin).delete("/api/v1/calendars/" + c).then().statusCode(204);
    }
  }

  @Test
  void a_policy_applies_to_its_category_only() {
    String policy = createPolicy("PT2H");

    Ticket mine = open(customer, "HIGH", category);
    assertThat(mine.policyId()).isEqualTo(policy);
    assertThat(mine.policyName()).isEqualTo(policyName);
    assertThat(mine.policyVersion()).isEqualTo(1);
    assertThat(mine.firstResponseDue()).isEqualTo(mine.created().plus(Duration.ofHours(2)));
    assertThat(mine.resolutionDue()).isEqualTo(mine.created().plus(Duration.ofHours(10)));

    Duration defaultHigh =
        Duration.parse(
            Api.as(admin)
                .get("/api/v1/sla-policies/" + DEFAULT)
                .then()
                .statusCode(200)
                .extract()
                .<String>path("targets.HIGH.firstResponse"));
    for (String other : new String[] {"other-" + UUID.randomUUID(), null}) {
      Ticket theirs = open(customer, "HIGH", other);
      assertThat(theirs.policyId()).as("category " + other).isEqualTo(DEFAULT);
      assertThat(theirs.policyName()).isEqualTo("default");
      assertThat(theirs.firstResponseDue()).isEqualTo(theirs.created().plus(defaultHigh));
    }
  }

  @Test
  void an_edit_moves_open_tickets_only_when_an_admin_reapplies() {
    String policy = createPolicy("PT2H");
    Ticket open = open(customer, "HIGH", category);
    Ticket resolved = open(customer, "HIGH", category);
    Api.move(agent, resolved.id(), "IN_PROGRESS");
    Api.move(agent, resolved.id(), "RESOLVED");
    Ticket resolvedBefore = read(resolved.id());
    assertThat(resolvedBefore.policyVersion()).isEqualTo(1);

    // (b) Version 2: HIGH first response within 3 h. Open tickets keep version 1.
    Api.json(admin)
        .header("If-Match", "\"1\"")
        .body(policyBody("PT3H"))
        .put("/api/v1/sla-policies/" + policy)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    Ticket stillOne = read(open.id());
    assertThat(stillOne.policyId()).isEqualTo(policy);
    assertThat(stillOne.policyVersion()).isEqualTo(1);
    assertThat(stillOne.firstResponseDue()).isEqualTo(open.firstResponseDue());
    assertThat(stillOne.firstResponseDue()).isEqualTo(open.created().plus(Duration.ofHours(2)));

    Ticket later = open(customer, "HIGH", category);
    assertThat(later.policyId()).isEqualTo(policy);
    assertThat(later.policyVersion()).isEqualTo(2);
    assertThat(later.firstResponseDue()).isEqualTo(later.created().plus(Duration.ofHours(3)));

    // (c) Re-apply moves the open ticket to version 2, recomputed from its creation.
    String key = UUID.randomUUID().toString();
    Response first = reapply(key);
    assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
    int moved = first.jsonPath().getInt("tickets");
    assertThat(moved).isGreaterThanOrEqualTo(1);

    Ticket movedTicket = read(open.id());
    assertThat(movedTicket.policyId()).isEqualTo(policy);
    assertThat(movedTicket.policyVersion()).isEqualTo(2);
    assertThat(movedTicket.firstResponseDue()).isEqualTo(open.created().plus(Duration.ofHours(3)));
    Ticket resolvedAfter = read(resolved.id());
    assertThat(resolvedAfter.policyVersion()).as("a resolved ticket is not moved").isEqualTo(1);
    assertThat(resolvedAfter.firstResponseDue()).isEqualTo(resolvedBefore.firstResponseDue());
    assertThat(resolvedAfter.resolutionDue()).isEqualTo(resolvedBefore.resolutionDue());
    assertThat(read(later.id())).isEqualTo(later);

    // The same key replays the first answer; a new run finds nothing left to move.
    Response replay = reapply(key);
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.jsonPath().getInt("tickets")).isEqualTo(moved);
    Response second = reapply(UUID.randomUUID().toString());
    assertThat(second.statusCode()).as(second.asString()).isEqualTo(200);
    assertThat(second.jsonPath().getInt("tickets")).isZero();
    assertThat(read(open.id())).isEqualTo(movedTicket);
    assertThat(read(resolved.id())).isEqualTo(resolvedAfter);
    assertThat(read(later.id())).isEqualTo(later);
  }

  @Test
  void a_new_category_that_selects_the_policy_repins_the_ticket_at_once() {
    String policy = createPolicy("PT2H");
    Ticket ticket = open(customer, "HIGH", null);
    assertThat(ticket.policyId()).isEqualTo(DEFAULT);

    Response edited =
        Api.json(agent.token())
            .header("If-Match", "\"" + ticket.version() + "\"")
            .body("{\"category\":\"" + category + "\"}")
            .patch("/api/v1/tickets/" + ticket.id());
    assertThat(edited.statusCode()).as(edited.asString()).isEqualTo(200);
    Ticket repinned = Ticket.of(edited);
    assertThat(repinned.policyId()).isEqualTo(policy);
    assertThat(repinned.policyVersion()).isEqualTo(1);
    assertThat(repinned.created()).isEqualTo(ticket.created());
    assertThat(repinned.firstResponseDue()).isEqualTo(ticket.created().plus(Duration.ofHours(2)));
    assertThat(repinned.resolutionDue()).isEqualTo(ticket.created().plus(Duration.ofHours(10)));
    assertThat(read(ticket.id())).isEqualTo(repinned);

    // Taking the category away selects the default policy again.
    Response back =
        Api.json(agent.token())
            .header("If-Match", "\"" + repinned.version() + "\"")
            .body("{\"category\":\"\"}")
            .patch("/api/v1/tickets/" + ticket.id());
    assertThat(back.statusCode()).as(back.asString()).isEqualTo(200);
    Ticket again = Ticket.of(back);
    assertThat(again.policyId()).isEqualTo(DEFAULT);
    assertThat(again.firstResponseDue()).isEqualTo(ticket.firstResponseDue());
  }

  // ---------------------------------------------------------------- helpers

  /** What these tests read of a ticket; equal records mean nothing of it moved. */
  private record Ticket(
      String id,
      long version,
      Instant created,
      String policyId,
      String policyName,
      int policyVersion,
      Instant firstResponseDue,
      Instant resolutionDue) {

    static Ticket of(Response r) {
      return new Ticket(
          r.path("id"),
          r.jsonPath().getLong("version"),
          Instant.parse(r.path("createdAt")),
          r.path("sla.policy.id"),
          r.path("sla.policy.name"),
          r.jsonPath().getInt("sla.policy.version"),
          Instant.parse(r.path("sla.firstResponse.dueAt")),
          Instant.parse(r.path("sla.resolution.dueAt")));
    }
  }

  private static Ticket open(Api.User who, String priority, String category) {
    if (category != null) {
      Api.category(category);
    }
    String body =
        "{\"title\":\"Which policy\",\"description\":\"Selected by its fields.\",\"priority\":\""
            + priority
            + "\""
            + (category == null ? "" : ",\"category\":\"" + category + "\"")
            + "}";
    Response r = Api.json(who.token()).body(body).post("/api/v1/tickets");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return Ticket.of(r);
  }

  private Ticket read(String id) {
    Response r = agent.request().get("/api/v1/tickets/" + id);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return Ticket.of(r);
  }

  private Response reapply(String key) {
    return Api.as(admin).header("Idempotency-Key", key).post("/api/v1/sla-policies/reapply");
  }

  private String createPolicy(String highFirstResponse) {
    String id =
        Api.json(admin)
            .body(policyBody(highFirstResponse))
            .post("/api/v1/sla-policies")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    policies.add(id);
    return id;
  }

  private String policyBody(String highFirstResponse) {
    return "{\"name\":\""
        + policyName
        + "\",\"calendarId\":\""
        + calendar
        + "\",\"warningShare\":0.8,\"position\":1,\"conditions\":{\"categories\":[\""
        + category
        + "\"]},\"targets\":{\"CRITICAL\":"
        + clocks("PT30M", "PT4H", "PT1H")
        + ",\"HIGH\":"
        + clocks(highFirstResponse, "PT10H", "PT2H")
        + ",\"MEDIUM\":"
        + clocks("PT4H", "PT24H", "PT4H")
        + ",\"LOW\":"
        + clocks("PT8H", "PT48H", "PT8H")
        + "}}";
  }

  private static String clocks(String firstResponse, String resolution, String nextReply) {
    return "{\"firstResponse\":\""
        + firstResponse
        + "\",\"resolution\":\""
        + resolution
        + "\",\"nextReply\":\""
        + nextReply
        + "\"}";
  }
}
