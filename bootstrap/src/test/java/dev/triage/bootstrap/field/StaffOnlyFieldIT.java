package dev.triage.bootstrap.field;

import static dev.triage.bootstrap.field.TicketFieldsIT.defined;
import static dev.triage.bootstrap.field.TicketFieldsIT.edit;
import static dev.triage.bootstrap.field.TicketFieldsIT.key;
import static dev.triage.bootstrap.field.TicketFieldsIT.retire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.sun.net.httpserver.HttpServer;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Relay;
import dev.triage.bootstrap.support.SseClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * A staff-only custom field (visibleToCustomers false) never reaches a customer (ADR 20): not in
 * the ticket answer (read or edited), the list, the search, the timeline, the live event stream,
 * notifications, nor a webhook whose audience is not internal; filtering on it is refused to a
 * customer as for a field that does not exist. Staff see it everywhere.
 */
@QuarkusTest
class StaffOnlyFieldIT {

  @Inject OutboxRelay relay;
  @Inject Pool pool;

  @Test
  void a_staff_only_value_never_reaches_the_customer() throws Throwable {
    String admin = Api.adminToken();
    Api.User agent = Api.newUser("AGENT");
    Api.User customer = Api.newUser("CUSTOMER");
    String secret = key("secret");
    String open = key("shown");
    String secretValue = "S3CRET-" + UUID.randomUUID();
    String shownValue = "SHOWN-" + UUID.randomUUID();
    List<String> ids =
        List.of(
            defined(admin, secret, "TEXT", ",\"visibleToCustomers\":false"),
            defined(admin, open, "TEXT", ""));
    String url = "http://localhost:" + RestAssured.port + "/api/v1/events";
    List<String> webhooks = new ArrayList<>();
    try (SseClient stream = SseClient.open(url, customer.token(), null);
        Receiver outside = new Receiver();
        Receiver staff = new Receiver()) {
      webhooks.add(webhook(admin, outside, false));
      webhooks.add(webhook(admin, staff, true));
      String title = "Unique" + UUID.randomUUID().toString().replace("-", "");
      String ticket = Api.newTicket(customer.token(), title, "Details follow.", null);

      // The staff-only value is set first, the shown one after: once the customer's stream has the
      // shown one, the earlier event would have come before it.
      edit(agent.token(), ticket, "{\"" + secret + "\":\"" + secretValue + "\"}")
          .then()
          .statusCode(200)
          .body("fields." + secret, equalTo(secretValue));
      edit(agent.token(), ticket, "{\"" + open + "\":\"" + shownValue + "\"}")
          .then()
          .statusCode(200);
      SseClient.Event shown =
          stream.next(
              e -> "FieldChanged".equals(e.name()) && e.data().contains(shownValue),
              Duration.ofSeconds(10));
      assertThat(shown.data()).doesNotContain(secretValue);
      assertThat(stream.drained()).noneMatch(e -> e.data().contains(secretValue));
      assertThat(stream.drained()).noneMatch(e -> e.data().contains(secret));

      // Staff see it.
      agent
          .request()
          .get("/api/v1/tickets/" + ticket)
          .then()
          .body("fields." + secret, equalTo(secretValue));
      assertThat(types(agent, ticket)).contains("FieldChanged");

      // The ticket answer: read, and answered to the customer's own edit.
      customer
          .request()
          .get("/api/v1/tickets/" + ticket)
          .then()
          .statusCode(200)
          .body("fields." + open, equalTo(shownValue))
          .body("fields", not(hasKey(secret)));
      Response edited =
          Api.json(customer.token())
              .body("{\"title\":\"" + title + " again\"}")
              .patch("/api/v1/tickets/" + ticket);
      edited.then().statusCode(200).body("fields", not(hasKey(secret)));
      assertThat(edited.asString()).doesNotContain(secretValue);

      // The list and the search.
      Response list = customer.request().get("/api/v1/tickets");
      list.then().statusCode(200);
      assertThat(list.asString()).doesNotContain(secretValue).doesNotContain(secret);
      Response search = customer.request().queryParam("q", title).get("/api/v1/tickets");
      search.then().statusCode(200);
      assertThat(search.jsonPath().getList("items.id")).contains(ticket);
      assertThat(search.asString()).doesNotContain(secretValue).doesNotContain(secret);

      // Filtering on it is refused as for an unknown key; staff may filter on it.
      Response byUnknown =
          customer.request().queryParam("field." + key("none"), "x").get("/api/v1/tickets");
      Response bySecret =
          customer.request().queryParam("field." + secret, secretValue).get("/api/v1/tickets");
      assertThat(bySecret.statusCode()).isEqualTo(byUnknown.statusCode()).isEqualTo(422);
      assertThat(bySecret.jsonPath().getMap("errors").values().toString())
          .isEqualTo(byUnknown.jsonPath().getMap("errors").values().toString());
      assertThat(
              agent
                  .request()
                  .queryParam("field." + secret, secretValue)
                  .get("/api/v1/tickets")
                  .jsonPath()
                  .getList("items.id"))
          .containsExactly(ticket);

      // The timeline.
      Response timeline = customer.request().get("/api/v1/tickets/" + ticket + "/timeline");
      timeline.then().statusCode(200);
      assertThat(timeline.asString()).contains(shownValue).doesNotContain(secretValue);

      // The catalogue itself.
      assertThat(customer.request().get("/api/v1/ticket-fields").jsonPath().getList("items.key"))
          .contains(open)
          .doesNotContain(secret);

      // Notifications.
      Relay.publishAll(pool, relay);
      Response inbox = customer.request().queryParam("limit", 100).get("/api/v1/notifications");
      inbox.then().statusCode(200);
      assertThat(inbox.asString()).doesNotContain(secretValue).doesNotContain(secret);

      // Webhooks: one whose audience is not internal never gets the staff-only change; one that
      // includes internal events does.
      VertxContextSupport.subscribeAndAwait(() -> relay.drain());
      String outsideSaw = outside.awaitBodyWith(shownValue);
      assertThat(outsideSaw).contains("FieldChanged");
      String staffSaw = staff.awaitBodyWith(secretValue);
      assertThat(staffSaw).contains("FieldChanged");
      staff.awaitBodyWith(shownValue);
      assertThat(outside.bodies()).noneMatch(b -> b.contains(secretValue) || b.contains(secret));

      // A customer cannot write it either (it reads as no such field).
      edit(customer.token(), ticket, "{\"" + secret + "\":\"mine\"}")
          .then()
          .statusCode(422)
          .body("errors", hasKey("fields." + secret));
    } finally {
      ids.forEach(id -> retire(admin, id));
      webhooks.forEach(id -> Api.as(admin).delete("/api/v1/webhooks/" + id));
    }
  }

  private static String webhook(String admin, Receiver receiver, boolean includeInternal) {
    return Api.json(admin)
        .body(
            "{\"url\":\""
                + receiver.url()
                + "\",\"events\":[\"FieldChanged\"],\"includeInternal\":"
                + includeInternal
                + "}")
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A local HTTP server that keeps every delivery's body. */
  static final class Receiver implements AutoCloseable {
    private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/hook",
          exchange -> {
            bodies.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<String> bodies() {
      return List.copyOf(bodies);
    }

    /** The first delivery whose body holds {@code text}, awaited up to ten seconds. */
    String awaitBodyWith(String text) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        for (String body : bodies) {
          if (body.contains(text)) {
            return body;
          }
        }
        Thread.sleep(20);
      }
      throw new AssertionError("no delivery with " + text + " in " + bodies);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static List<String> types(Api.User who, String ticket) {
    return who.request()
        .get("/api/v1/tickets/" + ticket + "/timeline")
        .jsonPath()
        .getList("items.type", String.class);
  }
}
