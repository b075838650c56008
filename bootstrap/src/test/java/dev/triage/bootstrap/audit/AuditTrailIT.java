package dev.triage.bootstrap.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Command;
import dev.triage.application.port.Calendars;
import dev.triage.application.sweep.AutoCloseTicket;
import dev.triage.application.sweep.EscalateStaleTicket;
import dev.triage.application.sweep.RecordSlaAlarms;
import dev.triage.application.sweep.WakeSnoozedTicket;
import dev.triage.bootstrap.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The audit trail end to end: every command leaves exactly one entry naming its actor, action,
 * entity and states, without secrets; refused commands leave none; admins read the log filtered and
 * paged; the table cannot be changed or emptied, not even with direct SQL.
 */
@QuarkusTest
class AuditTrailIT {

  static final String SYSTEM_ACTOR = "00000000-0000-0000-0000-000000000000";

  @Inject DataSource dataSource;
  @Inject ObjectMapper json;
  @Inject Bus bus;

  /**
   * Commands the bus knows that the completeness table leaves out on purpose, each with the reason.
   * Every other command must have a row: a new command joins the table or this list.
   */
  static final Map<Class<?>, String> NOT_IN_THE_TABLE =
      Map.of(
          RecordSlaAlarms.class,
          "only the scheduled SLA sweep sends it, as the system; no HTTP request can (SweepsIT)",
          EscalateStaleTicket.class,
          "only the scheduled escalation sweep sends it; SweepsIT checks its system entry",
          AutoCloseTicket.class,
          "only the scheduled auto-close sweep sends it, as the system; no HTTP request can",
          WakeSnoozedTicket.class,
          "only the scheduled snooze sweep sends it, as the system; TicketSnoozeIT checks it");

  /** Commands that change two tickets and leave an entry for each (ADR 30). */
  static final java.util.Set<String> ONE_ENTRY_PER_TICKET =
      java.util.Set.of("MergeTicket", "SplitComment");

  /** One audit row as stored. */
  record Entry(
      long id,
      Instant occurredAt,
      String actorId,
      String actorRole,
      String action,
      String entityType,
      String entityId,
      JsonNode before,
      JsonNode after,
      String beforeText,
      String afterText,
      String clientIp,
      String requestId) {}

  List<Entry> entriesOf(String requestId) throws SQLException {
    return select("where request_id = ? order by id", requestId);
  }

  List<Entry> select(String where, Object... parameters) throws SQLException {
    String sql =
        "select id, occurred_at, cast(actor_id as text), actor_role, action, entity_type,"
            + " entity_id, cast(before as text), cast(after as text), client_ip, request_id"
            + " from audit_log "
            + where;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<Entry> entries = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          entries.add(
              new Entry(
                  r.getLong(1),
                  r.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  tree(r.getString(8)),
                  tree(r.getString(9)),
                  r.getString(8),
                  r.getString(9),
                  r.getString(10),
                  r.getString(11)));
        }
      }
      return entries;
    }
  }

  private JsonNode tree(String text) {
    try {
      return text == null ? null : json.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("audit state is not JSON: " + text, e);
    }
  }

  static String newRequestId() {
    return "audit-" + UUID.randomUUID();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID() + "@audit.test";
  }

  static String body(String... pairs) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      b.append(b.length() > 1 ? "," : "")
          .append('"')
          .append(pairs[i])
          .append("\":")
          .append(pairs[i + 1]);
    }
    return b.append('}').toString();
  }

  static String quoted(String text) {
    return '"' + text + '"';
  }

  // ---- the completeness table -----------------------------------------------------------------

  /**
   * One command as a client sends it, and the entry it must leave. {@code send} gets a request that
   * already carries a fresh {@code X-Request-Id}; {@code entityId} reads the expected entity id
   * (from the answer or from what earlier rows set up); {@code actor} is the expected actor id
   * (null: anonymous); {@code hasAfter} is false only for a deletion; {@code check} looks at the
   * states.
   */
  record Case(
      String action,
      Function<RequestSpecification, Response> send,
      int status,
      String entityType,
      Function<Response, String> entityId,
      Function<Response, String> actor,
      String actorRole,
      boolean hasBefore,
      boolean hasAfter,
      Consumer<Entry> check) {

    /** A command that leaves something behind: its entry has an after state. */
    Case(
        String action,
        Function<RequestSpecification, Response> send,
        int status,
        String entityType,
        Function<Response, String> entityId,
        Function<Response, String> actor,
        String actorRole,
        boolean hasBefore,
        Consumer<Entry> check) {
      this(action, send, status, entityType, entityId, actor, actorRole, hasBefore, true, check);
    }
  }

  /** The password the ChangeOwnPassword row sets. */
  static final String NEW_PASSWORD = "a brand-new long password";

  /** Values the rows hand to later rows (a registered id, a refresh token ...). */
  final Map<String, String> shared = new HashMap<>();

  /** Every secret the table saw: none of them may appear in any audit entry. */
  final List<String> secrets = new ArrayList<>();

  private String remember(String name, String value) {
    shared.put(name, value);
    return value;
  }

  private List<Case> everyCommand(
      Api.User customer, Api.User agent, Api.User leaving, Api.User managed) {
    String admin = Api.adminToken();
    String adminId = Api.as(admin).get("/api/v1/me").then().extract().path("id");
    String registerEmail = unique("register");
    Api.User changing = Api.newUser("CUSTOMER");
    Api.User resetting = Api.newUser("CUSTOMER");
    String calendarName = "Audit calendar " + UUID.randomUUID();
    String groupName = "Audit group " + UUID.randomUUID();
    String policyName = "Audit policy " + UUID.randomUUID();
    String tagName = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    String renamedTag = "audit-renamed-" + UUID.randomUUID().toString().substring(0, 8);
    secrets.add(NEW_PASSWORD);
    secrets.add(Api.PASSWORD);
    secrets.add(Api.ADMIN_PASSWORD);
    secrets.add(admin);
    secrets.add(customer.token());
    secrets.add(leaving.token());
    secrets.add(agent.token());
    return List.of(
        new Case(
            "RegisterCustomer",
            r ->
                r.contentType(ContentType.JSON)
                    .body(
                        body(
                            "email", quoted(registerEmail),
                            "displayName", quoted("Reg Istered"),
                            "password", quoted(Api.PASSWORD)))
                    .post("/api/v1/auth/register"),
            201,
            "User",
            res -> remember("registeredId", res.path("id")),
            res -> res.path("id"),
            "CUSTOMER",
            false,
            e -> {
              assertThat(e.after().get("email").asText()).isEqualTo(registerEmail);
              assertThat(e.after().get("role").asText()).isEqualTo("CUSTOMER");
            }),
        new Case(
            "Login",
            r ->
                r.contentType(ContentType.JSON)
                    .body(body("email", quoted(registerEmail), "password", quoted(Api.PASSWORD)))
                    .post("/api/v1/auth/login"),
            200,
            "Session",
            res -> {
              shared.put("refreshToken", res.path("refreshToken"));
              secrets.add(res.path("refreshToken"));
              secrets.add(res.path("accessToken"));
              return shared.get("registeredId");
            },
            res -> shared.get("registeredId"),
            "CUSTOMER",
            false,
            e -> {
              assertThat(e.after().get("userId").asText()).isEqualTo(shared.get("registeredId"));
              assertThat(e.after().get("status").asText()).isEqualTo("ACTIVE");
              assertThat(e.after().get("familyId").asText()).isNotBlank();
            }),
        new Case(
            "RefreshSession",
            r ->
                r.contentType(ContentType.JSON)
                    .body(body("refreshToken", quoted(shared.get("refreshToken"))))
                    .post("/api/v1/auth/refresh"),
            200,
            "Session",
            res -> {
              secrets.add(res.path("refreshToken"));
              secrets.add(res.path("accessToken"));
              return shared.get("registeredId");
            },
            res -> shared.get("registeredId"),
            "CUSTOMER",
            true,
            e -> {
              assertThat(e.before().get("familyId")).isEqualTo(e.after().get("familyId"));
              assertThat(Instant.parse(e.after().get("renewedAt").asText()))
                  .isAfter(Instant.parse(e.before().get("renewedAt").asText()));
            }),
        new Case(
            "Logout",
            r -> r.header("Authorization", "Bearer " + leaving.token()).post("/api/v1/auth/logout"),
            204,
            "User",
            res -> leaving.id(),
            res -> leaving.id(),
            "CUSTOMER",
            true,
            e ->
                assertThat(e.after().get("sessionEpoch").asLong())
                    .isEqualTo(e.before().get("sessionEpoch").asLong() + 1)),
        new Case(
            "ChangeOwnPassword",
            r ->
                r.header("Authorization", "Bearer " + changing.token())
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "currentPassword", quoted(Api.PASSWORD),
                            "newPassword", quoted(NEW_PASSWORD)))
                    .post("/api/v1/me/password"),
            204,
            "User",
            res -> changing.id(),
            res -> changing.id(),
            "CUSTOMER",
            true,
            e -> {
              assertThat(e.after().get("sessionEpoch").asLong())
                  .isEqualTo(e.before().get("sessionEpoch").asLong() + 1);
              assertThat(e.after().has("passwordHash")).isFalse();
            }),
        new Case(
            "CreateUser",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "email", quoted(unique("agent")),
                            "displayName", quoted("New Agent"),
                            "password", quoted(Api.PASSWORD),
                            "role", quoted("AGENT")))
                    .post("/api/v1/users"),
            201,
            "User",
            res -> res.path("id"),
            res -> adminId,
            "ADMIN",
            false,
            e -> assertThat(e.after().get("role").asText()).isEqualTo("AGENT")),
        new Case(
            "UpdateUser",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("role", quoted("AGENT")))
                    .patch("/api/v1/users/" + managed.id()),
            200,
            "User",
            res -> managed.id(),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("role").asText()).isEqualTo("CUSTOMER");
              assertThat(e.after().get("role").asText()).isEqualTo("AGENT");
            }),
        new Case(
            "RevokeSessions",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .post("/api/v1/users/" + managed.id() + "/sessions/revoke"),
            204,
            "User",
            res -> managed.id(),
            res -> adminId,
            "ADMIN",
            true,
            e ->
                assertThat(e.after().get("sessionEpoch").asLong())
                    .isGreaterThan(e.before().get("sessionEpoch").asLong())),
        new Case(
            "CreateApiToken",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("name", quoted("audit test"), "scopes", "[\"tickets:read\"]"))
                    .post("/api/v1/api-tokens"),
            201,
            "ApiToken",
            res -> {
              secrets.add(res.path("token"));
              return remember("apiTokenId", res.path("id"));
            },
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("name").asText()).isEqualTo("audit test");
              assertThat(e.after().get("revokedAt").isNull()).isTrue();
            }),
        new Case(
            "RevokeApiToken",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .delete("/api/v1/api-tokens/" + shared.get("apiTokenId")),
            204,
            "ApiToken",
            res -> shared.get("apiTokenId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("revokedAt").isNull()).isTrue();
              assertThat(e.after().get("revokedAt").asText()).isNotBlank();
            }),
        // It hears of new tickets, so the next rows give it a delivery to redeliver; its address
        // refuses connections, so the delivery fails and nothing leaves the machine.
        new Case(
            "RegisterWebhook",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("url", quoted(WEBHOOK_URL), "events", "[\"TicketCreated\"]"))
                    .post("/api/v1/webhooks"),
            201,
            "Webhook",
            res -> {
              secrets.add(res.path("secret"));
              return remember("webhookId", res.path("id"));
            },
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("url").asText()).isEqualTo(WEBHOOK_URL);
              assertThat(e.after().get("active").asBoolean()).isTrue();
            }),
        new Case(
            "CreateTicket",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .contentType(ContentType.JSON)
                    .body(body("title", quoted("Audit me"), "description", quoted("Please.")))
                    .post("/api/v1/tickets"),
            201,
            "Ticket",
            res -> remember("ticketId", res.path("id")),
            res -> customer.id(),
            "CUSTOMER",
            false,
            e -> {
              assertThat(e.after().get("title").asText()).isEqualTo("Audit me");
              assertThat(e.after().get("status").asText()).isEqualTo("OPEN");
            }),
        onTicket(
            "EditTicket",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .contentType(ContentType.JSON)
                    .body(body("title", quoted("Audited title")))
                    .patch(ticket("")),
            customer.id(),
            "CUSTOMER",
            e -> changed(e, "title", "Audit me", "Audited title")),
        onTicket(
            "AssignTicket",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("assigneeId", quoted(agent.id())))
                    .put(ticket("/assignee")),
            adminId,
            "ADMIN",
            e -> {
              assertThat(e.before().get("assigneeId").isNull()).isTrue();
              assertThat(e.after().get("assigneeId").asText()).isEqualTo(agent.id());
            }),
        onTicket(
            "ChangeStatus",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("status", quoted("IN_PROGRESS")))
                    .post(ticket("/status")),
            agent.id(),
            "AGENT",
            e -> changed(e, "status", "OPEN", "IN_PROGRESS")),
        onTicket(
            "AddComment",
            201,
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("body", quoted("Looking into it.")))
                    .post(ticket("/comments")),
            res -> remember("commentId", res.path("id")),
            agent.id(),
            "AGENT",
            e -> {
              // A change keeps the comment it wrote, never the ticket's comment list.
              assertThat(e.before().has("comment")).isFalse();
              assertThat(e.after().has("comments")).isFalse();
              assertThat(e.after().get("comment").get("id").asText())
                  .isEqualTo(shared.get("commentId"));
              assertThat(e.after().get("comment").get("internal").asBoolean()).isFalse();
              // The audit log cannot be changed, so it never keeps comment text a redaction
              // must be able to erase.
              assertThat(e.after().toString()).doesNotContain("Looking into it.");
            }),
        onTicket(
            "RedactComment",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .delete(ticket("/comments/" + shared.get("commentId"))),
            adminId,
            "ADMIN",
            e -> {
              assertThat(e.before().get("comment").get("id").asText())
                  .isEqualTo(shared.get("commentId"));
              assertThat(e.before().get("comment").get("redaction").isNull()).isTrue();
              assertThat(e.after().get("comment").get("redaction").get("by").asText())
                  .isEqualTo(adminId);
              assertThat(e.after().toString()).doesNotContain("Looking into it.");
            }),
        onTicket(
            "EscalateTicket",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("reason", quoted("Important customer")))
                    .post(ticket("/escalation")),
            agent.id(),
            "AGENT",
            e -> {
              changed(e, "priority", "MEDIUM", "HIGH");
              assertThat(e.after().get("escalationLevel").asInt()).isEqualTo(1);
            }),
        onTicket(
            "AddTags",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body("{\"tags\":[\"" + tagName.toUpperCase(Locale.ROOT) + "\"]}")
                    .post(ticket("/tags")),
            agent.id(),
            "AGENT",
            e -> {
              assertThat(e.before().get("tags").toString()).doesNotContain(tagName);
              assertThat(e.after().get("tags").toString()).contains("\"" + tagName + "\"");
            }),
        new Case(
            "RenameTag",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body("{\"from\":\"" + tagName + "\",\"to\":\"" + renamedTag + "\"}")
                    .post("/api/v1/tags/rename"),
            200,
            "Tag",
            res -> tagName,
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("tag").asText()).isEqualTo(tagName);
              assertThat(e.after().get("tag").asText()).isEqualTo(renamedTag);
              assertThat(e.after().get("tickets").asInt()).isEqualTo(1);
            }),
        onTicket(
            "RemoveTag",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .delete(ticket("/tags/" + renamedTag)),
            agent.id(),
            "AGENT",
            e -> {
              assertThat(e.before().get("tags").toString()).contains("\"" + renamedTag + "\"");
              assertThat(e.after().get("tags").toString()).doesNotContain(renamedTag);
            }),
        onTicket(
            "LockFields",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body("{\"fields\":[\"category\"]}")
                    .post(ticket("/locks")),
            adminId,
            "ADMIN",
            e -> {
              assertThat(e.before().get("locks").toString()).doesNotContain("category");
              assertThat(e.after().get("locks").toString()).contains("\"category\"");
            }),
        onTicket(
            "UnlockField",
            r -> r.header("Authorization", "Bearer " + admin).delete(ticket("/locks/category")),
            adminId,
            "ADMIN",
            e -> {
              assertThat(e.before().get("locks").toString()).contains("\"category\"");
              assertThat(e.after().get("locks").toString()).doesNotContain("category");
            }),
        onTicket(
            "UnassignTicket",
            r -> r.header("Authorization", "Bearer " + admin).delete(ticket("/assignee")),
            adminId,
            "ADMIN",
            e -> {
              assertThat(e.before().get("assigneeId").asText()).isEqualTo(agent.id());
              assertThat(e.after().get("assigneeId").isNull()).isTrue();
            }),
        onTicket(
            "ChangeStatus",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("status", quoted("RESOLVED")))
                    .post(ticket("/status")),
            adminId,
            "ADMIN",
            e -> changed(e, "status", "IN_PROGRESS", "RESOLVED")),
        onTicket(
            "ReopenTicket",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .post(ticket("/reopen")),
            customer.id(),
            "CUSTOMER",
            e -> changed(e, "status", "RESOLVED", "OPEN")),
        onTicket(
            "CloseTicket",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .contentType(ContentType.JSON)
                    .body(body("reason", quoted("Withdrawn")))
                    .post(ticket("/close")),
            customer.id(),
            "CUSTOMER",
            e -> changed(e, "status", "OPEN", "CLOSED")),
        new Case(
            "AddComment",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .contentType(ContentType.JSON)
                    .body(body("body", quoted("It broke again.")))
                    .post(ticket("/comments")),
            201,
            "Ticket",
            res -> res.path("followUpTicket.id"),
            res -> customer.id(),
            "CUSTOMER",
            false,
            e -> {
              assertThat(e.after().get("followUpOf").asText()).isEqualTo(shared.get("ticketId"));
              assertThat(e.after().get("status").asText()).isEqualTo("OPEN");
            }),
        new Case(
            "RedeliverWebhookDelivery",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .post(
                        "/api/v1/webhooks/"
                            + shared.get("webhookId")
                            + "/deliveries/"
                            + remember("deliveryId", firstDelivery(admin))
                            + "/redeliver"),
            202,
            "WebhookDelivery",
            res -> shared.get("deliveryId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("eventType").asText()).isEqualTo("TicketCreated");
              assertThat(e.after().get("status").asText()).isEqualTo("PENDING");
            }),
        new Case(
            "UpdateWebhook",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("active", "false"))
                    .patch("/api/v1/webhooks/" + shared.get("webhookId")),
            200,
            "Webhook",
            res -> shared.get("webhookId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("active").asBoolean()).isTrue();
              assertThat(e.after().get("active").asBoolean()).isFalse();
            }),
        new Case(
            "DeleteWebhook",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .delete("/api/v1/webhooks/" + shared.get("webhookId")),
            204,
            "Webhook",
            res -> shared.get("webhookId"),
            res -> adminId,
            "ADMIN",
            true,
            false,
            e -> assertThat(e.before().get("url").asText()).isEqualTo(WEBHOOK_URL)),
        // The category catalogue: a new category, then a change that deactivates it.
        new Case(
            "CreateCategory",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "name",
                            quoted(remember("categoryName", "audit-" + UUID.randomUUID())),
                            "defaultPriority",
                            quoted("HIGH")))
                    .post("/api/v1/categories"),
            201,
            "Category",
            res -> remember("categoryId", res.path("id")),
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("name").asText()).isEqualTo(shared.get("categoryName"));
              assertThat(e.after().get("defaultPriority").asText()).isEqualTo("HIGH");
              assertThat(e.after().get("active").asBoolean()).isTrue();
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
            }),
        new Case(
            "ChangeCategory",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .header("If-Match", "\"1\"")
                    .contentType(ContentType.JSON)
                    .body(body("active", "false"))
                    .patch("/api/v1/categories/" + shared.get("categoryId")),
            200,
            "Category",
            res -> shared.get("categoryId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("active").asBoolean()).isTrue();
              assertThat(e.after().get("active").asBoolean()).isFalse();
              assertThat(e.after().get("version").asInt()).isEqualTo(2);
              assertThat(e.after().get("defaultPriority").asText()).isEqualTo("HIGH");
            }),
        // Custom ticket fields: a new field, then a change that retires it.
        new Case(
            "CreateTicketField",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "key",
                            quoted(
                                remember(
                                    "fieldKey",
                                    "audit_"
                                        + UUID.randomUUID()
                                            .toString()
                                            .replace("-", "")
                                            .substring(0, 20))),
                            "label",
                            quoted("Audit"),
                            "type",
                            quoted("DROPDOWN"),
                            "options",
                            "[\"a\",\"b\"]"))
                    .post("/api/v1/ticket-fields"),
            201,
            "TicketField",
            res -> remember("fieldId", res.path("id")),
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("key").asText()).isEqualTo(shared.get("fieldKey"));
              assertThat(e.after().get("type").asText()).isEqualTo("DROPDOWN");
              assertThat(e.after().get("options").toString()).isEqualTo("[\"a\",\"b\"]");
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
            }),
        new Case(
            "ChangeTicketField",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .header("If-Match", "\"1\"")
                    .contentType(ContentType.JSON)
                    .body(body("active", "false"))
                    .patch("/api/v1/ticket-fields/" + shared.get("fieldId")),
            200,
            "TicketField",
            res -> shared.get("fieldId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("active").asBoolean()).isTrue();
              assertThat(e.after().get("active").asBoolean()).isFalse();
              assertThat(e.after().get("version").asInt()).isEqualTo(2);
            }),
        // Saved views: an agent's personal view, a change of its filters, and its deletion.
        new Case(
            "CreateView",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "name",
                            quoted("audit-" + UUID.randomUUID()),
                            "filters",
                            "{\"status\":[\"OPEN\"]}"))
                    .post("/api/v1/views"),
            201,
            "View",
            res -> remember("viewId", res.path("id")),
            res -> agent.id(),
            "AGENT",
            false,
            e -> {
              assertThat(e.after().get("filters").get("status").get(0).asText()).isEqualTo("OPEN");
              assertThat(e.after().get("shared").asBoolean()).isFalse();
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
            }),
        new Case(
            "ChangeView",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("filters", "{\"assignee\":\"me\"}"))
                    .patch("/api/v1/views/" + shared.get("viewId")),
            200,
            "View",
            res -> shared.get("viewId"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              assertThat(e.before().get("filters").has("status")).isTrue();
              assertThat(e.after().get("filters").get("assignee").get(0).asText()).isEqualTo("me");
              assertThat(e.after().get("version").asInt()).isEqualTo(2);
            }),
        new Case(
            "DeleteView",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .delete("/api/v1/views/" + shared.get("viewId")),
            204,
            "View",
            res -> shared.get("viewId"),
            res -> agent.id(),
            "AGENT",
            true,
            false,
            e -> assertThat(e.before().get("version").asInt()).isEqualTo(2)),
        // Business calendars: a new one, a new version of it, and its deletion.
        new Case(
            "CreateCalendar",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(calendar(calendarName, "09:00"))
                    .post("/api/v1/calendars"),
            201,
            "Calendar",
            res -> remember("calendarId", res.path("id")),
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
              assertThat(e.after().get("timeZone").asText()).isEqualTo("Europe/Berlin");
              assertThat(e.after().at("/week/MONDAY/0/start").asText()).isEqualTo("09:00");
            }),
        new Case(
            "ChangeCalendar",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .header("If-Match", "\"1\"")
                    .contentType(ContentType.JSON)
                    .body(calendar(calendarName, "10:00"))
                    .put("/api/v1/calendars/" + shared.get("calendarId")),
            200,
            "Calendar",
            res -> shared.get("calendarId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("version").asInt()).isEqualTo(1);
              assertThat(e.before().at("/week/MONDAY/0/start").asText()).isEqualTo("09:00");
              assertThat(e.after().get("version").asInt()).isEqualTo(2);
              assertThat(e.after().at("/week/MONDAY/0/start").asText()).isEqualTo("10:00");
            }),
        new Case(
            "DeleteCalendar",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .delete("/api/v1/calendars/" + shared.get("calendarId")),
            204,
            "Calendar",
            res -> shared.get("calendarId"),
            res -> adminId,
            "ADMIN",
            true,
            false,
            e -> assertThat(e.before().get("version").asInt()).isEqualTo(2)),
        // Groups: a new one, renamed, and deleted.
        new Case(
            "CreateGroup",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body("{\"name\":\"" + groupName + "\"}")
                    .post("/api/v1/groups"),
            201,
            "Group",
            res -> remember("groupId", res.path("id")),
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
              assertThat(e.after().get("name").asText()).isEqualTo(groupName);
            }),
        new Case(
            "ChangeGroup",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .header("If-Match", "\"1\"")
                    .contentType(ContentType.JSON)
                    .body("{\"name\":\"" + groupName + " renamed\"}")
                    .patch("/api/v1/groups/" + shared.get("groupId")),
            200,
            "Group",
            res -> shared.get("groupId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("name").asText()).isEqualTo(groupName);
              assertThat(e.after().get("name").asText()).isEqualTo(groupName + " renamed");
              assertThat(e.after().get("version").asInt()).isEqualTo(2);
            }),
        new Case(
            "DeleteGroup",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .delete("/api/v1/groups/" + shared.get("groupId")),
            204,
            "Group",
            res -> shared.get("groupId"),
            res -> adminId,
            "ADMIN",
            true,
            false,
            e -> assertThat(e.before().get("version").asInt()).isEqualTo(2)),
        // SLA policies: a new one, a new version of it, and its deletion.
        new Case(
            "CreateSlaPolicy",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(policy(policyName, "PT8H"))
                    .post("/api/v1/sla-policies"),
            201,
            "SlaPolicy",
            res -> remember("policyId", res.path("id")),
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
              assertThat(e.after().at("/conditions/categories/0").asText()).isEqualTo("audit");
              assertThat(e.after().at("/targets/HIGH/resolution").asText()).isEqualTo("PT8H");
            }),
        new Case(
            "ChangeSlaPolicy",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .header("If-Match", "\"1\"")
                    .contentType(ContentType.JSON)
                    .body(policy(policyName, "PT9H"))
                    .put("/api/v1/sla-policies/" + shared.get("policyId")),
            200,
            "SlaPolicy",
            res -> shared.get("policyId"),
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("version").asInt()).isEqualTo(1);
              assertThat(e.before().at("/targets/HIGH/resolution").asText()).isEqualTo("PT8H");
              assertThat(e.after().get("version").asInt()).isEqualTo(2);
              assertThat(e.after().at("/targets/HIGH/resolution").asText()).isEqualTo("PT9H");
            }),
        new Case(
            "DeleteSlaPolicy",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .delete("/api/v1/sla-policies/" + shared.get("policyId")),
            204,
            "SlaPolicy",
            res -> shared.get("policyId"),
            res -> adminId,
            "ADMIN",
            true,
            false,
            e -> assertThat(e.before().get("version").asInt()).isEqualTo(2)),
        // Re-applying the current policies: one entry with the count, whatever it is.
        new Case(
            "ReapplySlaPolicies",
            r -> r.header("Authorization", "Bearer " + admin).post("/api/v1/sla-policies/reapply"),
            200,
            "SlaPolicy",
            res -> "reapply",
            res -> adminId,
            "ADMIN",
            false,
            e -> {
              assertThat(e.after().get("tickets").isInt()).isTrue();
              assertThat(e.after().get("tickets").asInt()).isGreaterThanOrEqualTo(0);
            }),
        // Runtime settings: a change, then the change back, so later tests see them as before.
        new Case(
            "ChangeSettings",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("autoCloseAfter", quoted("PT191H")))
                    .patch("/api/v1/settings"),
            200,
            "Settings",
            res -> "settings",
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              remember("autoCloseAfter", e.before().get("autoCloseAfter").asText());
              assertThat(e.after().get("autoCloseAfter").asText()).isEqualTo("PT191H");
              assertThat(e.after().get("version").asLong())
                  .isEqualTo(e.before().get("version").asLong() + 1);
              assertThat(e.after().get("customerPriorities"))
                  .isEqualTo(e.before().get("customerPriorities"));
            }),
        new Case(
            "ChangeSettings",
            r ->
                r.header("Authorization", "Bearer " + admin)
                    .contentType(ContentType.JSON)
                    .body(body("autoCloseAfter", quoted(shared.get("autoCloseAfter"))))
                    .patch("/api/v1/settings"),
            200,
            "Settings",
            res -> "settings",
            res -> adminId,
            "ADMIN",
            true,
            e -> {
              assertThat(e.before().get("autoCloseAfter").asText()).isEqualTo("PT191H");
              assertThat(e.after().get("autoCloseAfter").asText())
                  .isEqualTo(shared.get("autoCloseAfter"));
            }),
        // The staff's status change and reply above reached the customer's inbox.
        new Case(
            "MarkNotificationRead",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .post(
                        "/api/v1/notifications/"
                            + remember("notificationId", firstNotification(customer))
                            + "/read"),
            200,
            "Notification",
            res -> shared.get("notificationId"),
            res -> customer.id(),
            "CUSTOMER",
            true,
            e -> {
              assertThat(absent(e.before().get("readAt"))).as("unread before").isTrue();
              assertThat(absent(e.after().get("readAt"))).as("read after").isFalse();
            }),
        new Case(
            "MarkNotificationUnread",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .post("/api/v1/notifications/" + shared.get("notificationId") + "/unread"),
            200,
            "Notification",
            res -> shared.get("notificationId"),
            res -> customer.id(),
            "CUSTOMER",
            true,
            e -> {
              assertThat(absent(e.before().get("readAt"))).as("read before").isFalse();
              assertThat(absent(e.after().get("readAt"))).as("unread after").isTrue();
            }),
        new Case(
            "MarkAllNotificationsRead",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .post("/api/v1/notifications/read-all"),
            200,
            "NotificationInbox",
            res -> customer.id(),
            res -> customer.id(),
            "CUSTOMER",
            true,
            e -> {
              assertThat(e.before().get("unread").asLong()).isPositive();
              assertThat(e.after().get("unread").asLong()).isZero();
            }),
        new Case(
            "AddParticipant",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("userId", quoted(changing.id())))
                    .post(
                        "/api/v1/tickets/"
                            + remember("peopleTicket", Api.newTicket(customer.token()))
                            + "/ccs"),
            200,
            "Ticket",
            res -> shared.get("peopleTicket"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              assertThat(e.before().get("ccIds").toString()).doesNotContain(changing.id());
              assertThat(e.after().get("ccIds").toString()).contains(changing.id());
            }),
        new Case(
            "RemoveParticipant",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .delete(
                        "/api/v1/tickets/" + shared.get("peopleTicket") + "/ccs/" + changing.id()),
            200,
            "Ticket",
            res -> shared.get("peopleTicket"),
            res -> customer.id(),
            "CUSTOMER",
            true,
            e -> {
              assertThat(e.before().get("ccIds").toString()).contains(changing.id());
              assertThat(e.after().get("ccIds").toString()).doesNotContain(changing.id());
            }),
        new Case(
            "AddTicketLink",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "ticketId",
                            quoted(Api.newTicket(customer.token())),
                            "type",
                            quoted("RELATED")))
                    .post(
                        "/api/v1/tickets/"
                            + remember("linkedTicket", Api.newTicket(customer.token()))
                            + "/links"),
            201,
            "Ticket",
            res -> {
              remember("linkId", res.path("id"));
              return shared.get("linkedTicket");
            },
            res -> agent.id(),
            "AGENT",
            true,
            e ->
                assertThat(e.after().get("version").asLong())
                    .isEqualTo(e.before().get("version").asLong() + 1)),
        new Case(
            "RemoveTicketLink",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .delete(
                        "/api/v1/tickets/"
                            + shared.get("linkedTicket")
                            + "/links/"
                            + shared.get("linkId")),
            204,
            "Ticket",
            res -> shared.get("linkedTicket"),
            res -> agent.id(),
            "AGENT",
            true,
            e ->
                assertThat(e.after().get("version").asLong())
                    .isEqualTo(e.before().get("version").asLong() + 1)),
        // Canned responses: an agent's personal one, a change of its body, and its deletion.
        new Case(
            "CreateCannedResponse",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "title",
                            quoted("Audit reply"),
                            "body",
                            quoted("Hello {{requester.displayName}}")))
                    .post("/api/v1/canned-responses"),
            201,
            "CannedResponse",
            res -> remember("cannedId", res.path("id")),
            res -> agent.id(),
            "AGENT",
            false,
            e -> {
              assertThat(e.after().get("body").asText())
                  .isEqualTo("Hello {{requester.displayName}}");
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
            }),
        new Case(
            "ChangeCannedResponse",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("body", quoted("Bye {{agent.displayName}}")))
                    .patch("/api/v1/canned-responses/" + shared.get("cannedId")),
            200,
            "CannedResponse",
            res -> shared.get("cannedId"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              assertThat(e.before().get("version").asInt()).isEqualTo(1);
              assertThat(e.after().get("body").asText()).isEqualTo("Bye {{agent.displayName}}");
            }),
        new Case(
            "DeleteCannedResponse",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .delete("/api/v1/canned-responses/" + shared.get("cannedId")),
            204,
            "CannedResponse",
            res -> shared.get("cannedId"),
            res -> agent.id(),
            "AGENT",
            true,
            false,
            e -> assertThat(e.before().get("version").asInt()).isEqualTo(2)),
        // Attachments: an upload's entry names the file (name, type, size, digest), never bytes.
        new Case(
            "UploadAttachment",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .contentType("image/png")
                    .queryParam("filename", "audit.png")
                    .body(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 42})
                    .post("/api/v1/uploads"),
            201,
            "Attachment",
            res -> res.path("token"),
            res -> customer.id(),
            "CUSTOMER",
            false,
            e -> {
              assertThat(e.after().get("fileName").asText()).isEqualTo("audit.png");
              assertThat(e.after().get("contentType").asText()).isEqualTo("image/png");
              assertThat(e.after().get("size").asLong()).isEqualTo(9);
              assertThat(e.after().get("sha256").asText()).hasSize(64);
            }),
        new Case(
            "ChangeNotificationSettings",
            r ->
                r.header("Authorization", "Bearer " + customer.token())
                    .contentType("application/json")
                    .body("{\"email\":{\"STATUS_CHANGED\":false}}")
                    .patch("/api/v1/me/notification-settings"),
            200,
            "NotificationSettings",
            res -> customer.id(),
            res -> customer.id(),
            "CUSTOMER",
            true,
            e -> {
              assertThat(e.before().path("email").path("STATUS_CHANGED").asBoolean()).isTrue();
              assertThat(e.after().path("email").path("STATUS_CHANGED").asBoolean()).isFalse();
            }),
        new Case(
            "RequestPasswordReset",
            r ->
                r.contentType(ContentType.JSON)
                    .body(body("email", quoted(resetting.email())))
                    .post("/api/v1/auth/password-reset"),
            202,
            "PasswordReset",
            res -> resetting.id(),
            res -> null,
            null,
            false,
            e -> assertThat(e.after().get("expiresAt").asText()).isNotBlank()),
        new Case(
            "ConfirmPasswordReset",
            r ->
                r.contentType(ContentType.JSON)
                    .body(
                        body(
                            "token", quoted(resetToken(resetting.id())),
                            "password", quoted(NEW_PASSWORD)))
                    .post("/api/v1/auth/password-reset/confirm"),
            204,
            "User",
            res -> resetting.id(),
            res -> resetting.id(),
            "CUSTOMER",
            true,
            e -> {
              assertThat(e.after().get("sessionEpoch").asLong())
                  .isEqualTo(e.before().get("sessionEpoch").asLong() + 1);
              assertThat(e.after().has("passwordHash")).isFalse();
            }),
        new Case(
            "ConfirmAddress",
            r ->
                r.contentType(ContentType.JSON)
                    .body(body("token", quoted(accountToken(resetting.id(), "ADDRESS_CHECK"))))
                    .post("/api/v1/auth/confirm-address"),
            204,
            "AddressCheck",
            res -> resetting.id(),
            res -> resetting.id(),
            "CUSTOMER",
            true,
            e -> assertThat(e.after().get("confirmed").asBoolean()).isTrue()),
        new Case(
            "SnoozeTicket",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("until", quoted(Instant.now().plusSeconds(3600).toString())))
                    .post(
                        "/api/v1/tickets/"
                            + remember("snoozedTicket", Api.newTicket(customer.token()))
                            + "/snooze"),
            200,
            "Ticket",
            res -> shared.get("snoozedTicket"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              assertThat(e.before().get("snoozedUntil").isNull()).isTrue();
              assertThat(e.after().get("snoozedUntil").asText()).isNotEmpty();
            }),
        new Case(
            "UnsnoozeTicket",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .delete("/api/v1/tickets/" + shared.get("snoozedTicket") + "/snooze"),
            200,
            "Ticket",
            res -> shared.get("snoozedTicket"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              assertThat(e.before().get("snoozedUntil").asText()).isNotEmpty();
              assertThat(e.after().get("snoozedUntil").isNull()).isTrue();
            }),
        new Case(
            "MergeTicket",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(
                        body(
                            "targetId",
                            quoted(remember("mergeTarget", Api.newTicket(customer.token())))))
                    .post(
                        "/api/v1/tickets/"
                            + remember("mergeSource", Api.newTicket(customer.token()))
                            + "/merge"),
            200,
            "Ticket",
            res -> shared.get("mergeSource"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              assertThat(e.before().get("status").asText()).isEqualTo("OPEN");
              assertThat(e.after().get("status").asText()).isEqualTo("CLOSED");
              assertThat(e.after().get("mergedInto").toString())
                  .contains(shared.get("mergeTarget"));
            }),
        new Case(
            "SplitComment",
            r -> {
              String ticket = remember("splitTicket", Api.newTicket(customer.token()));
              String comment = Api.comment(customer, ticket, "And another thing", false);
              return r.header("Authorization", "Bearer " + agent.token())
                  .post("/api/v1/tickets/" + ticket + "/comments/" + comment + "/split");
            },
            201,
            "Ticket",
            res -> shared.get("splitTicket"),
            res -> agent.id(),
            "AGENT",
            true,
            e ->
                assertThat(e.after().get("version").asLong())
                    .isEqualTo(e.before().get("version").asLong() + 1)),
        // Macros: an agent's personal one, a change of its title, applied to a new ticket as one
        // entry listing every change, and its deletion.
        new Case(
            "CreateMacro",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(
                        "{\"title\":\"Audit macro\",\"actions\":[{\"type\":\"addTags\","
                            + "\"value\":[\"audited\"]},{\"type\":\"priority\",\"value\":\"HIGH\"},"
                            + "{\"type\":\"note\",\"value\":\"Seen {{ticket.number}}\"}]}")
                    .post("/api/v1/macros"),
            201,
            "Macro",
            res -> remember("macroId", res.path("id")),
            res -> agent.id(),
            "AGENT",
            false,
            e -> {
              assertThat(e.after().get("actions").size()).isEqualTo(3);
              assertThat(e.after().get("version").asInt()).isEqualTo(1);
            }),
        new Case(
            "ChangeMacro",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .contentType(ContentType.JSON)
                    .body(body("title", quoted("Audit macro, renamed")))
                    .patch("/api/v1/macros/" + shared.get("macroId")),
            200,
            "Macro",
            res -> shared.get("macroId"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              assertThat(e.before().get("version").asInt()).isEqualTo(1);
              assertThat(e.after().get("title").asText()).isEqualTo("Audit macro, renamed");
            }),
        new Case(
            "ApplyMacro",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .post(
                        "/api/v1/tickets/"
                            + remember("macroTicket", Api.newTicket(customer.token()))
                            + "/macros/"
                            + shared.get("macroId")),
            200,
            "Ticket",
            res -> shared.get("macroTicket"),
            res -> agent.id(),
            "AGENT",
            true,
            e -> {
              changed(e, "priority", "MEDIUM", "HIGH");
              assertThat(e.after().get("tags").toString()).contains("audited");
              assertThat(e.after().get("comment").get("internal").asBoolean()).isTrue();
              assertThat(e.after().get("version").asLong())
                  .isEqualTo(e.before().get("version").asLong() + 1);
            }),
        new Case(
            "DeleteMacro",
            r ->
                r.header("Authorization", "Bearer " + agent.token())
                    .delete("/api/v1/macros/" + shared.get("macroId")),
            204,
            "Macro",
            res -> shared.get("macroId"),
            res -> agent.id(),
            "AGENT",
            true,
            false,
            e -> assertThat(e.before().get("version").asInt()).isEqualTo(2))
        // A new command joins this table as one more row, or NOT_IN_THE_TABLE with the reason.
        );
  }

  /**
   * A password reset token for {@code user}, stored as the reset request would store it (the test
   * profile sends no mail to read it from).
   */
  private String resetToken(String user) {
    return accountToken(user, "PASSWORD_RESET");
  }

  /** A token of {@code purpose} for {@code user}, stored as the service would store it. */
  private String accountToken(String user, String purpose) {
    String token = dev.triage.application.identity.Secrets.newSecret("tok_");
    secrets.add(token);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into account_tokens (id, user_id, purpose, token_hash, created_at,"
                    + " expires_at) values (gen_random_uuid(), cast(? as uuid), ?,"
                    + " ?, now(), now() + interval '30 minutes')")) {
      s.setString(1, user);
      s.setString(2, purpose);
      s.setString(3, dev.triage.application.identity.Secrets.sha256(token));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return token;
  }

  static final String WEBHOOK_URL = "http://127.0.0.1:1/audit-trail";

  /** A business calendar in Berlin, Monday 9 or 10 to 17. */
  static String calendar(String name, String mondayStart) {
    return body(
        "name",
        quoted(name),
        "timeZone",
        quoted("Europe/Berlin"),
        "week",
        "{\"MONDAY\":[{\"start\":" + quoted(mondayStart) + ",\"end\":\"17:00\"}]}");
  }

  /**
   * An SLA policy for the category "audit" on the 24x7 calendar; HIGH tickets resolved within
   * {@code highResolution}.
   */
  static String policy(String name, String highResolution) {
    String targets = "{\"firstResponse\":\"PT1H\",\"resolution\":\"PT24H\",\"nextReply\":\"PT1H\"}";
    return body(
        "name",
        quoted(name),
        "calendarId",
        quoted(Calendars.TWENTY_FOUR_SEVEN.toString()),
        "warningShare",
        "0.8",
        "position",
        "1000",
        "conditions",
        "{\"categories\":[\"audit\"]}",
        "targets",
        "{\"CRITICAL\":"
            + targets
            + ",\"HIGH\":{\"firstResponse\":\"PT1H\",\"resolution\":"
            + quoted(highResolution)
            + ",\"nextReply\":\"PT1H\"},\"MEDIUM\":"
            + targets
            + ",\"LOW\":"
            + targets
            + "}");
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  /** The id of the first delivery to the table's webhook, once the relay has made one. */
  private String firstDelivery(String admin) {
    return awaitFirst(
        "a delivery to the table's webhook",
        () ->
            Api.as(admin)
                .get("/api/v1/webhooks/" + shared.get("webhookId") + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<String>getList("items.id"));
  }

  /** The id of the customer's newest notification, once the relay has made one. */
  private static String firstNotification(Api.User customer) {
    return awaitFirst(
        "a notification for the customer",
        () ->
            customer
                .request()
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<String>getList("items.id"));
  }

  private static String awaitFirst(String what, Supplier<List<String>> ids) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      List<String> found = ids.get();
      if (!found.isEmpty()) {
        return found.getFirst();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no " + what + " within 30 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  private String ticket(String path) {
    return "/api/v1/tickets/" + shared.get("ticketId") + path;
  }

  /** A command on the ticket the table opened, answering 200. */
  private Case onTicket(
      String action,
      Function<RequestSpecification, Response> send,
      String actorId,
      String actorRole,
      Consumer<Entry> check) {
    return onTicket(action, 200, send, res -> shared.get("ticketId"), actorId, actorRole, check);
  }

  private Case onTicket(
      String action,
      int status,
      Function<RequestSpecification, Response> send,
      Function<Response, ?> onAnswer,
      String actorId,
      String actorRole,
      Consumer<Entry> check) {
    return new Case(
        action,
        send,
        status,
        "Ticket",
        res -> {
          onAnswer.apply(res);
          return shared.get("ticketId");
        },
        res -> actorId,
        actorRole,
        true,
        check);
  }

  private static void changed(Entry e, String field, String before, String after) {
    assertThat(e.before().get(field).asText()).as(field + " before").isEqualTo(before);
    assertThat(e.after().get(field).asText()).as(field + " after").isEqualTo(after);
  }

  @Test
  void every_command_the_bus_knows_has_a_row_in_the_table_or_a_reason_not_to() {
    Api.User nobody = new Api.User(UUID.randomUUID().toString(), "nobody@audit.test", "none");
    Set<String> rows = new TreeSet<>();
    everyCommand(nobody, nobody, nobody, nobody).forEach(c -> rows.add(c.action()));
    Set<Class<?>> commands = new HashSet<>();
    for (Class<?> type : bus.requestTypes()) {
      if (Command.class.isAssignableFrom(type)) {
        commands.add(type);
      }
    }
    List<String> wrong = new ArrayList<>();
    for (Class<?> command : commands) {
      // An entry's action is the command's simple name (AuditDecorator).
      boolean inTable = rows.contains(command.getSimpleName());
      boolean leftOut = NOT_IN_THE_TABLE.containsKey(command);
      if (!inTable && !leftOut) {
        wrong.add(
            command.getName()
                + " is a command registered with the bus but has no row in the table"
                + " (add one, or list it in NOT_IN_THE_TABLE with the reason)");
      } else if (inTable && leftOut) {
        wrong.add(command.getName() + " has a row in the table and is in NOT_IN_THE_TABLE");
      }
    }
    Set<String> known = new TreeSet<>();
    commands.forEach(command -> known.add(command.getSimpleName()));
    for (String action : rows) {
      if (!known.contains(action)) {
        wrong.add(action + " has a row in the table but no command of that name is registered");
      }
    }
    for (Class<?> leftOut : NOT_IN_THE_TABLE.keySet()) {
      if (!commands.contains(leftOut)) {
        wrong.add(leftOut.getName() + " is in NOT_IN_THE_TABLE but is not a registered command");
      }
    }
    assertThat(wrong).as("the completeness table against the bus").isEmpty();
  }

  @Test
  void every_command_leaves_exactly_one_entry_with_its_actor_entity_and_states_and_no_secret()
      throws SQLException {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User leaving = Api.newUser("CUSTOMER");
    Api.User managed = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    List<Entry> all = new ArrayList<>();

    for (Case c : everyCommand(customer, agent, leaving, managed)) {
      String requestId = newRequestId();
      Response response = c.send().apply(given().header("X-Request-Id", requestId));
      assertThat(response.statusCode()).as(c.action() + " answers").isEqualTo(c.status());
      String entityId = c.entityId().apply(response);
      String actor = c.actor().apply(response);

      List<Entry> entries = entriesOf(requestId);
      if (ONE_ENTRY_PER_TICKET.contains(c.action())) {
        assertThat(entries).as(c.action() + " leaves one entry per ticket").hasSize(2);
        assertThat(entries).extracting(Entry::entityId).doesNotHaveDuplicates();
        entries = entries.stream().filter(x -> x.entityId().equals(entityId)).toList();
      }
      assertThat(entries).as(c.action() + " leaves exactly one entry").hasSize(1);
      Entry e = entries.get(0);
      assertThat(e.action()).as(c.action()).isEqualTo(c.action());
      assertThat(e.entityType())
          .as(c.action() + " records what it changed (None means the handler forgot)")
          .isEqualTo(c.entityType())
          .isNotEqualTo("None");
      assertThat(e.entityId()).as(c.action() + " entity id").isEqualTo(entityId);
      assertThat(e.actorId()).as(c.action() + " actor").isEqualTo(actor);
      assertThat(e.actorRole()).as(c.action() + " actor role").isEqualTo(c.actorRole());
      assertThat(e.before() != null)
          .as(c.action() + " has a before state")
          .isEqualTo(c.hasBefore());
      assertThat(e.after() != null).as(c.action() + " has an after state").isEqualTo(c.hasAfter());
      assertThat(e.clientIp()).as(c.action() + " client address").isNotBlank();
      c.check().accept(e);
      all.add(e);
    }

    for (Entry e : all) {
      String states = e.beforeText() + " " + e.afterText();
      assertThat(states)
          .as(e.action() + " stores no secret")
          .doesNotContain("passwordHash")
          .doesNotContain("$argon2")
          .doesNotContain("tokenHash")
          .doesNotContain("\"secret\"");
      for (String secret : secrets) {
        assertThat(states).as(e.action() + " stores no secret").doesNotContain(secret);
      }
    }
  }

  @Test
  void refused_commands_leave_no_entry() throws SQLException {
    Api.User customer = Api.newUser("CUSTOMER");
    String taken = unique("taken");
    given()
        .contentType(ContentType.JSON)
        .body(
            body(
                "email", quoted(taken),
                "displayName", quoted("Taken"),
                "password", quoted(Api.PASSWORD)))
        .post("/api/v1/auth/register")
        .then()
        .statusCode(201);

    record Refusal(String what, Function<RequestSpecification, Response> send, int status) {}
    List<Refusal> refusals =
        List.of(
            new Refusal(
                "register with bad fields",
                r ->
                    r.contentType(ContentType.JSON)
                        .body(
                            body(
                                "email", quoted("nope"),
                                "displayName", quoted(""),
                                "password", quoted("short")))
                        .post("/api/v1/auth/register"),
                422),
            new Refusal(
                "register a taken email (answered as a new one, nothing stored)",
                r ->
                    r.contentType(ContentType.JSON)
                        .body(
                            body(
                                "email", quoted(taken),
                                "displayName", quoted("Again"),
                                "password", quoted(Api.PASSWORD)))
                        .post("/api/v1/auth/register"),
                201),
            new Refusal(
                "log in with a wrong password",
                r ->
                    r.contentType(ContentType.JSON)
                        .body(body("email", quoted(taken), "password", quoted("wrong-password!")))
                        .post("/api/v1/auth/login"),
                401),
            new Refusal(
                "create a user as a customer",
                r ->
                    r.header("Authorization", "Bearer " + customer.token())
                        .contentType(ContentType.JSON)
                        .body(
                            body(
                                "email", quoted(unique("x")),
                                "displayName", quoted("X"),
                                "password", quoted(Api.PASSWORD),
                                "role", quoted("ADMIN")))
                        .post("/api/v1/users"),
                403),
            new Refusal(
                "open a ticket without a title",
                r ->
                    r.header("Authorization", "Bearer " + customer.token())
                        .contentType(ContentType.JSON)
                        .body(body("title", quoted(""), "description", quoted("x")))
                        .post("/api/v1/tickets"),
                422),
            new Refusal(
                "revoke an API token that does not exist",
                r ->
                    r.header("Authorization", "Bearer " + Api.adminToken())
                        .delete("/api/v1/api-tokens/" + UUID.randomUUID()),
                404));

    for (Refusal refusal : refusals) {
      String requestId = newRequestId();
      Response response = refusal.send().apply(given().header("X-Request-Id", requestId));
      assertThat(response.statusCode()).as(refusal.what()).isEqualTo(refusal.status());
      assertThat(entriesOf(requestId)).as(refusal.what() + " leaves no entry").isEmpty();
    }
  }

  @Test
  void a_replayed_idempotent_request_leaves_no_second_entry() throws SQLException {
    Api.User customer = Api.newUser("CUSTOMER");
    String key = UUID.randomUUID().toString();
    String ticket = body("title", quoted("Only once"), "description", quoted("Retried."));
    String firstRequest = newRequestId();
    String secondRequest = newRequestId();

    String id =
        Api.json(customer.token())
            .header("X-Request-Id", firstRequest)
            .header("Idempotency-Key", key)
            .body(ticket)
            .post("/api/v1/tickets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.json(customer.token())
        .header("X-Request-Id", secondRequest)
        .header("Idempotency-Key", key)
        .body(ticket)
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(id));

    assertThat(entriesOf(firstRequest)).hasSize(1);
    assertThat(entriesOf(secondRequest)).isEmpty();
    assertThat(select("where entity_type = 'Ticket' and entity_id = ?", id)).hasSize(1);
  }

  @Test
  void the_first_admin_created_at_start_up_is_audited_as_the_system() throws SQLException {
    List<Entry> startup =
        select(
            "where request_id = 'startup' and action = 'CreateUser' and after->>'email' = ?",
            Api.ADMIN_EMAIL);
    assertThat(startup)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.actorId()).isEqualTo(SYSTEM_ACTOR);
              assertThat(e.actorRole()).isEqualTo("ADMIN");
              assertThat(e.after().get("role").asText()).isEqualTo("ADMIN");
              assertThat(e.afterText()).doesNotContain(Api.ADMIN_PASSWORD).doesNotContain("argon2");
            });
  }

  // ---- reading the log ------------------------------------------------------------------------

  private static String openTicket(Api.User customer, String title) {
    return Api.json(customer.token())
        .body(body("title", quoted(title), "description", quoted("Logged.")))
        .post("/api/v1/tickets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static RequestSpecification asAdmin() {
    return Api.as(Api.adminToken());
  }

  @Test
  void admins_filter_the_log_by_actor_action_entity_and_time() {
    Api.User customer = Api.newUser("CUSTOMER");
    String first = openTicket(customer, "First of three");
    String second = openTicket(customer, "Second of three");
    String third = openTicket(customer, "Third of three");

    Response mine =
        asAdmin()
            .queryParam("actor", customer.id())
            .queryParam("action", "CreateTicket")
            .get("/api/v1/audit-log");
    mine.then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("items", hasSize(3))
        .body("items.entityId", equalTo(List.of(third, second, first)))
        .body("items[0].actorId", equalTo(customer.id()))
        .body("items[0].actorRole", equalTo("CUSTOMER"))
        .body("items[0].entityType", equalTo("Ticket"))
        .body("items[0].before", nullValue())
        .body("items[0].after.title", equalTo("Third of three"))
        .body("nextCursor", nullValue());
    assertThat(mine.header("Link")).isNull();

    asAdmin()
        .queryParam("actor", customer.id())
        .get("/api/v1/audit-log")
        .then()
        .statusCode(200)
        .body(
            "items.action",
            equalTo(List.of("CreateTicket", "CreateTicket", "CreateTicket", "Login")));

    asAdmin()
        .queryParam("entityType", "Ticket")
        .queryParam("entityId", second)
        .get("/api/v1/audit-log")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].after.title", equalTo("Second of three"));

    Instant secondAt = Instant.parse(mine.path("items[1].occurredAt"));
    asAdmin()
        .queryParam("actor", customer.id())
        .queryParam("action", "CreateTicket")
        .queryParam("from", secondAt.toString())
        .get("/api/v1/audit-log")
        .then()
        .statusCode(200)
        .body("items.entityId", equalTo(List.of(third, second)));
    asAdmin()
        .queryParam("actor", customer.id())
        .queryParam("action", "CreateTicket")
        .queryParam("to", secondAt.toString())
        .get("/api/v1/audit-log")
        .then()
        .statusCode(200)
        .body("items.entityId", equalTo(List.of(first)));
  }

  @Test
  void pages_follow_the_link_header_without_gaps_or_repeats() {
    Api.User customer = Api.newUser("CUSTOMER");
    List<String> opened = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      opened.add(openTicket(customer, "Paged ticket " + i));
    }

    List<String> seen = new ArrayList<>();
    Response page =
        asAdmin()
            .queryParam("actor", customer.id())
            .queryParam("action", "CreateTicket")
            .queryParam("limit", 2)
            .get("/api/v1/audit-log");
    int pages = 1;
    while (true) {
      page.then().statusCode(200);
      seen.addAll(page.path("items.entityId"));
      String link = page.header("Link");
      String next = page.path("nextCursor");
      if (next == null) {
        assertThat(link).isNull();
        break;
      }
      assertThat(link).endsWith(">; rel=\"next\"").contains("cursor=" + next).contains("limit=2");
      String target = link.substring(1, link.indexOf('>'));
      page = asAdmin().get(target);
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(opened.reversed());
  }

  @Test
  void only_admins_read_the_log() {
    Api.User customer = Api.newUser("CUSTOMER");
    Api.User agent = Api.newUser("AGENT");
    customer.request().get("/api/v1/audit-log").then().statusCode(403);
    agent.request().get("/api/v1/audit-log").then().statusCode(403);
    Api.as(Api.newApiToken("tickets:read", "tickets:write"))
        .get("/api/v1/audit-log")
        .then()
        .statusCode(403);
    given().get("/api/v1/audit-log").then().statusCode(401);
    Api.as(Api.newApiToken("admin")).get("/api/v1/audit-log").then().statusCode(200);
    asAdmin()
        .get("/api/v1/audit-log")
        .then()
        .statusCode(200)
        .body("items.size()", lessThanOrEqualTo(25));
  }

  @Test
  void parameters_of_the_wrong_type_are_problems_naming_the_parameter() {
    record Bad(String name, String value, int status, String field) {}
    List<Bad> bad =
        List.of(
            new Bad("actor", "not-a-uuid", 400, "actor"),
            new Bad("from", "yesterday", 400, "from"),
            new Bad("to", "2026-13-45", 400, "to"),
            new Bad("limit", "ten", 400, "limit"),
            new Bad("cursor", "%%%not-ours", 400, "cursor"),
            new Bad("limit", "0", 422, "limit"),
            new Bad("limit", "101", 422, "limit"),
            new Bad("action", "x".repeat(101), 422, "action"));
    for (Bad b : bad) {
      asAdmin()
          .urlEncodingEnabled(true)
          .queryParam(b.name(), b.value())
          .get("/api/v1/audit-log")
          .then()
          .statusCode(b.status())
          .contentType("application/problem+json")
          .body("errors." + b.field(), notNullValue());
    }
    asAdmin()
        .queryParam("from", "2026-11-22T10:00:00Z")
        .queryParam("to", "2026-11-22T09:00:00Z")
        .get("/api/v1/audit-log")
        .then()
        .statusCode(422)
        .body("errors.to", notNullValue());
    asAdmin()
        .queryParam("cursor", "bm90IGEgcG9zaXRpb24")
        .get("/api/v1/audit-log")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  // ---- append-only ----------------------------------------------------------------------------

  @Test
  void the_database_refuses_to_change_delete_or_empty_the_log() throws SQLException {
    Api.User customer = Api.newUser("CUSTOMER");
    openTicket(customer, "Evidence");
    long count = count();
    assertThat(count).isPositive();

    for (String sql :
        List.of(
            "update audit_log set action = 'Tampered' where id = (select max(id) from audit_log)",
            "update audit_log set after = null",
            "delete from audit_log where id = (select max(id) from audit_log)",
            "delete from audit_log",
            "truncate audit_log")) {
      assertThatThrownBy(() -> execute(sql))
          .as(sql)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }

    assertThat(count()).isEqualTo(count);
    assertThat(select("where action = 'Tampered'")).isEmpty();
  }

  private long count() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from audit_log")) {
      r.next();
      return r.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
