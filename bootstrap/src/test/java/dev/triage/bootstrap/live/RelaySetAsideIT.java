package dev.triage.bootstrap.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.sweep.MovableClock;
import dev.triage.bootstrap.sweep.SweepsIT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A ticket whose events cannot be published holds up only itself: the relay tries the round's
 * tickets one by one, sets the failing one aside for a while and publishes everyone else's events;
 * once the cause is gone and the while has passed, the ticket's events go out in order.
 */
@QuarkusTest
@TestProfile(SweepsIT.MovableTime.class)
class RelaySetAsideIT {

  @Inject OutboxRelay relay;
  @Inject MovableClock clock;
  @Inject DataSource dataSource;

  @AfterEach
  void forgive() {
    RefusingConsumer.REFUSED.clear();
  }

  @Test
  void a_ticket_whose_events_fail_is_set_aside_and_the_others_are_published() throws Exception {
    Api.User customer = Api.newUser("CUSTOMER");
    // Refused before it exists, so no relay can publish it first.
    String marker = "refused-" + UUID.randomUUID();
    RefusingConsumer.REFUSED.add(marker);
    String bad =
        Api.json(customer.token())
            .body("{\"title\":\"" + marker + "\",\"description\":\"Cannot be published.\"}")
            .post("/api/v1/tickets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    relay.drain().await().atMost(Duration.ofSeconds(30));
    String good = Api.newTicket(customer.token());

    try (Connection sql = dataSource.getConnection()) {
      await(() -> unpublished(sql, good) == 0);
      relay.drain().await().atMost(Duration.ofSeconds(30));
      assertThat(unpublished(sql, good)).isZero();
      assertThat(unpublished(sql, bad)).as("the refused ticket's events wait").isEqualTo(1);

      await(() -> setAside() >= 1);
      RefusingConsumer.REFUSED.clear();
      relay.drain().await().atMost(Duration.ofSeconds(30));
      assertThat(unpublished(sql, bad)).as("still set aside").isEqualTo(1);

      clock.advance(Duration.ofMinutes(2));
      relay.drain().await().atMost(Duration.ofSeconds(30));
      await(() -> unpublished(sql, bad) == 0);
    }
  }

  private static long unpublished(Connection sql, String ticket) throws Exception {
    try (PreparedStatement s =
        sql.prepareStatement(
            "select count(*) from outbox where aggregate_id = ? and published_at is null")) {
      s.setObject(1, UUID.fromString(ticket));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static double setAside() {
    String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    Matcher m =
        Pattern.compile("^triage_outbox_set_aside_tickets\\S*\\s+(\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /** A condition that may query. */
  private interface Check {
    boolean holds() throws Exception;
  }

  /** Waits for rounds started by the database's signal, which may still be committing. */
  private static void await(Check condition) throws Exception {
    Instant deadline = Instant.now().plusSeconds(10);
    while (!condition.holds()) {
      assertThat(Instant.now()).as("in time").isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
