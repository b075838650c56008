package dev.triage.bootstrap.replica;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.triage.adapters.out.persistence.ReadReplica;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Reads from a streaming standby (ADR 0012), against a real primary and hot standby. The proof that
 * a read is served by the standby is that it lags with it: with replay paused on the standby, a
 * ticket opened, commented, moved and made overdue on the primary is found at once by {@code GET
 * /tickets/{id}} but missing from the list, search, overdue list, comments, timeline, dashboard,
 * audit log and inbox, until replay resumes. Writes never depend on the standby: they succeed while
 * it lags and while it is down, and readiness stays UP.
 */
@QuarkusTest
@TestProfile(ReadReplicaIT.WithStandby.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaIT {

  /** A fresh primary and standby instead of the shared test database. */
  public static class WithStandby implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ReplicatedPostgresResource.class));
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Set by {@link ReplicatedPostgresResource}. */
  ReplicatedPostgres cluster;

  @Inject Pool primary;
  @Inject @ReadReplica Pool reads;

  @Test
  @Order(1)
  void the_read_pool_is_the_standby_and_readiness_checks_the_primary_only() throws Exception {
    assertThat(inRecovery(primary)).as("primary pool on a standby").isFalse();
    assertThat(inRecovery(reads)).as("read pool on a standby").isTrue();
    assertThat(cluster.standbyConnectionsOf("triage-read"))
        .as("read pool on this standby")
        .isPositive();
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("Reactive PostgreSQL connections health check"))
        .body("checks.name", not(hasItem("Read standby")));
    JsonPath well = given().get("/q/health/well").then().statusCode(200).extract().jsonPath();
    assertThat(well.getMap("checks.find { it.name == 'Read standby' }"))
        .containsEntry("status", "UP")
        .containsEntry("data", Map.of("standby", true, "inRecovery", true));
    assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
        .contains("sql_pool_active{pool_name=\"triage-read-replica\"")
        .contains("read_replica_current{");
  }

  @Test
  @Order(2)
  void reads_lag_with_the_standby_while_writes_and_one_ticket_go_to_the_primary() throws Exception {
    String admin = Api.login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    Api.User customer = Api.newUser(admin, "CUSTOMER");
    Api.User agent = Api.newUser(admin, "AGENT");
    String word = word();
    cluster.awaitReplayed();
    JsonPath dashboardBefore = dashboard(admin);

    cluster.pauseReplay();
    String ticket;
    try {
      // Writes go to the primary whatever the standby does.
      ticket =
          Api.newTicket(customer.token(), "Printer " + word + " jams", "Details follow.", null);
      customer.request().get("/api/v1/tickets/" + ticket).then().statusCode(200);
      agent.request().get("/api/v1/tickets/" + ticket).then().statusCode(200);
      Api.assign(agent, ticket, agent.id());
      Api.comment(agent, ticket, "Looking into it", false);
      Api.move(agent, ticket, "IN_PROGRESS");
      agent
          .request()
          .get("/api/v1/tickets/" + ticket)
          .then()
          .statusCode(200)
          .body("status", equalTo("IN_PROGRESS"));
      dueAgo(ticket);
      await(
          "the relay published every event and told the customer",
          () ->
              count(primary, unpublishedOf(ticket)) == 0
                  && count(primary, notificationsOf(customer, ticket)) > 0);
      assertThat(count(primary, auditOf(ticket))).isPositive();

      // Every read routed to the standby still answers as of before the pause.
      assertThat(ids(agent, "/api/v1/tickets?limit=100")).doesNotContain(ticket);
      assertThat(ids(agent, "/api/v1/tickets?q=" + word)).isEmpty();
      assertThat(ids(agent, "/api/v1/tickets/overdue?limit=100")).doesNotContain(ticket);
      assertThat(ids(agent, "/api/v1/tickets/" + ticket + "/comments")).isEmpty();
      assertThat(ids(agent, "/api/v1/tickets/" + ticket + "/timeline")).isEmpty();
      assertThat(ids(admin, "/api/v1/audit-log?entityId=" + ticket)).isEmpty();
      assertThat(ids(customer, "/api/v1/notifications")).isEmpty();
      assertThat(Api.unread(customer)).isZero();
      JsonPath dashboardPaused = dashboard(admin);
      assertThat(dashboardPaused.getMap("countsByStatus"))
          .isEqualTo(dashboardBefore.getMap("countsByStatus"));
      assertThat(dashboardPaused.getLong("overdue")).isEqualTo(dashboardBefore.getLong("overdue"));
    } finally {
      cluster.resumeReplay();
    }

    // Once the standby has replayed, the same reads show everything.
    cluster.awaitReplayed();
    assertThat(ids(agent, "/api/v1/tickets?limit=100")).contains(ticket);
    assertThat(ids(agent, "/api/v1/tickets?q=" + word)).containsExactly(ticket);
    assertThat(ids(agent, "/api/v1/tickets/overdue?limit=100")).contains(ticket);
    assertThat(ids(agent, "/api/v1/tickets/" + ticket + "/comments")).hasSize(1);
    assertThat(ids(agent, "/api/v1/tickets/" + ticket + "/timeline")).isNotEmpty();
    assertThat(ids(admin, "/api/v1/audit-log?entityId=" + ticket))
        .hasSize((int) count(primary, auditOf(ticket)));
    assertThat(ids(customer, "/api/v1/notifications"))
        .hasSize((int) count(primary, notificationsOf(customer, ticket)));
    assertThat(Api.unread(customer)).isEqualTo(count(primary, notificationsOf(customer, ticket)));
    JsonPath dashboardAfter = dashboard(admin);
    assertThat(
            dashboardAfter.getLong("countsByStatus.IN_PROGRESS")
                - dashboardBefore.getLong("countsByStatus.IN_PROGRESS"))
        .isEqualTo(1);
    assertThat(dashboardAfter.getLong("overdue") - dashboardBefore.getLong("overdue")).isEqualTo(1);
  }

  @Test
  @Order(3)
  void with_the_standby_down_commands_still_work_reads_answer_503_and_the_service_stays_ready()
      throws Exception {
    String admin = Api.login(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    Api.User customer = Api.newUser(admin, "CUSTOMER");
    cluster.stopStandby();
    String ticket;
    try {
      ticket =
          Api.newTicket(
              customer.token(), "Opened while the standby is down", "Details follow.", null);
      customer.request().get("/api/v1/tickets/" + ticket).then().statusCode(200);
      Api.comment(customer, ticket, "More details", false);
      customer
          .request()
          .get("/api/v1/tickets")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .body("code", equalTo("SERVICE_UNAVAILABLE"));
      given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
      JsonPath well = given().get("/q/health/well").then().statusCode(503).extract().jsonPath();
      assertThat(well.getString("checks.find { it.name == 'Read standby' }.status"))
          .isEqualTo("DOWN");
      given().get("/q/health").then().statusCode(503);
    } finally {
      cluster.restartStandby();
    }
    await(
        "lists answer again",
        () -> {
          Response r = customer.request().get("/api/v1/tickets");
          return r.statusCode() == 200 && r.jsonPath().getList("items.id").contains(ticket);
        });
    given().get("/q/health/well").then().statusCode(200);
  }

  // ------------------------------------------------------------------------------- helpers

  private static boolean inRecovery(Pool pool) {
    return pool.query("select pg_is_in_recovery()")
        .execute()
        .map(rows -> rows.iterator().next().getBoolean(0))
        .await()
        .atMost(WAIT);
  }

  private static String word() {
    StringBuilder w = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return w.toString();
  }

  private static List<Object> ids(Api.User who, String path) {
    return ids(who.token(), path);
  }

  private static List<Object> ids(String token, String path) {
    Response r = Api.as(token).get(path);
    assertThat(r.statusCode()).as(path + ": " + r.asString()).isEqualTo(200);
    return r.jsonPath().getList("items.id");
  }

  private static JsonPath dashboard(String admin) {
    Response r = Api.as(admin).get("/api/v1/dashboard");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    return r.jsonPath();
  }

  /** Moves the ticket's running due dates into the past, on the primary. */
  private void dueAgo(String ticket) {
    primary
        .preparedQuery(
            "update tickets set first_response_due_at = case when first_response_due_at is null"
                + " then null else now() - interval '1 minute' end,"
                + " resolution_due_at = case when resolution_due_at is null then null"
                + " else now() - interval '1 minute' end,"
                + " sla_due_at = now() - interval '1 minute' where id = $1")
        .execute(Tuple.of(UUID.fromString(ticket)))
        .await()
        .atMost(WAIT);
  }

  private record Count(String sql, Tuple keys) {}

  private static Count notificationsOf(Api.User user, String ticket) {
    return new Count(
        "select count(*) from notifications where user_id = $1 and ticket_id = $2",
        Tuple.of(UUID.fromString(user.id()), UUID.fromString(ticket)));
  }

  private static Count unpublishedOf(String ticket) {
    return new Count(
        "select count(*) from outbox where aggregate_id = $1 and published_at is null",
        Tuple.of(UUID.fromString(ticket)));
  }

  private static Count auditOf(String ticket) {
    return new Count("select count(*) from audit_log where entity_id = $1", Tuple.of(ticket));
  }

  private static long count(Pool pool, Count c) {
    return pool.preparedQuery(c.sql())
        .execute(c.keys())
        .map(rows -> rows.iterator().next().getLong(0))
        .await()
        .atMost(WAIT);
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }
}
