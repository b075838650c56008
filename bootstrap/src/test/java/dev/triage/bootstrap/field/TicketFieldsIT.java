package dev.triage.bootstrap.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Custom ticket fields over HTTP against PostgreSQL (issue 18, point 4; ADR 20): admins define,
 * change and retire fields; tickets take values of every type at creation and by the edit, each bad
 * value refused naming {@code fields.<key>} with nothing changed; required fields; every change a
 * FieldChanged event; the list filter {@code field.<key>=}; bulk changes of fields.
 */
@QuarkusTest
class TicketFieldsIT {

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

  static String key(String base) {
    return base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static Response define(String token, String body) {
    return Api.json(token).body(body).post("/api/v1/ticket-fields");
  }

  /** Defines a field as the admin; answers its id. */
  static String defined(String admin, String key, String type, String more) {
    return define(
            admin,
            "{\"key\":\""
                + key
                + "\",\"label\":\"L "
                + key
                + "\",\"type\":\""
                + type
                + "\""
                + more
                + "}")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Response open(String token, String fields) {
    return Api.json(token)
        .body(
            "{\"title\":\"Printer on fire\",\"description\":\"Third floor.\",\"fields\":"
                + fields
                + "}")
        .post("/api/v1/tickets");
  }

  static Response edit(String token, String ticket, String fields) {
    return Api.json(token).body("{\"fields\":" + fields + "}").patch("/api/v1/tickets/" + ticket);
  }

  static void retire(String admin, String id) {
    Api.json(admin)
        .body("{\"active\":false}")
        .patch("/api/v1/ticket-fields/" + id)
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
  }

  @Test
  void a_field_is_defined_read_changed_and_retired_and_keys_are_unique() {
    String key = key("tier");
    Response created =
        define(
            admin,
            "{\"key\":\""
                + key
                + "\",\"label\":\" Contract tier \",\"type\":\"DROPDOWN\",\"options\":[\"gold\",\"silver\"],"
                + "\"editableByCustomers\":true,\"position\":3}");
    created
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("key", equalTo(key))
        .body("label", equalTo("Contract tier"))
        .body("type", equalTo("DROPDOWN"))
        .body("options", equalTo(List.of("gold", "silver")))
        .body("visibleToCustomers", equalTo(true))
        .body("editableByCustomers", equalTo(true))
        .body("requiredForCustomers", equalTo(false))
        .body("position", equalTo(3))
        .body("active", equalTo(true));
    String id = created.path("id");

    define(admin, "{\"key\":\"" + key + "\",\"label\":\"Again\",\"type\":\"TEXT\"}")
        .then()
        .statusCode(409)
        .contentType(PROBLEM);

    customer.request().get("/api/v1/ticket-fields/" + id).then().statusCode(200);
    assertThat(customer.request().get("/api/v1/ticket-fields").jsonPath().getList("items.key"))
        .contains(key);

    Api.json(admin)
        .header("If-Match", "\"1\"")
        .body("{\"label\":\"Tier\",\"options\":[\"gold\",\"silver\",\"bronze\"]}")
        .patch("/api/v1/ticket-fields/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("label", equalTo("Tier"))
        .body("options", equalTo(List.of("gold", "silver", "bronze")));
    Api.json(admin)
        .body("{\"type\":\"TEXT\"}")
        .patch("/api/v1/ticket-fields/" + id)
        .then()
        .statusCode(422)
        .body("errors", hasKey("type"));

    // A value set before retirement stays readable; the field is no longer offered nor accepted.
    String ticket =
        open(agent.token(), "{\"" + key + "\":\"bronze\"}")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    retire(admin, id);
    agent
        .request()
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("fields." + key, equalTo("bronze"));
    assertThat(customer.request().get("/api/v1/ticket-fields").jsonPath().getList("items.key"))
        .doesNotContain(key);
    customer.request().get("/api/v1/ticket-fields/" + id).then().statusCode(404);
    assertThat(
            agent
                .request()
                .queryParam("all", "true")
                .get("/api/v1/ticket-fields")
                .jsonPath()
                .getList("items.key"))
        .contains(key);
    customer
        .request()
        .queryParam("all", "true")
        .get("/api/v1/ticket-fields")
        .then()
        .statusCode(403);
    edit(agent.token(), ticket, "{\"" + key + "\":\"gold\"}")
        .then()
        .statusCode(422)
        .body("errors", hasKey("fields." + key));
  }

  @Test
  void each_bad_definition_is_refused_naming_its_part_and_customers_cannot_define() {
    define(admin, "{\"key\":\"Bad-Key\",\"label\":\"\",\"type\":\"COLOUR\"}")
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors", hasKey("key"))
        .body("errors", hasKey("label"))
        .body("errors", hasKey("type"));
    define(admin, "{\"key\":\"" + key("d") + "\",\"label\":\"D\",\"type\":\"DROPDOWN\"}")
        .then()
        .statusCode(422)
        .body("errors", hasKey("options"));
    define(
            admin,
            "{\"key\":\""
                + key("d")
                + "\",\"label\":\"D\",\"type\":\"DROPDOWN\",\"options\":[\"a\",\"a\"]}")
        .then()
        .statusCode(422)
        .body("errors", hasKey("options"));
    define(
            admin,
            "{\"key\":\"" + key("t") + "\",\"label\":\"T\",\"type\":\"TEXT\",\"options\":[\"a\"]}")
        .then()
        .statusCode(422)
        .body("errors", hasKey("options"));
    define(customer.token(), "{\"key\":\"" + key("c") + "\",\"label\":\"C\",\"type\":\"TEXT\"}")
        .then()
        .statusCode(403);
    define(agent.token(), "{\"key\":\"" + key("c") + "\",\"label\":\"C\",\"type\":\"TEXT\"}")
        .then()
        .statusCode(403);
  }

  @Test
  void every_type_takes_its_values_and_refuses_others_at_creation_and_edit() {
    String text = key("text");
    String longText = key("long");
    String integer = key("int");
    String decimal = key("dec");
    String date = key("date");
    String box = key("box");
    String drop = key("drop");
    String multi = key("multi");
    List<String> ids =
        List.of(
            defined(admin, text, "TEXT", ""),
            defined(admin, longText, "LONG_TEXT", ""),
            defined(admin, integer, "INTEGER", ""),
            defined(admin, decimal, "DECIMAL", ""),
            defined(admin, date, "DATE", ""),
            defined(admin, box, "CHECKBOX", ""),
            defined(admin, drop, "DROPDOWN", ",\"options\":[\"a\",\"b\"]"),
            defined(admin, multi, "MULTI_SELECT", ",\"options\":[\"x\",\"y\",\"z\"]"));
    try {
      String good =
          "{\"%s\":\"hello\",\"%s\":\"%s\",\"%s\":9223372036854775807,\"%s\":12.50,\"%s\":\"2026-02-28\",\"%s\":true,\"%s\":\"b\",\"%s\":[\"z\",\"x\"]}"
              .formatted(
                  text, longText, "l".repeat(10_000), integer, decimal, date, box, drop, multi);
      Response opened = open(agent.token(), good);
      opened.then().statusCode(201);
      String ticket = opened.path("id");
      // The decimal keeps its exact text and scale.
      assertThat(opened.asString()).contains("\"" + decimal + "\":12.50");
      Response read = agent.request().get("/api/v1/tickets/" + ticket);
      assertThat(read.asString()).contains("\"" + decimal + "\":12.50");
      read.then()
          .body("fields." + text, equalTo("hello"))
          .body("fields." + integer, equalTo(9223372036854775807L))
          .body("fields." + date, equalTo("2026-02-28"))
          .body("fields." + box, equalTo(true))
          .body("fields." + drop, equalTo("b"))
          .body("fields." + multi, equalTo(List.of("z", "x")));

      Map<String, String> bad =
          Map.ofEntries(
              Map.entry(text, "\"\""),
              Map.entry(longText, "\"" + "l".repeat(10_001) + "\""),
              Map.entry(integer, "9223372036854775808"),
              Map.entry(decimal, "\"12.5\""),
              Map.entry(date, "\"2026-02-30\""),
              Map.entry(box, "\"yes\""),
              Map.entry(drop, "\"c\""),
              Map.entry(multi, "[\"x\",\"x\"]"));
      long version = Long.parseLong(read.header("ETag").replace("\"", ""));
      for (Map.Entry<String, String> e : bad.entrySet()) {
        String body = "{\"" + e.getKey() + "\":" + e.getValue() + "}";
        open(agent.token(), body)
            .then()
            .statusCode(422)
            .contentType(PROBLEM)
            .body("errors", hasKey("fields." + e.getKey()));
        edit(agent.token(), ticket, body)
            .then()
            .statusCode(422)
            .body("errors", hasKey("fields." + e.getKey()));
      }
      edit(agent.token(), ticket, "{\"" + key("nope") + "\":1}").then().statusCode(422);
      integerOrText(ticket, integer, "1.5");
      // Nothing changed.
      agent
          .request()
          .get("/api/v1/tickets/" + ticket)
          .then()
          .header("ETag", "\"" + version + "\"")
          .body("fields." + drop, equalTo("b"));

      // Keys given are set, null clears, keys left out are kept.
      edit(agent.token(), ticket, "{\"" + drop + "\":\"a\",\"" + box + "\":null}")
          .then()
          .statusCode(200)
          .header("ETag", "\"" + (version + 1) + "\"")
          .body("fields." + drop, equalTo("a"))
          .body("fields", not(hasKey(box)))
          .body("fields." + text, equalTo("hello"));

      List<Map<String, Object>> changes =
          agent
              .request()
              .get("/api/v1/tickets/" + ticket + "/timeline")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .<Map<String, Object>>getList("items")
              .stream()
              .filter(e -> "FieldChanged".equals(e.get("type")))
              .toList();
      assertThat(changes).hasSize(2);
      assertThat(changes)
          .extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("key"))
          .containsExactlyInAnyOrder(drop, box);
      Map<?, ?> dropChange =
          changes.stream()
              .map(e -> (Map<?, ?>) e.get("data"))
              .filter(d -> drop.equals(d.get("key")))
              .findFirst()
              .orElseThrow();
      assertThat(dropChange.get("from")).isEqualTo("b");
      assertThat(dropChange.get("to")).isEqualTo("a");
    } finally {
      ids.forEach(id -> retire(admin, id));
    }
  }

  private void integerOrText(String ticket, String integer, String value) {
    edit(agent.token(), ticket, "{\"" + integer + "\":" + value + "}")
        .then()
        .statusCode(422)
        .body("errors", hasKey("fields." + integer));
  }

  @Test
  void required_fields_must_be_given_by_whom_they_are_required_of() {
    String forCustomers = key("req_c");
    String forStaff = key("req_s");
    List<String> ids =
        List.of(
            defined(
                admin,
                forCustomers,
                "TEXT",
                ",\"requiredForCustomers\":true,\"editableByCustomers\":true"),
            defined(admin, forStaff, "INTEGER", ",\"requiredForStaff\":true"));
    try {
      open(customer.token(), "{}")
          .then()
          .statusCode(422)
          .body("errors", hasKey("fields." + forCustomers))
          .body("errors", not(hasKey("fields." + forStaff)));
      open(customer.token(), "{\"" + forCustomers + "\":\"mine\"}").then().statusCode(201);
      open(agent.token(), "{}")
          .then()
          .statusCode(422)
          .body("errors", hasKey("fields." + forStaff))
          .body("errors", not(hasKey("fields." + forCustomers)));
      open(agent.token(), "{\"" + forStaff + "\":7}").then().statusCode(201);
    } finally {
      ids.forEach(id -> retire(admin, id));
    }
  }

  @Test
  void customers_write_only_fields_they_see_and_may_edit() {
    String editable = key("cust_edit");
    String readOnly = key("cust_ro");
    List<String> ids =
        List.of(
            defined(admin, editable, "TEXT", ",\"editableByCustomers\":true"),
            defined(admin, readOnly, "TEXT", ""));
    try {
      String ticket =
          open(customer.token(), "{\"" + editable + "\":\"mine\"}")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      edit(customer.token(), ticket, "{\"" + readOnly + "\":\"nope\"}")
          .then()
          .statusCode(422)
          .body("errors", hasKey("fields." + readOnly));
      edit(agent.token(), ticket, "{\"" + readOnly + "\":\"staff\"}").then().statusCode(200);
      // The edit's audit entry holds the field values it changed, before and after.
      Response audit =
          Api.as(admin)
              .queryParam("action", "EditTicket")
              .queryParam("entityId", ticket)
              .get("/api/v1/audit-log");
      audit.then().statusCode(200);
      Map<String, Object> after = audit.jsonPath().getMap("items[0].after.fields");
      Map<String, Object> before = audit.jsonPath().getMap("items[0].before.fields");
      assertThat(after).containsOnlyKeys(readOnly).containsEntry(readOnly, "staff");
      assertThat(before).containsOnlyKeys(readOnly);
      assertThat(before.get(readOnly)).isNull();
      customer
          .request()
          .get("/api/v1/tickets/" + ticket)
          .then()
          .body("fields." + readOnly, equalTo("staff"))
          .body("fields." + editable, equalTo("mine"));
    } finally {
      ids.forEach(id -> retire(admin, id));
    }
  }

  @Test
  void the_list_filters_by_field_values_and_bulk_changes_set_them() {
    String drop = key("f_drop");
    String multi = key("f_multi");
    String box = key("f_box");
    List<String> ids =
        List.of(
            defined(admin, drop, "DROPDOWN", ",\"options\":[\"a\",\"b\"]"),
            defined(admin, multi, "MULTI_SELECT", ",\"options\":[\"x\",\"y\"]"),
            defined(admin, box, "CHECKBOX", ""));
    try {
      String first =
          open(
                  agent.token(),
                  "{\"" + drop + "\":\"a\",\"" + multi + "\":[\"x\",\"y\"],\"" + box + "\":true}")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      String second =
          open(agent.token(), "{\"" + drop + "\":\"b\",\"" + multi + "\":[\"y\"]}")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      assertThat(listed(Map.of("field." + drop, "a"))).containsExactly(first);
      assertThat(listed(Map.of("field." + multi, "y"))).containsExactlyInAnyOrder(first, second);
      assertThat(listed(Map.of("field." + multi, "y", "field." + drop, "b")))
          .containsExactly(second);
      assertThat(listed(Map.of("field." + box, "true"))).containsExactly(first);
      agent
          .request()
          .queryParam("field." + box, "maybe")
          .get("/api/v1/tickets")
          .then()
          .statusCode(422)
          .body("errors", hasKey("field." + box));
      agent
          .request()
          .queryParam("field." + key("unknown"), "1")
          .get("/api/v1/tickets")
          .then()
          .statusCode(422);

      Response bulk =
          Api.json(agent.token())
              .body(
                  "{\"ticketIds\":[\""
                      + first
                      + "\",\""
                      + second
                      + "\"],\"change\":{\"fields\":{\""
                      + drop
                      + "\":\"b\",\""
                      + box
                      + "\":null}}}")
              .post("/api/v1/tickets/bulk");
      assertThat(bulk.statusCode()).as(bulk.asString()).isEqualTo(200);
      assertThat(bulk.jsonPath().getList("results.status")).containsExactly(200, 200);
      assertThat(listed(Map.of("field." + drop, "b"))).containsExactlyInAnyOrder(first, second);
      assertThat(listed(Map.of("field." + box, "true"))).isEmpty();
    } finally {
      ids.forEach(id -> retire(admin, id));
    }
  }

  private List<String> listed(Map<String, String> filters) {
    Response page =
        agent.request().queryParams(filters).queryParam("limit", "100").get("/api/v1/tickets");
    assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
    return page.jsonPath().getList("items.id", String.class);
  }
}
