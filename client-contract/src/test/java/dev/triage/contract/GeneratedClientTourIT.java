package dev.triage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.client.ApiClient;
import dev.triage.client.ApiException;
import dev.triage.client.ApiResponse;
import dev.triage.client.api.AuthApi;
import dev.triage.client.api.TicketsApi;
import dev.triage.client.api.UsersApi;
import dev.triage.client.model.AddComment;
import dev.triage.client.model.ChangeStatus;
import dev.triage.client.model.Comment;
import dev.triage.client.model.CreateTicket;
import dev.triage.client.model.Login;
import dev.triage.client.model.Priority;
import dev.triage.client.model.ProblemDetail;
import dev.triage.client.model.Register;
import dev.triage.client.model.Role;
import dev.triage.client.model.Session;
import dev.triage.client.model.Status;
import dev.triage.client.model.Ticket;
import dev.triage.client.model.TicketPage;
import dev.triage.client.model.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's tour, driven only through the Java client generated from the OpenAPI document the
 * service serves (the build fails first if the document does not validate or the client does not
 * compile). The packaged service runs as its own process with its own database.
 */
class GeneratedClientTourIT {

  private static final String ADMIN_EMAIL = "admin@contract.test";
  private static final String PASSWORD = "contract-password-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Service service;

  @BeforeAll
  static void start() throws Exception {
    service = Service.start(ADMIN_EMAIL, PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void the_client_was_generated_from_the_document_the_service_serves() throws Exception {
    JsonNode generatedFrom = JSON.readTree(Files.readString(Service.OPENAPI));
    assertThat(JSON.readTree(served())).isEqualTo(generatedFrom);
  }

  /** The operation ids clients outside the repository rely on: never renamed, never removed. */
  static final Set<String> CONTRACT =
      Set.of(
          "register",
          "login",
          "refreshSession",
          "logout",
          "getMe",
          "listUsers",
          "createUser",
          "updateUser",
          "revokeSessions",
          "createApiToken",
          "listApiTokens",
          "revokeApiToken",
          "createTicket",
          "getTicket",
          "listTickets",
          "listOverdueTickets",
          "editTicket",
          "changeStatus",
          "assignTicket",
          "unassignTicket",
          "escalateTicket",
          "closeTicket",
          "reopenTicket",
          "addComment",
          "listComments",
          "redactComment",
          "getTicketTimeline",
          "explainSla",
          "streamEvents",
          "streamTicketEvents",
          "listNotifications",
          "countUnreadNotifications",
          "markNotificationRead",
          "markNotificationUnread",
          "markAllNotificationsRead",
          "registerWebhook",
          "listWebhooks",
          "getWebhook",
          "updateWebhook",
          "deleteWebhook",
          "listWebhookDeliveries",
          "redeliverWebhook",
          "getAuditLog",
          "getDashboard",
          "createCalendar",
          "listCalendars",
          "getCalendar",
          "changeCalendar",
          "deleteCalendar",
          "createSlaPolicy",
          "listSlaPolicies",
          "getSlaPolicy",
          "changeSlaPolicy",
          "deleteSlaPolicy",
          "getSettings",
          "changeSettings");

  @Test
  void the_served_document_names_every_operation_types_every_answer_and_hides_server_internals()
      throws Exception {
    String text = served();
    assertThat(text).doesNotContain("HttpServerRequest");
    JsonNode document = JSON.readTree(text);
    assertThat(document.path("servers")).isNotEmpty();

    List<String> ids = new ArrayList<>();
    List<String> untyped = new ArrayList<>();
    List<String> undeclaredSecurity = new ArrayList<>();
    Map<String, Set<String>> parameterNames = new TreeMap<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      collectParameterNames(path.getKey(), parameterNames);
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        JsonNode operation = method.getValue();
        String name = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        if (operation.hasNonNull("operationId")) {
          ids.add(operation.get("operationId").asText());
        } else {
          ids.add("(none: " + name + ")");
        }
        if (path.getKey().startsWith("/api/") && !operation.has("security")) {
          undeclaredSecurity.add(name);
        }
        for (Map.Entry<String, JsonNode> answer : operation.path("responses").properties()) {
          boolean typedWhenItHasABody =
              answer.getKey().startsWith("2")
                  || answer.getKey().startsWith("4")
                  || answer.getKey().startsWith("5");
          if (!typedWhenItHasABody) {
            continue;
          }
          for (Map.Entry<String, JsonNode> media : answer.getValue().path("content").properties()) {
            if (!media.getValue().has("schema")) {
              untyped.add(name + " " + answer.getKey() + " " + media.getKey());
            }
          }
          boolean refusal = !answer.getKey().startsWith("2");
          if (refusal && answer.getValue().path("content").isEmpty()) {
            untyped.add(name + " " + answer.getKey() + " (no problem document)");
          }
        }
      }
    }
    assertThat(ids).as("operation ids").doesNotHaveDuplicates().containsAll(CONTRACT);
    assertThat(ids).as("operations without an id").noneMatch(id -> id.startsWith("(none"));
    assertThat(untyped).as("answers without a schema").isEmpty();
    assertThat(undeclaredSecurity).as("operations that do not declare security").isEmpty();
    assertThat(parameterNames)
        .as("path segments named differently by different paths")
        .allSatisfy((segment, names) -> assertThat(names).as(segment).hasSize(1));
  }

  @Test
  void the_tour_through_the_generated_client() throws Exception {
    // Register and log in: the session's token is typed, and the account is the caller's.
    String email = "ada-" + UUID.randomUUID() + "@contract.test";
    User registered =
        new AuthApi(anonymous())
            .register(
                new Register().email(email).displayName("Ada Lovelace").password(PASSWORD), null);
    assertThat(registered.getRole()).isEqualTo(Role.CUSTOMER);
    Session session =
        new AuthApi(anonymous()).login(new Login().email(email).password(PASSWORD), null);
    assertThat(session.getAccessToken()).isNotBlank();
    assertThat(session.getRefreshToken()).isNotBlank();
    ApiClient customer = as(session.getAccessToken());
    assertThat(new UsersApi(customer).getMe().getId()).isEqualTo(registered.getId());

    // Create, and retry the same create with the same Idempotency-Key: one ticket, replayed.
    TicketsApi tickets = new TicketsApi(customer);
    String key = UUID.randomUUID().toString();
    CreateTicket printer =
        new CreateTicket()
            .title("Printer on fire " + key)
            .description("The office printer smokes when printing.")
            .priority(Priority.HIGH);
    ApiResponse<Ticket> first = tickets.createTicketWithHttpInfo(printer, key);
    assertThat(first.getStatusCode()).isEqualTo(201);
    Ticket created = first.getData();
    assertThat(created.getStatus()).isEqualTo(Status.OPEN);
    assertThat(created.getRequesterId()).isEqualTo(registered.getId());
    ApiResponse<Ticket> retry = tickets.createTicketWithHttpInfo(printer, key);
    assertThat(retry.getStatusCode()).isEqualTo(201);
    assertThat(retry.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
    assertThat(retry.getData().getId()).isEqualTo(created.getId());

    // Read it by its number; list with a filter finds it, once.
    ApiResponse<Ticket> read = tickets.getTicketWithHttpInfo(created.getNumber());
    assertThat(read.getData().getId()).isEqualTo(created.getId());
    assertThat(read.getHeaders().get("ETag")).containsExactly("\"" + created.getVersion() + "\"");
    TicketPage open =
        tickets.listTickets(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            100,
            null,
            Priority.HIGH,
            null,
            null,
            null,
            null,
            List.of(Status.OPEN),
            null);
    assertThat(open.getItems())
        .filteredOn(t -> t.getId().equals(created.getId()))
        .singleElement()
        .satisfies(t -> assertThat(t.getNumber()).isEqualTo(created.getNumber()));

    // Comment; an agent's status change names the version it read in If-Match.
    Comment comment =
        tickets.addComment(
            created.getId().toString(),
            new AddComment().body("It is still smoking."),
            null,
            UUID.randomUUID().toString());
    assertThat(comment.getBody()).isEqualTo("It is still smoking.");
    assertThat(comment.getAuthorId()).isEqualTo(registered.getId());
    TicketsApi admin =
        new TicketsApi(
            as(
                new AuthApi(anonymous())
                    .login(new Login().email(ADMIN_EMAIL).password(PASSWORD), null)
                    .getAccessToken()));
    ApiResponse<Ticket> current = admin.getTicketWithHttpInfo(created.getId().toString());
    String etag = current.getHeaders().get("ETag").get(0);
    Ticket working =
        admin.changeStatus(
            created.getId().toString(),
            new ChangeStatus().status(Status.IN_PROGRESS),
            etag,
            UUID.randomUUID().toString());
    assertThat(working.getStatus()).isEqualTo(Status.IN_PROGRESS);
    assertThat(working.getVersion()).isGreaterThan(current.getData().getVersion());

    // The same If-Match again names a version that is gone: refused as a problem.
    ApiException stale =
        catchThrowableOfType(
            ApiException.class,
            () ->
                admin.changeStatus(
                    created.getId().toString(),
                    new ChangeStatus().status(Status.PENDING_CUSTOMER),
                    etag,
                    null));
    assertThat(stale.getCode()).isEqualTo(412);
    assertThat(problem(stale).getCode()).isEqualTo("VERSION_MISMATCH");

    // A 422 and a 404 read as problem documents through the generated model.
    ApiException invalid =
        catchThrowableOfType(
            ApiException.class,
            () ->
                tickets.createTicket(
                    new CreateTicket().title("ab").description("Too short a title."), null));
    assertThat(invalid.getCode()).isEqualTo(422);
    ProblemDetail unprocessable = problem(invalid);
    assertThat(unprocessable.getCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(unprocessable.getStatus()).isEqualTo(422);
    assertThat(unprocessable.getErrors()).containsKey("title");

    ApiException missing =
        catchThrowableOfType(ApiException.class, () -> tickets.getTicket("TCK-1999-999999"));
    assertThat(missing.getCode()).isEqualTo(404);
    assertThat(problem(missing).getCode()).isEqualTo("NOT_FOUND");
    assertThat(missing.getResponseHeaders().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  private static String served() throws IOException, InterruptedException {
    HttpResponse<String> served =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(service.base() + "/q/openapi?format=json"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(served.statusCode()).isEqualTo(200);
    return served.body();
  }

  /**
   * Records the parameter name each path uses at each templated segment, keyed by the path up to
   * it: {@code /tickets/{id}} and {@code /tickets/{idOrNumber}} would give two names for one key.
   */
  private static void collectParameterNames(String path, Map<String, Set<String>> names) {
    String[] segments = path.split("/");
    StringBuilder prefix = new StringBuilder();
    for (String segment : segments) {
      if (segment.startsWith("{")) {
        names.computeIfAbsent(prefix + "/{}", k -> new TreeSet<>()).add(segment);
        prefix.append("/{}");
      } else if (!segment.isEmpty()) {
        prefix.append('/').append(segment);
      }
    }
  }

  private static ApiClient anonymous() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(service.base());
    client.setReadTimeout(Duration.ofSeconds(30));
    return client;
  }

  private static ApiClient as(String token) {
    ApiClient client = anonymous();
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }

  private static ProblemDetail problem(ApiException refusal) throws IOException {
    return anonymous().getObjectMapper().readValue(refusal.getResponseBody(), ProblemDetail.class);
  }

  /** The path of a file given to the tests by the build. */
  static Path fromBuild(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property " + property + " (set by the build)").isNotNull();
    return Path.of(value);
  }
}
