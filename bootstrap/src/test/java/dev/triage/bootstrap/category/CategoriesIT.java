package dev.triage.bootstrap.category;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The category catalogue over HTTP against PostgreSQL (issue 18, point 2): admins add, change and
 * deactivate categories, names are unique whatever their case, each refusal names its field,
 * customers read the active ones only; a ticket may be given an active category only, stored as the
 * catalogue spells it, and a category's default priority applies when the creator names none.
 */
@QuarkusTest
class CategoriesIT {

  private static final String PROBLEM = "application/problem+json";

  private String admin;
  private Api.User agent;
  private Api.User customer;

  @BeforeEach
  void people() {
    admin = Api.adminToken();
    agent = Api.newUser("AGENT");
    customer = Api.newUser("CUSTOMER");
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID();
  }

  private static Response create(String token, String body) {
    return Api.json(token).body(body).post("/api/v1/categories");
  }

  private static Response change(String token, String id, String ifMatch, String body) {
    var request = Api.json(token).body(body);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.patch("/api/v1/categories/" + id);
  }

  /** Creates a category as the admin; answers its id. */
  private String created(String body) {
    return create(admin, body).then().statusCode(201).extract().path("id");
  }

  private static String named(String name) {
    return "{\"name\":\"" + name + "\"}";
  }

  private List<String> listedNames(String token, boolean all) {
    var request = Api.as(token);
    if (all) {
      request = request.queryParam("all", "true");
    }
    Response list = request.get("/api/v1/categories");
    list.then().statusCode(200).body("nextCursor", nullValue());
    return list.jsonPath().getList("items.name", String.class);
  }

  private Response openTicket(String token, String fields) {
    return Api.json(token)
        .body("{\"title\":\"Printer on fire\",\"description\":\"Third floor.\"" + fields + "}")
        .post("/api/v1/tickets");
  }

  @Test
  void a_category_is_created_read_changed_and_deactivated() {
    String name = unique("Hardware");
    String group =
        Api.json(admin)
            .body("{\"name\":\"" + unique("Hardware team") + "\"}")
            .post("/api/v1/groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Response created =
        create(
            admin,
            "{\"name\":\"  "
                + name
                + "  \",\"defaultGroupId\":\""
                + group
                + "\",\"defaultPriority\":\"HIGH\"}");
    created
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("name", equalTo(name))
        .body("defaultGroupId", equalTo(group))
        .body("defaultPriority", equalTo("HIGH"))
        .body("active", equalTo(true))
        .body("version", equalTo(1));
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/categories/" + id);
    assertThat(created.jsonPath().getMap("").keySet())
        .containsExactly("id", "name", "defaultGroupId", "defaultPriority", "active", "version");

    customer
        .request()
        .get("/api/v1/categories/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("name", equalTo(name));

    String renamed = unique("Devices");
    change(admin, id, "\"1\"", "{\"name\":\"" + renamed + "\",\"defaultPriority\":\"\"}")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("name", equalTo(renamed))
        .body("defaultPriority", nullValue())
        .body("defaultGroupId", equalTo(group))
        .body("version", equalTo(2));
    // Fields that come out as they were keep the version.
    change(admin, id, "\"2\"", "{\"name\":\"" + renamed + "\"}")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    change(admin, id, "\"1\"", "{\"active\":false}")
        .then()
        .statusCode(412)
        .contentType(PROBLEM)
        .body("code", equalTo("VERSION_MISMATCH"));
    change(admin, id, null, "{\"active\":false,\"defaultGroupId\":\"\"}")
        .then()
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("active", equalTo(false))
        .body("defaultGroupId", nullValue());

    assertThat(listedNames(customer.token(), false)).doesNotContain(renamed);
    assertThat(listedNames(agent.token(), false)).doesNotContain(renamed);
    assertThat(listedNames(agent.token(), true)).contains(renamed);
    customer.request().get("/api/v1/categories/" + id).then().statusCode(404);
    agent.request().get("/api/v1/categories/" + id).then().statusCode(200);

    change(admin, id, null, "{\"active\":true}").then().statusCode(200).body("version", equalTo(4));
    assertThat(listedNames(customer.token(), false)).contains(renamed);

    Api.as(admin).get("/api/v1/categories/" + UUID.randomUUID()).then().statusCode(404);
    Api.as(admin).get("/api/v1/categories/not-an-id").then().statusCode(404);
    change(admin, UUID.randomUUID().toString(), null, "{\"active\":false}").then().statusCode(404);
  }

  @Test
  void the_list_is_by_name() {
    String prefix = unique("list");
    for (String suffix : List.of("c", "a", "b")) {
      created(named(prefix + "-" + suffix));
    }
    List<String> mine =
        listedNames(customer.token(), false).stream().filter(n -> n.startsWith(prefix)).toList();
    assertThat(mine).containsExactly(prefix + "-a", prefix + "-b", prefix + "-c");
  }

  @Test
  void a_name_another_category_has_is_a_409_whatever_its_case() {
    String name = unique("Billing");
    created(named(name));
    create(admin, named(name.toUpperCase()))
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("code", equalTo("CONFLICT"));
    String other = created(named(unique("Other")));
    change(admin, other, null, named(name.toLowerCase())).then().statusCode(409);
    // A category may change the case of its own name.
    String own = created(named(unique("Case")));
    String lower = Api.as(admin).get("/api/v1/categories/" + own).path("name");
    change(admin, own, null, named(lower.toUpperCase()))
        .then()
        .statusCode(200)
        .body("name", equalTo(lower.toUpperCase()));
  }

  @Test
  void every_refused_field_is_a_422_naming_it() {
    record Bad(String body, String field) {}
    List<Bad> bad =
        List.of(
            new Bad("{}", "name"),
            new Bad(named("   "), "name"),
            new Bad(named("x".repeat(61)), "name"),
            new Bad(
                "{\"name\":\"" + unique("g") + "\",\"defaultGroupId\":\"not-a-uuid\"}",
                "defaultGroupId"),
            new Bad(
                "{\"name\":\"" + unique("p") + "\",\"defaultPriority\":\"URGENT\"}",
                "defaultPriority"),
            new Bad(
                "{\"name\":\"" + unique("p") + "\",\"defaultPriority\":\"high\"}",
                "defaultPriority"));
    for (Bad b : bad) {
      Map<String, List<String>> errors =
          create(admin, b.body())
              .then()
              .statusCode(422)
              .contentType(PROBLEM)
              .body("code", equalTo("VALIDATION_FAILED"))
              .extract()
              .jsonPath()
              .getMap("errors");
      assertThat(errors).as(b.body()).containsOnlyKeys(b.field());
    }
    // Sixty characters are fine.
    created(named("y".repeat(24) + UUID.randomUUID()));

    String id = created(named(unique("Patched")));
    for (Bad b :
        List.of(
            new Bad(named(""), "name"),
            new Bad("{\"defaultGroupId\":\"nope\"}", "defaultGroupId"),
            new Bad("{\"defaultPriority\":\"P1\"}", "defaultPriority"))) {
      change(admin, id, null, b.body())
          .then()
          .statusCode(422)
          .body("errors." + b.field(), notNullValue());
    }
    change(admin, id, null, "{\"colour\":\"red\"}").then().statusCode(400);
  }

  @Test
  void only_admins_write_and_customers_see_active_categories_only() {
    String id = created(named(unique("Guarded")));
    create(customer.token(), named(unique("By a customer"))).then().statusCode(403);
    create(agent.token(), named(unique("By an agent"))).then().statusCode(403);
    change(customer.token(), id, null, "{\"active\":false}").then().statusCode(403);
    change(agent.token(), id, null, "{\"active\":false}").then().statusCode(403);
    customer
        .request()
        .queryParam("all", "true")
        .get("/api/v1/categories")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    customer.request().queryParam("all", "maybe").get("/api/v1/categories").then().statusCode(400);
    given().get("/api/v1/categories").then().statusCode(401);

    String inactive = unique("Retired");
    String retired = created("{\"name\":\"" + inactive + "\",\"active\":false}");
    assertThat(listedNames(customer.token(), false)).doesNotContain(inactive);
    customer
        .request()
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .body("items.findAll { !it.active }.size()", equalTo(0));
    customer.request().get("/api/v1/categories/" + retired).then().statusCode(404);
    assertThat(listedNames(admin, true)).contains(inactive);
  }

  @Test
  void a_ticket_is_stored_with_the_catalogues_spelling() {
    String name = unique("Network");
    created(named(name));
    Response opened =
        openTicket(customer.token(), ",\"category\":\" " + name.toLowerCase() + " \"");
    opened.then().statusCode(201).body("category", equalTo(name));
    String ticket = opened.path("id");

    String other = unique("Printers");
    created(named(other));
    Api.json(agent.token())
        .body("{\"category\":\"" + other.toUpperCase() + "\"}")
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("category", equalTo(other));
    // Empty text still removes the category.
    Api.json(agent.token())
        .body("{\"category\":\"\"}")
        .patch("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("category", nullValue());
  }

  @Test
  void an_unknown_or_inactive_category_is_a_422_naming_category_at_creation_and_at_edit() {
    String inactive = unique("Inactive");
    String id = created(named(inactive));
    change(admin, id, null, "{\"active\":false}").then().statusCode(200);
    String ticket = Api.newTicket(customer.token());

    for (String category : List.of(unique("unknown"), inactive, inactive.toUpperCase())) {
      for (Api.User who : List.of(customer, agent)) {
        openTicket(who.token(), ",\"category\":\"" + category + "\"")
            .then()
            .statusCode(422)
            .contentType(PROBLEM)
            .body("code", equalTo("VALIDATION_FAILED"))
            .body("errors.category", notNullValue());
      }
      Api.json(agent.token())
          .body("{\"category\":\"" + category + "\"}")
          .patch("/api/v1/tickets/" + ticket)
          .then()
          .statusCode(422)
          .contentType(PROBLEM)
          .body("errors.category", notNullValue());
    }
    Api.as(agent.token())
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("category", nullValue())
        .body("version", equalTo(1));
  }

  @Test
  void a_categorys_default_priority_applies_when_the_creator_names_none() {
    String urgent = unique("Outage");
    created("{\"name\":\"" + urgent + "\",\"defaultPriority\":\"CRITICAL\"}");
    String plain = unique("Question");
    created(named(plain));
    String settingsDefault =
        Api.as(admin)
            .get("/api/v1/settings")
            .then()
            .statusCode(200)
            .extract()
            .path("defaultPriority");

    // A customer may not choose CRITICAL, but the category's default is not the customer's choice.
    openTicket(customer.token(), ",\"category\":\"" + urgent + "\"")
        .then()
        .statusCode(201)
        .body("priority", equalTo("CRITICAL"));
    openTicket(agent.token(), ",\"category\":\"" + urgent + "\"")
        .then()
        .statusCode(201)
        .body("priority", equalTo("CRITICAL"));
    // A priority the creator names wins.
    openTicket(agent.token(), ",\"category\":\"" + urgent + "\",\"priority\":\"LOW\"")
        .then()
        .statusCode(201)
        .body("priority", equalTo("LOW"));
    // Without a default of its own, the settings' default applies.
    openTicket(customer.token(), ",\"category\":\"" + plain + "\"")
        .then()
        .statusCode(201)
        .body("priority", equalTo(settingsDefault));
    openTicket(customer.token(), "")
        .then()
        .statusCode(201)
        .body("priority", equalTo(settingsDefault));
  }

  @Test
  void every_category_command_is_in_the_audit_log() {
    String id = created(named(unique("Audited")));
    change(admin, id, "\"1\"", "{\"defaultPriority\":\"LOW\"}").then().statusCode(200);

    Response log =
        Api.as(admin)
            .queryParam("entityType", "Category")
            .queryParam("entityId", id)
            .get("/api/v1/audit-log");
    log.then().statusCode(200);
    assertThat(log.jsonPath().getList("items.action", String.class))
        .containsExactly("ChangeCategory", "CreateCategory");
    assertThat(log.jsonPath().getString("items[1].before")).isNull();
    assertThat(log.jsonPath().getString("items[0].before.defaultPriority")).isNull();
    assertThat(log.jsonPath().getString("items[0].after.defaultPriority")).isEqualTo("LOW");
    assertThat(log.jsonPath().getInt("items[0].after.version")).isEqualTo(2);
  }
}
