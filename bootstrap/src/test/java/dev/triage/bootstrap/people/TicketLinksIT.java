package dev.triage.bootstrap.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Links between tickets over HTTP against PostgreSQL: staff relate tickets, each ticket lists the
 * link in its own direction, the timeline shows it to staff, a customer sees only links to tickets
 * they can see, and a link is removed from either side.
 */
@QuarkusTest
class TicketLinksIT {

  private Api.User customer;
  private Api.User other;
  private Api.User agent;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    other = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  private static Response link(Api.User who, String from, String to, String type) {
    return Api.json(who.token())
        .body("{\"ticketId\":\"" + to + "\",\"type\":\"" + type + "\"}")
        .post("/api/v1/tickets/" + from + "/links");
  }

  private static Response links(Api.User who, String ticket) {
    return who.request().get("/api/v1/tickets/" + ticket + "/links");
  }

  @Test
  void both_tickets_read_the_link_in_their_direction_and_customers_only_what_they_can_see() {
    String duplicate = Api.newTicket(customer.token());
    String original = Api.newTicket(customer.token());
    String theirs = Api.newTicket(other.token());

    Response made = link(agent, duplicate, original, "DUPLICATE_OF");
    assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
    String id = made.path("id");
    assertThat((String) made.path("type")).isEqualTo("DUPLICATE_OF");
    assertThat((String) made.path("ticketId")).isEqualTo(original);
    assertThat((String) made.path("ticketNumber")).startsWith("TCK-");

    Response fromOriginal = links(agent, original);
    assertThat(fromOriginal.jsonPath().getList("items.type", String.class))
        .containsExactly("DUPLICATED_BY");
    assertThat(fromOriginal.jsonPath().getList("items.ticketId", String.class))
        .containsExactly(duplicate);
    assertThat(link(agent, duplicate, original, "DUPLICATE_OF").statusCode()).isEqualTo(409);

    assertThat(link(agent, duplicate, theirs, "CAUSED_BY").statusCode()).isEqualTo(201);
    assertThat(link(agent, theirs, original, "RELATED").statusCode()).isEqualTo(201);
    assertThat(link(agent, original, theirs, "RELATED").statusCode())
        .as("related either way is one link")
        .isEqualTo(409);
    assertThat(links(agent, duplicate).jsonPath().getList("items.type", String.class))
        .containsExactly("DUPLICATE_OF", "CAUSED_BY");
    assertThat(links(agent, theirs).jsonPath().getList("items.type", String.class))
        .containsExactly("CAUSES", "RELATED");
    // The customer sees the link between their own two tickets, not the one to another's.
    assertThat(links(customer, duplicate).jsonPath().getList("items.ticketId", String.class))
        .containsExactly(original);
    assertThat(links(other, theirs).jsonPath().getList("items", Object.class)).isEmpty();
    assertThat(links(other, duplicate).statusCode()).isEqualTo(404);

    List<String> timeline =
        agent
            .request()
            .get("/api/v1/tickets/" + duplicate + "/timeline?limit=100")
            .jsonPath()
            .getList("items.type", String.class);
    assertThat(timeline).contains("TicketLinked");
    assertThat(
            customer
                .request()
                .get("/api/v1/tickets/" + duplicate + "/timeline?limit=100")
                .jsonPath()
                .getList("items.type", String.class))
        .doesNotContain("TicketLinked");

    // Removed from the other side.
    Response removed = agent.request().delete("/api/v1/tickets/" + original + "/links/" + id);
    assertThat(removed.statusCode()).as(removed.asString()).isEqualTo(204);
    assertThat(links(agent, duplicate).jsonPath().getList("items.type", String.class))
        .containsExactly("CAUSED_BY");
    assertThat(agent.request().delete("/api/v1/tickets/" + original + "/links/" + id).statusCode())
        .isEqualTo(404);
  }

  @Test
  void refusals_name_the_field() {
    String ticket = Api.newTicket(customer.token());
    String another = Api.newTicket(customer.token());
    assertThat(link(customer, ticket, another, "RELATED").statusCode()).isEqualTo(403);
    Response self = link(agent, ticket, ticket, "RELATED");
    assertThat(self.statusCode()).isEqualTo(422);
    assertThat(self.asString()).contains("ticketId");
    Response kind = link(agent, ticket, another, "DUPLICATED_BY");
    assertThat(kind.statusCode()).isEqualTo(422);
    assertThat(kind.asString()).contains("type");
    assertThat(link(agent, ticket, "TCK-2026-999999999", "RELATED").asString())
        .contains("ticketId");
    assertThat(agent.request().delete("/api/v1/tickets/" + ticket + "/links/nope").statusCode())
        .isEqualTo(422);
  }
}
