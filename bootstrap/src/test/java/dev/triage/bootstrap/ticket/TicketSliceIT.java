package dev.triage.bootstrap.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first slice over HTTP against PostgreSQL: open a ticket, read it back, and every refusal. */
@QuarkusTest
class TicketSliceIT {

  private static final String PROBLEM = "application/problem+json";

  private Api.User customer;

  /** RestAssured knows the test port only inside a test, so the user is made per test. */
  @BeforeEach
  void signIn() {
    customer = Api.newUser("CUSTOMER");
  }

  private Response create(String body) {
    return Api.json(customer.token()).body(body).when().post("/api/v1/tickets");
  }

  @Test
  void an_opened_ticket_reads_back_by_id_and_by_number() {
    Api.category("hardware");
    Response created =
        create(
            """
            {"title":"Printer on fire","description":"Third floor, since 9:00.",
             "priority":"HIGH","category":"hardware","tags":["Printer","printer","urgent"]}
            """);
    created
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("number", matchesPattern("TCK-\\d{4}-\\d{6}"))
        .body("status", equalTo("OPEN"))
        .body("priority", equalTo("HIGH"))
        .body("tags", equalTo(java.util.List.of("printer", "urgent")))
        .body("assigneeId", nullValue())
        .body("version", equalTo(1))
        .body("sla.firstResponse.remainingSeconds", equalTo(3600))
        .body("sla.firstResponse.paused", equalTo(false))
        .body("sla.firstResponse.breached", equalTo(false))
        .body("sla.firstResponse.stoppedAt", nullValue())
        .body("sla.resolution.remainingSeconds", equalTo(8 * 3600));
    assertThat(Instant.parse(created.<String>path("sla.resolution.dueAt")))
        .isEqualTo(Instant.parse(created.<String>path("createdAt")).plusSeconds(8 * 3600));
    String id = created.path("id");
    String number = created.path("number");
    assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + id);

    customer
        .request()
        .get("/api/v1/tickets/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("number", equalTo(number))
        .body("title", equalTo("Printer on fire"))
        .body("description", equalTo("Third floor, since 9:00."))
        .body("category", equalTo("hardware"))
        .body("createdAt", notNullValue());
    customer
        .request()
        .get("/api/v1/tickets/" + number)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("requesterId", equalTo(customer.id()));
  }

  @Test
  void priority_defaults_to_medium() {
    create("{\"title\":\"Cannot log in\",\"description\":\"Since this morning.\"}")
        .then()
        .statusCode(201)
        .body("priority", equalTo("MEDIUM"));
  }

  @Test
  void ticket_numbers_are_never_reused() {
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      numbers.add(create("{\"title\":\"Ticket " + i + "\",\"description\":\"d\"}").path("number"));
    }
    assertThat(numbers).hasSize(5);
  }

  @Test
  void an_empty_title_is_422_naming_the_fields() {
    create("{\"title\":\"\"}")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("status", equalTo(422))
        .body("type", notNullValue())
        .body("errors.title", hasItem("is required"))
        .body("errors.description", hasItem("is required"));
  }

  @Test
  void domain_rules_reject_a_whitespace_title_too() {
    create("{\"title\":\"   \",\"description\":\"x\"}")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.title", notNullValue());
  }

  @Test
  void too_many_tags_is_422() {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
    }
    create("{\"title\":\"Tags\",\"description\":\"d\",\"tags\":[" + tags + "]}")
        .then()
        .statusCode(422)
        .body("errors.tags", notNullValue());
  }

  @Test
  void broken_json_is_400() {
    create("{\"title\":")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("code", equalTo("MALFORMED_REQUEST"))
        .body("detail", containsString("JSON"));
  }

  @Test
  void an_unknown_field_is_400_naming_it() {
    create("{\"title\":\"abc\",\"description\":\"d\",\"prio\":\"HIGH\"}")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.prio", hasItem("unknown field"));
  }

  @Test
  void an_unknown_priority_is_400_listing_the_choices() {
    create("{\"title\":\"abc\",\"description\":\"d\",\"priority\":\"URGENT\"}")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.priority[0]", containsString("CRITICAL"));
  }

  @Test
  void a_body_of_the_wrong_shape_is_400() {
    create("[1,2]").then().statusCode(400).contentType(PROBLEM);
    create("\"text\"").then().statusCode(400).contentType(PROBLEM);
    create("{\"title\":{\"nested\":true},\"description\":\"d\"}")
        .then()
        .statusCode(400)
        .body("errors.title", notNullValue());
  }

  @Test
  void a_missing_body_is_400() {
    Api.json(customer.token()).post("/api/v1/tickets").then().statusCode(400);
  }

  @Test
  void a_non_json_body_is_415() {
    customer
        .request()
        .contentType(ContentType.TEXT)
        .body("hello")
        .post("/api/v1/tickets")
        .then()
        .statusCode(415)
        .contentType(PROBLEM);
  }

  @Test
  void unknown_tickets_are_404() {
    for (String key :
        new String[] {
          "0192f0c4-0000-7000-8000-000000000000", "TCK-2026-999999", "nope", "%27%20or%201=1--"
        }) {
      customer
          .request()
          .get("/api/v1/tickets/" + key)
          .then()
          .statusCode(404)
          .contentType(PROBLEM)
          .body("code", equalTo("NOT_FOUND"));
    }
  }

  @Test
  void an_unknown_address_is_a_404_problem() {
    customer.request().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void anonymous_callers_get_401_with_a_bearer_challenge() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\":\"Anonymous\",\"description\":\"d\"}")
        .post("/api/v1/tickets")
        .then()
        .statusCode(401)
        .contentType(PROBLEM)
        .header("WWW-Authenticate", "Bearer")
        .body("code", equalTo("UNAUTHENTICATED"));
  }
}
