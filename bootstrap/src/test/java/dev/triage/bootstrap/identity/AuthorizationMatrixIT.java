package dev.triage.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.PublishedOperations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint x every kind of caller x (own, someone else's, missing) resource has one expected
 * status, in one table. The test runs the whole table and reports every deviation at once; another
 * test checks that the table has a row for every operation the OpenAPI document publishes.
 */
@QuarkusTest
class AuthorizationMatrixIT {

  enum Who {
    ANONYMOUS,
    CUSTOMER,
    OTHER_CUSTOMER,
    AGENT,
    ADMIN,
    TOKEN_READ,
    TOKEN_WRITE,
    TOKEN_ADMIN
  }

  /** One row: an endpoint on one resource, and the status each caller must get. */
  record Row(String name, Function<RequestSpecification, Integer> call, int... expected) {}

  /**
   * Operations the OpenAPI document publishes that the table leaves out on purpose, as {@code
   * "METHOD /api/v1/path"} with the reason. None so far: the two live streams have rows whose
   * answers come before any event is streamed.
   */
  private static final Map<String, String> NOT_IN_THE_TABLE = Map.of();

  private static final Map<Who, String> tokens = new EnumMap<>(Who.class);
  private static String ownTicket;
  private static String customerToken;
  private static String agentId;
  private static String signInEmail;
  private static String webhook;
  private static String activeCategory;
  private static String inactiveCategory;
  private static String ticketField;
  private static String customerView;
  private static String sharedView;
  private static final List<String> webhooks = new ArrayList<>();
  private static String agentCanned;
  private static String sharedCanned;
  private static String agentMacro;
  private static String sharedMacro;
  private static String ownFile;
  private static String noteFile;

  /**
   * RestAssured knows the test port only inside a test, so the callers are made there. The ADMIN
   * column is an admin of its own, since the table ends by logging every caller out.
   */
  private static void callers() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    tokens.put(Who.CUSTOMER, customer.token());
    tokens.put(Who.OTHER_CUSTOMER, Api.newUser("CUSTOMER").token());
    tokens.put(Who.AGENT, agent.token());
    tokens.put(Who.ADMIN, Api.newUser("ADMIN").token());
    tokens.put(Who.TOKEN_READ, Api.newApiToken("tickets:read"));
    tokens.put(Who.TOKEN_WRITE, Api.newApiToken("tickets:write"));
    tokens.put(Who.TOKEN_ADMIN, Api.newApiToken("admin"));
    customerToken = customer.token();
    agentId = agent.id();
    ownTicket = Api.newTicket(customer.token());
    signInEmail = Api.newUser("CUSTOMER").email();
    webhook = newWebhook();
    activeCategory = newCategory();
    inactiveCategory = newCategory();
    ticketField = newTicketField();
    Api.json(Api.adminToken())
        .body("{\"active\":false}")
        .patch("/api/v1/categories/" + inactiveCategory)
        .then()
        .statusCode(200);
    customerView = newView(customer.token(), false);
    sharedView = newView(Api.adminToken(), true);
    agentCanned = newCanned(agent.token(), false);
    sharedCanned = newCanned(Api.adminToken(), true);
    agentMacro = newMacro(agent.token(), false);
    sharedMacro = newMacro(Api.adminToken(), true);
    ownFile = attached(customer.token(), false);
    noteFile = attached(agent.token(), true);
  }

  /** A little PNG: its signature and a few bytes. */
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2};

  /** A file uploaded by {@code token} and attached to a reply or note on the own ticket. */
  private static String attached(String token, boolean note) {
    String file =
        Api.as(token)
            .contentType("image/png")
            .queryParam("filename", "matrix.png")
            .body(PNG)
            .post("/api/v1/uploads")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    Api.json(token)
        .body(
            "{\"body\":\"with a file\",\"internal\":"
                + note
                + ",\"attachments\":[\""
                + file
                + "\"]}")
        .post("/api/v1/tickets/" + ownTicket + "/comments")
        .then()
        .statusCode(201);
    return file;
  }

  /** A macro body: it tags a ticket. */
  private static String macro(boolean shared) {
    return "{\"title\":\"matrix\",\"shared\":"
        + shared
        + ",\"actions\":[{\"type\":\"addTags\",\"value\":[\"matrix\"]}]}";
  }

  /** A new macro made by {@code token}; answers its id. */
  private static String newMacro(String token, boolean shared) {
    return Api.json(token)
        .body(macro(shared))
        .post("/api/v1/macros")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A canned response body. */
  private static String canned(boolean shared) {
    return "{\"title\":\"matrix\",\"body\":\"Hi {{requester.displayName}}\",\"shared\":"
        + shared
        + "}";
  }

  /** A new canned response made by {@code token}; answers its id. */
  private static String newCanned(String token, boolean shared) {
    return Api.json(token)
        .body(canned(shared))
        .post("/api/v1/canned-responses")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A saved view of a name no other has. */
  private static String view(boolean shared) {
    return "{\"name\":\"matrix-"
        + UUID.randomUUID()
        + "\",\"shared\":"
        + shared
        + ",\"filters\":{\"status\":\"OPEN\"}}";
  }

  /** A new view made by {@code token}; answers its id. */
  private static String newView(String token, boolean shared) {
    return Api.json(token)
        .body(view(shared))
        .post("/api/v1/views")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A group of a name no other has, without members. */
  private static String group() {
    return "{\"name\":\"matrix-" + UUID.randomUUID() + "\"}";
  }

  /** A new group, made by the admin; answers its id. */
  private static String newGroup() {
    return Api.json(Api.adminToken())
        .body(group())
        .post("/api/v1/groups")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A category of a name no other has. */
  private static String category() {
    return "{\"name\":\"matrix-" + UUID.randomUUID() + "\",\"defaultPriority\":\"LOW\"}";
  }

  /** A custom ticket field of a key no other has. */
  private static String ticketField() {
    return "{\"key\":\"matrix_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
        + "\",\"label\":\"Matrix\",\"type\":\"TEXT\"}";
  }

  /** A new custom ticket field, made by the admin; answers its id. */
  private static String newTicketField() {
    return Api.json(Api.adminToken())
        .body(ticketField())
        .post("/api/v1/ticket-fields")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A new active category, made by the admin; answers its id. */
  private static String newCategory() {
    return Api.json(Api.adminToken())
        .body(category())
        .post("/api/v1/categories")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static RequestSpecification as(Who who) {
    RequestSpecification spec = given().contentType(ContentType.JSON);
    return who == Who.ANONYMOUS ? spec : spec.header("Authorization", "Bearer " + tokens.get(who));
  }

  /** A ticket the customer just opened: OPEN, MEDIUM, unassigned. */
  private static String newTicket() {
    return Api.newTicket(customerToken);
  }

  /** A new ticket of the customer that an admin tagged {@code matrix}. */
  private static String taggedTicket() {
    String ticket = newTicket();
    Api.json(Api.adminToken())
        .body("{\"tags\":[\"matrix\"]}")
        .post("/api/v1/tickets/" + ticket + "/tags")
        .then()
        .statusCode(200);
    return ticket;
  }

  /** A new ticket of the customer to which an admin added {@code userId} as one of {@code kind}. */
  private static String ticketWith(String kind, String userId) {
    String ticket = newTicket();
    Api.json(Api.adminToken())
        .body("{\"userId\":\"" + userId + "\"}")
        .post("/api/v1/tickets/" + ticket + "/" + kind)
        .then()
        .statusCode(200);
    return ticket;
  }

  /** A new ticket of the customer whose priority an admin locked. */
  private static String lockedTicket() {
    String ticket = newTicket();
    Api.json(Api.adminToken())
        .body("{\"fields\":[\"priority\"]}")
        .post("/api/v1/tickets/" + ticket + "/locks")
        .then()
        .statusCode(200);
    return ticket;
  }

  /** A new ticket of the customer that an admin moved to RESOLVED. */
  private static String resolvedTicket() {
    String ticket = newTicket();
    for (String status : List.of("IN_PROGRESS", "RESOLVED")) {
      Api.json(Api.adminToken())
          .body("{\"status\":\"" + status + "\"}")
          .post("/api/v1/tickets/" + ticket + "/status")
          .then()
          .statusCode(200);
    }
    return ticket;
  }

  /** A new ticket of the customer that an admin assigned to the agent. */
  private static String ticketOfTheAgent() {
    String ticket = newTicket();
    Api.json(Api.adminToken())
        .body("{\"assigneeId\":\"" + agentId + "\"}")
        .put("/api/v1/tickets/" + ticket + "/assignee")
        .then()
        .statusCode(200);
    return ticket;
  }

  /** {@code /api/v1/tickets/<a new ticket>/comments/<the customer's reply on it>}. */
  private static String customersComment() {
    String ticket = newTicket();
    String comment =
        Api.json(customerToken)
            .body("{\"body\":\"Written by the customer.\"}")
            .post("/api/v1/tickets/" + ticket + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return "/api/v1/tickets/" + ticket + "/comments/" + comment;
  }

  /** A refresh token of a fresh session of the sign-in account. */
  private static String refreshToken() {
    return given()
        .contentType(ContentType.JSON)
        .body(signIn())
        .post("/api/v1/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("refreshToken");
  }

  private static String signIn() {
    return "{\"email\":\"" + signInEmail + "\",\"password\":\"" + Api.PASSWORD + "\"}";
  }

  /** A new webhook, inactive so that it never sends anything; removed when the test ends. */
  private static String newWebhook() {
    String id =
        Api.json(Api.adminToken())
            .body("{\"url\":\"http://127.0.0.1:9/matrix\",\"active\":false}")
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    webhooks.add(id);
    return id;
  }

  /** The calendar of the default policy (migration V16). */
  private static final String TWENTY_FOUR_SEVEN = Calendars.TWENTY_FOUR_SEVEN.toString();

  /** A business calendar of a name no other has. */
  private static String calendar() {
    return "{\"name\":\"Matrix "
        + UUID.randomUUID()
        + "\",\"timeZone\":\"Europe/Berlin\","
        + "\"week\":{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}}";
  }

  /** A new calendar, made by the admin; answers its id. */
  private static String newCalendar() {
    return Api.json(Api.adminToken())
        .body(calendar())
        .post("/api/v1/calendars")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** The default SLA policy (migration V17). */
  private static final String DEFAULT_POLICY = SlaPolicies.DEFAULT.toString();

  /** An SLA policy of a name no other has, on the 24x7 calendar. */
  private static String policy() {
    String targets = "{\"firstResponse\":\"PT1H\",\"resolution\":\"PT8H\",\"nextReply\":\"PT2H\"}";
    return "{\"name\":\"Matrix "
        + UUID.randomUUID()
        + "\",\"calendarId\":\""
        + TWENTY_FOUR_SEVEN
        + "\",\"warningShare\":0.8,\"position\":1000,"
        + "\"conditions\":{\"categories\":[\"matrix-"
        + UUID.randomUUID()
        + "\"]},\"targets\":{\"CRITICAL\":"
        + targets
        + ",\"HIGH\":"
        + targets
        + ",\"MEDIUM\":"
        + targets
        + ",\"LOW\":"
        + targets
        + "}}";
  }

  /** A new SLA policy, made by the admin; answers its id. */
  private static String newPolicy() {
    return Api.json(Api.adminToken())
        .body(policy())
        .post("/api/v1/sla-policies")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A live stream's refusal comes before any event; should one open, it fails, not hangs. */
  private static RequestSpecification briefly(RequestSpecification s) {
    return s.config(
        RestAssuredConfig.config()
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 10_000)
                    .setParam("http.connection.timeout", 10_000)));
  }

  private static String newUserBody() {
    return "{\"email\":\"m-"
        + UUID.randomUUID()
        + "@test.triage\",\"displayName\":\"M\",\"password\":\""
        + Api.PASSWORD
        + "\",\"role\":\"AGENT\"}";
  }

  // Columns: ANONYMOUS, CUSTOMER, OTHER_CUSTOMER, AGENT, ADMIN, TOKEN_READ, TOKEN_WRITE,
  // TOKEN_ADMIN
  private static List<Row> table() {
    String missingTicket = "0192f0c4-0000-7000-8000-00000000abcd";
    String missingUser = UUID.randomUUID().toString();
    return List.of(
        new Row(
            "POST /tickets",
            s ->
                s.body("{\"title\":\"Matrix\",\"description\":\"d\"}")
                    .post("/api/v1/tickets")
                    .statusCode(),
            401,
            201,
            201,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "GET /tickets/{own}",
            s -> s.get("/api/v1/tickets/" + ownTicket).statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /tickets/{missing}",
            s -> s.get("/api/v1/tickets/" + missingTicket).statusCode(),
            401,
            404,
            404,
            404,
            404,
            404,
            403,
            403),
        new Row(
            "GET /me",
            s -> s.get("/api/v1/me").statusCode(),
            401,
            200,
            200,
            200,
            200,
            404,
            404,
            404),
        // A wrong current password: every person may try, and nobody's password changes.
        new Row(
            "POST /me/password",
            s ->
                s.body(
                        "{\"currentPassword\":\"not the current one\","
                            + "\"newPassword\":\"a brand-new long password\"}")
                    .post("/api/v1/me/password")
                    .statusCode(),
            401,
            422,
            422,
            422,
            422,
            409,
            409,
            409),
        new Row(
            "GET /users",
            s -> s.get("/api/v1/users").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "GET /audit-log",
            s -> s.get("/api/v1/audit-log").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "POST /users",
            s -> s.body(newUserBody()).post("/api/v1/users").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "PATCH /users/{other}",
            s ->
                s.body("{\"active\":true}")
                    .patch("/api/v1/users/" + Api.newUser("AGENT").id())
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "PATCH /users/{missing}",
            s -> s.body("{\"active\":true}").patch("/api/v1/users/" + missingUser).statusCode(),
            401,
            403,
            403,
            403,
            404,
            403,
            403,
            404),
        new Row(
            "POST /users/{other}/sessions/revoke",
            s ->
                s.post("/api/v1/users/" + Api.newUser("AGENT").id() + "/sessions/revoke")
                    .statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            204),
        new Row(
            "GET /api-tokens",
            s -> s.get("/api/v1/api-tokens").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "POST /api-tokens",
            s ->
                s.body("{\"name\":\"m\",\"scopes\":[\"tickets:read\"]}")
                    .post("/api/v1/api-tokens")
                    .statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "DELETE /api-tokens/{missing}",
            s -> s.delete("/api/v1/api-tokens/" + UUID.randomUUID()).statusCode(),
            401,
            403,
            403,
            403,
            404,
            403,
            403,
            404),
        // Webhooks are the admins' (and admin-scoped tokens').
        new Row(
            "GET /webhooks",
            s -> s.get("/api/v1/webhooks").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "GET /webhooks/{missing}/deliveries",
            s -> s.get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").statusCode(),
            401,
            403,
            403,
            403,
            404,
            403,
            403,
            404),
        new Row(
            "POST /webhooks (no URL)",
            s -> s.body("{\"events\":[]}").post("/api/v1/webhooks").statusCode(),
            401,
            403,
            403,
            403,
            422,
            403,
            403,
            422),
        // Everyone signed in has an inbox of their own (an API token's stays empty).
        new Row(
            "GET /notifications",
            s -> s.get("/api/v1/notifications").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /notifications/unread-count",
            s -> s.get("/api/v1/notifications/unread-count").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /notifications/{missing}/read",
            s -> s.post("/api/v1/notifications/" + UUID.randomUUID() + "/read").statusCode(),
            401,
            404,
            404,
            404,
            404,
            404,
            404,
            404),
        new Row(
            "POST /notifications/read-all",
            s -> s.post("/api/v1/notifications/read-all").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /notifications/{missing}/unread",
            s -> s.post("/api/v1/notifications/" + UUID.randomUUID() + "/unread").statusCode(),
            401,
            404,
            404,
            404,
            404,
            404,
            404,
            404),
        // Tickets: lists. Customers see their own; overdue is the staff's; tokens need the scope.
        new Row(
            "GET /tickets",
            s -> s.get("/api/v1/tickets").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /tickets/overdue",
            s -> s.get("/api/v1/tickets/overdue").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        // Tickets: reads of the customer's ticket; someone else's is missing, not forbidden.
        new Row(
            "GET /tickets/{own}/comments",
            s -> s.get("/api/v1/tickets/" + ownTicket + "/comments").statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /tickets/{own}/timeline",
            s -> s.get("/api/v1/tickets/" + ownTicket + "/timeline").statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /tickets/{own}/sla",
            s -> s.get("/api/v1/tickets/" + ownTicket + "/sla").statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        // Tickets: commands, each on a ticket of its own (an API token acts as an agent).
        new Row(
            "PATCH /tickets/{own}",
            s ->
                s.body("{\"title\":\"Edited in the matrix\"}")
                    .patch("/api/v1/tickets/" + newTicket())
                    .statusCode(),
            401,
            200,
            404,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "POST /tickets/{own}/status",
            s ->
                s.body("{\"status\":\"IN_PROGRESS\"}")
                    .post("/api/v1/tickets/" + newTicket() + "/status")
                    .statusCode(),
            401,
            409,
            404,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "PUT /tickets/{own}/assignee (to the agent)",
            s ->
                s.body("{\"assigneeId\":\"" + agentId + "\"}")
                    .put("/api/v1/tickets/" + newTicket() + "/assignee")
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            403,
            403),
        new Row(
            "DELETE /tickets/{agent's}/assignee",
            s -> s.delete("/api/v1/tickets/" + ticketOfTheAgent() + "/assignee").statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            403,
            403),
        new Row(
            "POST /tickets/{own}/escalation",
            s -> s.body("{}").post("/api/v1/tickets/" + newTicket() + "/escalation").statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "POST /tickets/{own}/tags",
            s ->
                s.body("{\"tags\":[\"matrix\"]}")
                    .post("/api/v1/tickets/" + newTicket() + "/tags")
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "DELETE /tickets/{own}/tags/{tag}",
            s -> s.delete("/api/v1/tickets/" + taggedTicket() + "/tags/matrix").statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "GET /tags",
            s -> s.get("/api/v1/tags").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "POST /tags/rename",
            s ->
                s.body("{\"from\":\"matrix-old\",\"to\":\"matrix-new\"}")
                    .post("/api/v1/tags/rename")
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "POST /tickets/{own}/locks",
            s ->
                s.body("{\"fields\":[\"priority\"]}")
                    .post("/api/v1/tickets/" + newTicket() + "/locks")
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "DELETE /tickets/{own}/locks/{field}",
            s -> s.delete("/api/v1/tickets/" + lockedTicket() + "/locks/priority").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        // Each ticket of a bulk change is authorized on its own: the request itself is open to
        // every signed-in caller, and each refusal is reported per ticket.
        new Row(
            "POST /tickets/bulk",
            s ->
                s.body(
                        "{\"ticketIds\":[\""
                            + newTicket()
                            + "\"],\"change\":{\"addTags\":[\"bulk\"]}}")
                    .post("/api/v1/tickets/bulk")
                    .statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /tickets/{own}/comments",
            s ->
                s.body("{\"body\":\"From the matrix.\"}")
                    .post("/api/v1/tickets/" + newTicket() + "/comments")
                    .statusCode(),
            401,
            201,
            404,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "DELETE /tickets/{own}/comments/{customer's}",
            s -> s.delete(customersComment()).statusCode(),
            401,
            200,
            404,
            403,
            200,
            403,
            403,
            403),
        new Row(
            "POST /tickets/{resolved}/reopen",
            s -> s.body("{}").post("/api/v1/tickets/" + resolvedTicket() + "/reopen").statusCode(),
            401,
            200,
            404,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "POST /tickets/{resolved}/close",
            s -> s.body("{}").post("/api/v1/tickets/" + resolvedTicket() + "/close").statusCode(),
            401,
            200,
            404,
            409,
            200,
            403,
            409,
            403),
        // Live streams: refused before anything is streamed, so these answers end.
        new Row(
            "GET /tickets/{missing}/events",
            s -> briefly(s).get("/api/v1/tickets/" + missingTicket + "/events").statusCode(),
            401,
            404,
            404,
            404,
            404,
            404,
            403,
            403),
        new Row(
            "GET /events (Last-Event-ID not a position)",
            s -> briefly(s).header("Last-Event-ID", "yesterday").get("/api/v1/events").statusCode(),
            401,
            400,
            400,
            400,
            400,
            400,
            403,
            403),
        new Row(
            "GET /dashboard",
            s -> s.get("/api/v1/dashboard").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "GET /webhooks/{one}",
            s -> s.get("/api/v1/webhooks/" + webhook).statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "PATCH /webhooks/{one}",
            s -> s.body("{\"active\":false}").patch("/api/v1/webhooks/" + webhook).statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "DELETE /webhooks/{new}",
            s -> s.delete("/api/v1/webhooks/" + newWebhook()).statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            204),
        new Row(
            "POST /webhooks/{missing}/deliveries/{missing}/redeliver",
            s ->
                s.post(
                        "/api/v1/webhooks/"
                            + UUID.randomUUID()
                            + "/deliveries/"
                            + UUID.randomUUID()
                            + "/redeliver")
                    .statusCode(),
            401,
            403,
            403,
            403,
            404,
            403,
            403,
            404),
        // The category catalogue: everyone signed in reads the active categories (an API token
        // needs tickets:read), staff the inactive ones too; admins write.
        new Row(
            "GET /categories",
            s -> s.get("/api/v1/categories").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /categories (all=true)",
            s -> s.queryParam("all", "true").get("/api/v1/categories").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /categories/{active}",
            s -> s.get("/api/v1/categories/" + activeCategory).statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /categories/{inactive}",
            s -> s.get("/api/v1/categories/" + inactiveCategory).statusCode(),
            401,
            404,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "POST /categories",
            s -> s.body(category()).post("/api/v1/categories").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "PATCH /categories/{new}",
            s ->
                s.body("{\"defaultPriority\":\"HIGH\"}")
                    .patch("/api/v1/categories/" + newCategory())
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        // Custom ticket fields: everyone signed in reads the ones they see (an API token needs
        // tickets:read), staff the retired ones too; admins write.
        new Row(
            "GET /ticket-fields",
            s -> s.get("/api/v1/ticket-fields").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /ticket-fields (all=true)",
            s -> s.queryParam("all", "true").get("/api/v1/ticket-fields").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /ticket-fields/{id}",
            s -> s.get("/api/v1/ticket-fields/" + ticketField).statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "POST /ticket-fields",
            s -> s.body(ticketField()).post("/api/v1/ticket-fields").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "PATCH /ticket-fields/{new}",
            s ->
                s.body("{\"label\":\"Changed\"}")
                    .patch("/api/v1/ticket-fields/" + newTicketField())
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        // Saved views: anyone signed in keeps personal views (an API token acts as its maker and
        // needs the tickets scopes); shared views are made, changed and deleted by admins (a token
        // needs the admin scope, and an admin-only token has no tickets:write) and seen by staff;
        // another's personal view, or a shared view to a customer, is 404.
        new Row(
            "POST /views",
            s -> s.body(view(false)).post("/api/v1/views").statusCode(),
            401,
            201,
            201,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "POST /views (shared)",
            s -> s.body(view(true)).post("/api/v1/views").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            403),
        new Row(
            "GET /views",
            s -> s.get("/api/v1/views").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /views/counts",
            s -> s.get("/api/v1/views/counts").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /views/{customer's}",
            s -> s.get("/api/v1/views/" + customerView).statusCode(),
            401,
            200,
            404,
            404,
            404,
            404,
            403,
            403),
        new Row(
            "GET /views/{shared}",
            s -> s.get("/api/v1/views/" + sharedView).statusCode(),
            401,
            404,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /views/{customer's}/tickets",
            s -> s.get("/api/v1/views/" + customerView + "/tickets").statusCode(),
            401,
            200,
            404,
            404,
            404,
            404,
            403,
            403),
        new Row(
            "GET /views/{shared}/tickets",
            s -> s.get("/api/v1/views/" + sharedView + "/tickets").statusCode(),
            401,
            404,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "PATCH /views/{customer's}",
            s ->
                s.body("{\"sort\":\"priority\"}")
                    .patch("/api/v1/views/" + customerView)
                    .statusCode(),
            401,
            200,
            404,
            404,
            404,
            403,
            404,
            403),
        new Row(
            "PATCH /views/{shared}",
            s ->
                s.body("{\"sort\":\"priority\"}").patch("/api/v1/views/" + sharedView).statusCode(),
            401,
            404,
            404,
            403,
            200,
            403,
            403,
            403),
        new Row(
            "DELETE /views/{new}",
            s -> s.delete("/api/v1/views/" + newView(Api.adminToken(), true)).statusCode(),
            401,
            404,
            404,
            403,
            204,
            403,
            403,
            403),
        // Groups: staff read them (an API token needs tickets:read), admins write.
        new Row(
            "GET /groups",
            s -> s.get("/api/v1/groups").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /groups/{new}",
            s -> s.get("/api/v1/groups/" + newGroup()).statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "POST /groups",
            s -> s.body(group()).post("/api/v1/groups").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "PATCH /groups/{new}",
            s -> s.body(group()).patch("/api/v1/groups/" + newGroup()).statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "DELETE /groups/{new}",
            s -> s.delete("/api/v1/groups/" + newGroup()).statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            204),
        // Business calendars: staff read them (an API token needs tickets:read), admins write.
        new Row(
            "GET /calendars",
            s -> s.get("/api/v1/calendars").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /calendars/{24x7}",
            s -> s.get("/api/v1/calendars/" + TWENTY_FOUR_SEVEN).statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "POST /calendars",
            s -> s.body(calendar()).post("/api/v1/calendars").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "PUT /calendars/{new}",
            s -> s.body(calendar()).put("/api/v1/calendars/" + newCalendar()).statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "DELETE /calendars/{new}",
            s -> s.delete("/api/v1/calendars/" + newCalendar()).statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            204),
        // The default policy's calendar is always in use.
        new Row(
            "DELETE /calendars/{24x7}",
            s -> s.delete("/api/v1/calendars/" + TWENTY_FOUR_SEVEN).statusCode(),
            401,
            403,
            403,
            403,
            409,
            403,
            403,
            409),
        // SLA policies: staff read them (an API token needs tickets:read), admins write.
        new Row(
            "GET /sla-policies",
            s -> s.get("/api/v1/sla-policies").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /sla-policies/{default}",
            s -> s.get("/api/v1/sla-policies/" + DEFAULT_POLICY).statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "POST /sla-policies",
            s -> s.body(policy()).post("/api/v1/sla-policies").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            201),
        new Row(
            "PUT /sla-policies/{new}",
            s -> s.body(policy()).put("/api/v1/sla-policies/" + newPolicy()).statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "DELETE /sla-policies/{new}",
            s -> s.delete("/api/v1/sla-policies/" + newPolicy()).statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            204),
        new Row(
            "POST /sla-policies/reapply",
            s -> s.post("/api/v1/sla-policies/reapply").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        // The default policy always exists.
        new Row(
            "DELETE /sla-policies/{default}",
            s -> s.delete("/api/v1/sla-policies/" + DEFAULT_POLICY).statusCode(),
            401,
            403,
            403,
            403,
            409,
            403,
            403,
            409),
        // Runtime settings are the admins' (and admin-scoped tokens'); a PATCH of nothing changes
        // nothing, so the table leaves them as they were.
        new Row(
            "GET /settings",
            s -> s.get("/api/v1/settings").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        new Row(
            "PATCH /settings",
            s -> s.body("{}").patch("/api/v1/settings").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        // Signing in and out is open to everyone; a bearer token sent along changes nothing.
        new Row(
            "POST /auth/register",
            s ->
                s.body(
                        "{\"email\":\"r-"
                            + UUID.randomUUID()
                            + "@test.triage\",\"displayName\":\"R\",\"password\":\""
                            + Api.PASSWORD
                            + "\"}")
                    .post("/api/v1/auth/register")
                    .statusCode(),
            201,
            201,
            201,
            201,
            201,
            201,
            201,
            201),
        new Row(
            "POST /auth/login",
            s -> s.body(signIn()).post("/api/v1/auth/login").statusCode(),
            200,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /auth/refresh",
            s ->
                s.body("{\"refreshToken\":\"" + refreshToken() + "\"}")
                    .post("/api/v1/auth/refresh")
                    .statusCode(),
            200,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "POST /tickets/{own}/ccs",
            s ->
                s.body("{\"userId\":\"" + Api.newUser("CUSTOMER").id() + "\"}")
                    .post("/api/v1/tickets/" + newTicket() + "/ccs")
                    .statusCode(),
            401,
            200,
            404,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "DELETE /tickets/{own}/ccs/{userId}",
            s -> {
              String cc = Api.newUser("CUSTOMER").id();
              return s.delete("/api/v1/tickets/" + ticketWith("ccs", cc) + "/ccs/" + cc)
                  .statusCode();
            },
            401,
            200,
            404,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "POST /tickets/{own}/followers",
            s ->
                s.body("{\"userId\":\"" + agentId + "\"}")
                    .post("/api/v1/tickets/" + newTicket() + "/followers")
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "DELETE /tickets/{own}/followers/{userId}",
            s ->
                s.delete(
                        "/api/v1/tickets/"
                            + ticketWith("followers", agentId)
                            + "/followers/"
                            + agentId)
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "POST /tickets/{own}/links",
            s ->
                s.body("{\"ticketId\":\"" + newTicket() + "\",\"type\":\"RELATED\"}")
                    .post("/api/v1/tickets/" + newTicket() + "/links")
                    .statusCode(),
            401,
            403,
            403,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "GET /tickets/{own}/links",
            s -> s.get("/api/v1/tickets/" + ownTicket + "/links").statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "DELETE /tickets/{own}/links/{linkId}",
            s -> {
              String ticket = newTicket();
              String link =
                  Api.json(Api.adminToken())
                      .body("{\"ticketId\":\"" + newTicket() + "\",\"type\":\"CAUSED_BY\"}")
                      .post("/api/v1/tickets/" + ticket + "/links")
                      .then()
                      .statusCode(201)
                      .extract()
                      .path("id");
              return s.delete("/api/v1/tickets/" + ticket + "/links/" + link).statusCode();
            },
            401,
            403,
            403,
            204,
            204,
            403,
            204,
            403),
        // Canned responses: staff only (an API token needs the tickets scope of the request's
        // kind); shared ones are kept by admins (a token would need the admin scope, which has no
        // tickets scope); another's personal response is 404.
        new Row(
            "POST /canned-responses",
            s -> s.body(canned(false)).post("/api/v1/canned-responses").statusCode(),
            401,
            403,
            403,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "POST /canned-responses (shared)",
            s -> s.body(canned(true)).post("/api/v1/canned-responses").statusCode(),
            401,
            403,
            403,
            403,
            201,
            403,
            403,
            403),
        new Row(
            "GET /canned-responses",
            s -> s.get("/api/v1/canned-responses").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /canned-responses/{agent's}",
            s -> s.get("/api/v1/canned-responses/" + agentCanned).statusCode(),
            401,
            403,
            403,
            200,
            404,
            404,
            403,
            403),
        new Row(
            "GET /canned-responses/{shared}",
            s -> s.get("/api/v1/canned-responses/" + sharedCanned).statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "PATCH /canned-responses/{shared}",
            s ->
                s.body("{\"title\":\"matrix again\"}")
                    .patch("/api/v1/canned-responses/" + sharedCanned)
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            403),
        new Row(
            "DELETE /canned-responses/{new}",
            s ->
                s.delete("/api/v1/canned-responses/" + newCanned(Api.adminToken(), true))
                    .statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            403),
        new Row(
            "POST /canned-responses/{shared}/preview",
            s ->
                s.body("{\"ticketId\":\"" + ownTicket + "\"}")
                    .post("/api/v1/canned-responses/" + sharedCanned + "/preview")
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        // E-mail: everyone signed in keeps their own notification settings; the mail outbox is
        // for admins.
        new Row(
            "GET /me/notification-settings",
            s -> s.get("/api/v1/me/notification-settings").statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "PATCH /me/notification-settings",
            s ->
                s.body("{\"email\":{\"REPLY\":true}}")
                    .patch("/api/v1/me/notification-settings")
                    .statusCode(),
            401,
            200,
            200,
            200,
            200,
            200,
            200,
            200),
        new Row(
            "GET /mail/deliveries",
            s -> s.get("/api/v1/mail/deliveries").statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            200),
        // Password reset is public: the same answer for every caller, known address or not.
        new Row(
            "POST /auth/password-reset",
            s ->
                s.body("{\"email\":\"matrix-nobody@example.com\"}")
                    .post("/api/v1/auth/password-reset")
                    .statusCode(),
            202,
            202,
            202,
            202,
            202,
            202,
            202,
            202),
        new Row(
            "POST /auth/password-reset/confirm",
            s ->
                s.body("{\"token\":\"prt_unknown\",\"password\":\"matrix horse battery 7\"}")
                    .post("/api/v1/auth/password-reset/confirm")
                    .statusCode(),
            422,
            422,
            422,
            422,
            422,
            422,
            422,
            422),
        new Row(
            "POST /auth/confirm-address",
            s ->
                s.body("{\"token\":\"act_unknown\"}")
                    .post("/api/v1/auth/confirm-address")
                    .statusCode(),
            422,
            422,
            422,
            422,
            422,
            422,
            422,
            422),
        // Inbound mail takes the inbound secret only, never a user's or an API token.
        new Row(
            "POST /inbound-mail",
            s ->
                s.contentType("message/rfc822")
                    .body(
                        "From: a@example.com\r\n\r\nhi"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/v1/inbound-mail")
                    .statusCode(),
            401,
            401,
            401,
            401,
            401,
            401,
            401,
            401),
        // The original e-mails of a ticket: staff only, its own customer reads 404.
        new Row(
            "GET /tickets/{own}/inbound-mails",
            s -> s.get("/api/v1/tickets/" + ownTicket + "/inbound-mails").statusCode(),
            401,
            404,
            404,
            200,
            200,
            200,
            403,
            403),
        // Snoozing (ADR 30): staff only.
        new Row(
            "POST /tickets/{own}/snooze",
            s ->
                s.body("{\"until\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}")
                    .post("/api/v1/tickets/" + newTicket() + "/snooze")
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "DELETE /tickets/{own}/snooze",
            s -> {
              String ticket = newTicket();
              Api.json(Api.adminToken())
                  .body("{\"until\":\"" + java.time.Instant.now().plusSeconds(3600) + "\"}")
                  .post("/api/v1/tickets/" + ticket + "/snooze")
                  .then()
                  .statusCode(200);
              return s.delete("/api/v1/tickets/" + ticket + "/snooze").statusCode();
            },
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        // Merging (ADR 30): staff only.
        new Row(
            "POST /tickets/{own}/merge",
            s ->
                s.body("{\"targetId\":\"" + newTicket() + "\"}")
                    .post("/api/v1/tickets/" + newTicket() + "/merge")
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        // Splitting a comment into a ticket (ADR 30): staff only.
        new Row(
            "POST /tickets/{own}/comments/{commentId}/split",
            s -> {
              String ticket = newTicket();
              String comment =
                  Api.json(customerToken)
                      .body("{\"body\":\"Another problem\"}")
                      .post("/api/v1/tickets/" + ticket + "/comments")
                      .then()
                      .statusCode(201)
                      .extract()
                      .path("id");
              return s.post("/api/v1/tickets/" + ticket + "/comments/" + comment + "/split")
                  .statusCode();
            },
            401,
            403,
            403,
            201,
            201,
            403,
            201,
            403),
        // Macros: as canned responses (staff only, shared ones kept by admins, another's
        // personal one is 404); applying one is a ticket command (tickets:write), its dry run a
        // query (tickets:read).
        new Row(
            "POST /macros",
            s -> s.body(macro(false)).post("/api/v1/macros").statusCode(),
            401,
            403,
            403,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "GET /macros",
            s -> s.get("/api/v1/macros").statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /macros/{agent's}",
            s -> s.get("/api/v1/macros/" + agentMacro).statusCode(),
            401,
            403,
            403,
            200,
            404,
            404,
            403,
            403),
        new Row(
            "PATCH /macros/{shared}",
            s ->
                s.body("{\"title\":\"matrix again\"}")
                    .patch("/api/v1/macros/" + sharedMacro)
                    .statusCode(),
            401,
            403,
            403,
            403,
            200,
            403,
            403,
            403),
        new Row(
            "DELETE /macros/{new}",
            s -> s.delete("/api/v1/macros/" + newMacro(Api.adminToken(), true)).statusCode(),
            401,
            403,
            403,
            403,
            204,
            403,
            403,
            403),
        new Row(
            "POST /tickets/{new}/macros/{shared}",
            s ->
                s.post("/api/v1/tickets/" + Api.newTicket(customerToken) + "/macros/" + sharedMacro)
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            403,
            200,
            403),
        new Row(
            "POST /tickets/{new}/macros/{shared} (dry run)",
            s ->
                s.queryParam("dryRun", true)
                    .post(
                        "/api/v1/tickets/"
                            + Api.newTicket(customerToken)
                            + "/macros/"
                            + sharedMacro)
                    .statusCode(),
            401,
            403,
            403,
            200,
            200,
            200,
            403,
            403),
        // Attachments: everyone signed in uploads (a token needs tickets:write); a file is seen
        // as its comment is, an internal note's by staff only.
        new Row(
            "POST /uploads",
            s ->
                s.contentType("image/png")
                    .queryParam("filename", "matrix.png")
                    .body(PNG)
                    .post("/api/v1/uploads")
                    .statusCode(),
            401,
            201,
            201,
            201,
            201,
            403,
            201,
            403),
        new Row(
            "GET /attachments/{ownReplyFile}",
            s -> s.get("/api/v1/attachments/" + ownFile).statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /attachments/{ownTicketNoteFile}",
            s -> s.get("/api/v1/attachments/" + noteFile).statusCode(),
            401,
            404,
            404,
            200,
            200,
            200,
            403,
            403),
        new Row(
            "GET /tickets/{own}/attachments",
            s -> s.get("/api/v1/tickets/" + ownTicket + "/attachments").statusCode(),
            401,
            200,
            404,
            200,
            200,
            200,
            403,
            403),
        // Last: it ends the callers' sessions (API tokens have none to end).
        new Row(
            "POST /auth/logout",
            s -> s.post("/api/v1/auth/logout").statusCode(),
            401,
            204,
            204,
            204,
            204,
            409,
            409,
            409));
  }

  /** {@code "GET /tickets/{own}"} as {@code "GET /api/v1/tickets/{own}"}: method and path. */
  private static String endpoint(String row) {
    String[] parts = row.split(" ", 3);
    return parts[0] + " " + PublishedOperations.API + parts[1];
  }

  @Test
  void every_published_endpoint_has_a_row_and_every_row_a_published_endpoint() {
    List<String> rows = table().stream().map(row -> endpoint(row.name())).toList();
    assertThat(
            PublishedOperations.gaps(
                "the authorization matrix", PublishedOperations.fetch(), rows, NOT_IN_THE_TABLE))
        .as("the authorization matrix against GET /q/openapi")
        .isEmpty();
  }

  @Test
  void every_endpoint_answers_every_caller_as_the_table_says() {
    callers();
    List<String> deviations = new ArrayList<>();
    Map<String, Integer> cells = new LinkedHashMap<>();
    for (Row row : table()) {
      assertThat(row.expected()).hasSize(Who.values().length);
      for (Who who : Who.values()) {
        int expected = row.expected()[who.ordinal()];
        int actual = row.call().apply(as(who));
        cells.put(row.name() + " as " + who, actual);
        if (actual != expected) {
          deviations.add(row.name() + " as " + who + ": expected " + expected + ", got " + actual);
        }
      }
    }
    System.out.printf(
        "authorization matrix: %d endpoints x %d callers = %d cells, %d deviations%n",
        table().size(), Who.values().length, cells.size(), deviations.size());
    for (String id : webhooks) {
      Api.as(Api.adminToken()).delete("/api/v1/webhooks/" + id);
    }
    assertThat(deviations).isEmpty();
  }
}
