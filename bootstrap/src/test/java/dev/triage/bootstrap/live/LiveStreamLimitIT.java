package dev.triage.bootstrap.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A live stream lasts at most {@code triage.live.max-duration}: then the server ends it, and a
 * client reconnecting with its last id (and a current token, so a revoked one is refused) misses
 * nothing.
 */
@QuarkusTest
@TestProfile(LiveStreamLimitIT.ShortStreams.class)
class LiveStreamLimitIT {

  /** Streams of two seconds. */
  public static class ShortStreams implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("triage.live.max-duration", "PT2S");
    }
  }

  @Test
  void the_server_ends_a_stream_after_its_longest_time_and_a_resumed_one_misses_nothing()
      throws Exception {
    Api.User customer = Api.newUser("CUSTOMER");
    String url = "http://localhost:" + RestAssured.port + "/api/v1/events";
    String ticket;
    String last;
    try (SseClient stream = SseClient.open(url, customer.token(), null)) {
      ticket = Api.newTicket(customer.token());
      last =
          stream
              .next(e -> "TicketCreated".equals(e.name()) && e.data().contains(ticket), soon())
              .id();
      assertThat(stream.endsWithin(Duration.ofSeconds(10))).as("the server ends it").isTrue();
    }
    Api.json(customer.token())
        .body("{\"body\":\"Written while away\",\"internal\":false}")
        .post("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(201);
    try (SseClient resumed = SseClient.open(url, customer.token(), last)) {
      SseClient.Event missed =
          resumed.next(e -> "CommentAdded".equals(e.name()) && e.data().contains(ticket), soon());
      assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(last));
    }
  }

  private static Duration soon() {
    return Duration.ofSeconds(10);
  }
}
