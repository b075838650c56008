package dev.triage.bootstrap.hostile;

import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Makes malformed requests for every endpoint from one seeded {@link Random}: wrong JSON types,
 * missing, extra and null fields, huge and deeply nested bodies, odd Unicode, injection strings,
 * bad ids, query parameters and headers, as each kind of caller.
 *
 * <p>Every request that could change data carries at least one <em>breaker</em>: a defect that must
 * make the service refuse it whatever else the request holds (an unknown field, a body that is not
 * JSON, a wrong media type, a garbage or stale {@code If-Match}, a malformed {@code
 * Idempotency-Key}, no valid credentials, a missing target, a role that may not, a field value that
 * is surely refused). The rest of the request is decorated freely, so hostile values travel as far
 * into the service as the breaker lets them. Reads need no breaker (they change nothing) but are
 * always malformed somewhere.
 */
final class HostileRequests {

  /** Who sends a request. */
  enum Role {
    ANONYMOUS,
    CUSTOMER,
    AGENT,
    ADMIN
  }

  /** Real things to aim at: each role's access token, the customer's ticket and comment. */
  record Targets(
      Map<Role, String> tokens,
      Map<Role, String> userIds,
      String ticketId,
      String ticketNumber,
      String commentId,
      String refreshToken,
      String categoryId,
      String viewId,
      String ticketFieldId,
      String groupId,
      String cannedResponseId,
      String macroId) {}

  /** One request: where, how, with what; {@code defects} says what was broken on purpose. */
  record Probe(
      int index,
      String endpoint,
      String method,
      String target,
      List<String[]> headers,
      byte[] body,
      boolean raw,
      boolean chunked,
      List<String> defects) {

    String header(String name) {
      for (String[] h : headers) {
        if (h[0].equalsIgnoreCase(name)) {
          return h[1];
        }
      }
      return null;
    }

    /** Everything sent, as text, to tell an echo of the request from a leak of the service. */
    String sentText() {
      StringBuilder all = new StringBuilder(target);
      for (String[] h : headers) {
        all.append('\n').append(h[0]).append(": ").append(h[1]);
      }
      if (body != null) {
        all.append('\n').append(new String(body, StandardCharsets.UTF_8));
      }
      return all.toString();
    }
  }

  /** Who may call an endpoint. */
  enum Access {
    PUBLIC,
    SIGNED_IN,
    ADMIN
  }

  /** How an endpoint reads its body. */
  enum Body {
    /** No body is read. */
    NONE,
    /** A JSON object is required ({@code @Consumes(application/json)}, null body refused). */
    JSON,
    /** A JSON object of optional fields ({@code @Consumes(application/json)}, null = no change). */
    PATCH,
    /** An optional {@code {"reason": ...}} read whatever the media type. */
    REASON,
    /**
     * A file as the raw body, its type the Content-Type and its name the {@code filename} query
     * parameter ({@code POST /uploads}); refused when the type, the first bytes or the name are.
     */
    RAW
  }

  enum Kind {
    STRING,
    ENUM,
    BOOL,
    ID,
    LIST,
    OBJECT
  }

  /**
   * A body field: its JSON type, the values that are fine, and the values the service surely
   * refuses ({@code MISSING} meaning left out).
   */
  record Field(String name, Kind kind, int max, List<String> valid, List<String> refused) {}

  /** A query parameter: fine values and bad ones (raw text, encoded when sent). */
  record Param(String name, List<String> ok, List<String> bad) {}

  /** One endpoint as the REST layer declares it. */
  record Endpoint(
      String label,
      String method,
      String path,
      Access access,
      Body body,
      List<Field> fields,
      List<Param> params,
      boolean ticketCommand,
      boolean stream) {

    boolean mutating() {
      return !method.equals("GET");
    }

    boolean hasTarget() {
      return path.contains("{");
    }
  }

  /**
   * POST endpoints that only read (they change nothing, so they take no Idempotency-Key and a bad
   * one breaks nothing).
   */
  static final Set<String> READS_BY_POST = Set.of("POST /canned-responses/{id}/preview");

  /** The defects that make any request they are in fail. */
  enum Breaker {
    UNKNOWN_FIELD,
    NOT_JSON,
    TRUNCATED_JSON,
    DEEP_NESTING,
    OVERSIZE_BODY,
    WRONG_CONTENT_TYPE,
    MISSING_BODY,
    GARBAGE_IF_MATCH,
    STALE_IF_MATCH,
    BAD_IDEMPOTENCY_KEY,
    BAD_CREDENTIALS,
    MISSING_TARGET,
    FORBIDDEN_ROLE,
    REFUSED_FIELD,
    BAD_LAST_EVENT_ID
  }

  static final String MISSING = "<missing>";
  static final int BODY_LIMIT = 256 * 1024;
  private static final int MAX_TARGET = 3_500;

  /** The service's own If-Match reading: a value this matches names a version. */
  private static final Pattern IF_MATCH_VERSION =
      Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

  // ------------------------------------------------------------------------------ hostile values

  static final List<String> INJECTIONS =
      List.of(
          "' OR '1'='1",
          "' OR 1=1 --",
          "'; DROP TABLE tickets; --",
          "\"; DROP TABLE users; --",
          "1' UNION SELECT email, password_hash FROM users --",
          "admin'--",
          "') OR ('a'='a",
          "1; SELECT pg_sleep(5); --",
          "$$; SELECT 1; $$",
          "%' OR '%'='",
          "\\'; --",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(document.cookie)",
          "{{7*7}}",
          "${7*7}",
          "#{7*7}",
          "${jndi:ldap://127.0.0.1:1389/a}",
          "../../../../etc/passwd",
          "..\\..\\..\\windows\\win.ini",
          "/etc/passwd%00.png",
          "file:///etc/passwd",
          "http://169.254.169.254/latest/meta-data/",
          "a\r\nX-Injected: 1",
          "%0d%0aSet-Cookie: x=1",
          "() { :; }; /bin/sh -c id",
          "$(id)",
          "`id`",
          "| cat /etc/shadow",
          "%s%s%s%s%n",
          "{\"$gt\": \"\"}",
          "*)(uid=*))(|(uid=*",
          "<!--#exec cmd=\"id\"-->",
          "& | ! : * ( )",
          "a:* & !b <-> c",
          "\"unterminated phrase",
          "-",
          "or or or",
          "NaN",
          "Infinity",
          "null",
          "undefined",
          "TCK-2026-000001' --",
          "\\",
          "''''''''",
          "%",
          "_");

  /** JSON string contents with odd Unicode, already escaped for JSON. */
  static final List<String> ODD_UNICODE =
      List.of(
          "\\ud800",
          "\\udfff",
          "a\\ud800b",
          "\\udc00\\ud800",
          "\\ud83d",
          "\\u0000",
          "nul\\u0000in the middle",
          "\\u202e\\u0645\\u0631\\u062d\\u0628\\u0627 gnp.exe",
          "\\u200f\\u200e\\u202a\\u202b\\u202c",
          "\\ufeffbom",
          "\\u200b\\u200b\\u200b",
          "\\uffff\\ufffe",
          "\\ud83d\\ude00\\ud83d\\udca9",
          "e\\u0301\\u0301\\u0301\\u0301\\u0301\\u0301",
          "\\u0007\\u001b[31mred\\u001b[0m",
          "\\u2028\\u2029",
          "\\u0085\\u00a0",
          "\\\\u0000",
          "\uD83D\uDE00 emoji sent raw \uD83C\uDDEB\uD83C\uDDF7",
          "\u0645\u0631\u062D\u0628\u0627 \u05E9\u05DC\u05D5\u05DD \u4F60\u597D",
          "\uD835\uDD73\uD835\uDD8A\uD835\uDD91\uD835\uDD91\uD835\uDD94",
          "\u0000raw nul");

  /** Byte sequences that are not UTF-8 (overlong forms, encoded surrogates, stray bytes). */
  static final List<String> BAD_UTF8 =
      List.of(
          "C080", "C0AF", "E080AF", "EDA080", "EDBFBF", "F8888080", "FFFE", "80", "C3", "F4908080");

  static final List<String> NUMBERS =
      List.of(
          "0",
          "-1",
          "1e400",
          "-0",
          "0.1",
          "123456789012345678901234567890",
          "9223372036854775808",
          "1E+2",
          "-9.9e-999");

  static final List<String> BAD_IDS =
      List.of(
          "not-a-uuid",
          "00000000-0000-0000-0000-00000000000g",
          "0192f0c4-0000-7000-8000-00000000abcd0",
          "{0192f0c4-0000-7000-8000-00000000abcd}",
          "0192f0c400007000800000000000abcd",
          "99999999999999999999999999999999999",
          "-1",
          "0",
          "1e10",
          "TCK-2026-000000",
          "TCK-9999-999999999999999999",
          "TCK-2026-0000001234567890123456789",
          "TCK-0000-000001",
          "..",
          "...",
          "null",
          "undefined",
          "true",
          "NaN");

  static final List<String> EXTREME_INSTANTS =
      List.of(
          "+1000000000-12-31T23:59:59.999999999Z",
          "-1000000000-01-01T00:00:00Z",
          "+294277-01-01T00:00:00Z",
          "-4714-11-24T00:00:00Z",
          "0000-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z");

  static final List<String> BAD_INSTANTS =
      List.of(
          "yesterday",
          "2026-13-01T00:00:00Z",
          "2026-02-30T00:00:00Z",
          "2026-11-22",
          "2026-11-22T10:15:30",
          "2026-11-22T25:00:00Z",
          "2026-11-22T10:15:30+25:00",
          "1700000000",
          "-1",
          "2026-11-22T10:15:30.1234567891Z",
          "now()",
          "' OR 1=1 --",
          "2026-11-22T10:15:30Z'; DROP TABLE audit_log; --");

  static final List<String> BAD_LIMITS =
      List.of(
          "0",
          "-1",
          "101",
          "1000000",
          "abc",
          "1.5",
          "1e2",
          "0x10",
          "99999999999999999999",
          "-2147483649",
          "2147483648",
          " ",
          "",
          "NaN",
          "25; DROP TABLE users",
          "\u0000",
          "\uD83D\uDE00");

  static final List<String> BAD_BOOLEANS =
      List.of("maybe", "1", "yes", "on", "TRUE ", "truee", "", "null", "\u0000", "' OR 1=1 --");

  // ------------------------------------------------------------------------------ the endpoints

  private static Field str(String name, int max, List<String> valid, List<String> refused) {
    return new Field(name, Kind.STRING, max, valid, refused);
  }

  private static List<String> q(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add(v.equals(MISSING) ? MISSING : json(v));
    }
    return out;
  }

  private static final List<String> STATUSES =
      List.of("OPEN", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED");

  final List<Endpoint> endpoints;
  private final Targets targets;

  HostileRequests(Targets targets) {
    this.targets = targets;
    this.endpoints = catalog(targets);
  }

  private static List<Endpoint> catalog(Targets t) {
    Field title = str("title", 200, q("Printer on fire", "Hostile title"), q("", "ab", MISSING));
    Field description = str("description", 20_000, q("Details follow."), q("", MISSING));
    Field priority =
        new Field("priority", Kind.ENUM, 10, q("LOW", "HIGH"), q("URGENT", "high", "P1"));
    Field category = str("category", 60, q("hardware", "network"), List.of());
    Field tags =
        new Field("tags", Kind.LIST, 20, List.of("[\"a\",\"b\"]", "[]"), List.of(tooManyTags()));
    // Custom field values by key (ADR 20): no test defines the keys named here, so each is refused.
    Field customFields =
        new Field(
            "fields",
            Kind.OBJECT,
            100,
            List.of("{}"),
            List.of(
                "{\"no_such_field\":1}",
                "{\"x\":{\"nested\":1}}",
                "{\"x\":[1,2]}",
                "{\"x\":1e999999999}",
                "{\"x\":\"\\u0000\"}"));
    Field reason = str("reason", 1000, q("because"), List.of());
    Field password = str("password", 128, q(longPassword()), q("short", ""));
    Field email = str("email", 254, q("someone@example.com"), q("not-an-email", "", "@", "a@"));
    Field displayName = str("displayName", 100, q("Someone"), List.of());
    Field role =
        new Field("role", Kind.ENUM, 10, q("CUSTOMER", "AGENT"), q("ROOT", "SUPERUSER", "admin!"));
    Field url =
        str(
            "url",
            2048,
            q("https://hooks.example.com/triage", "http://127.0.0.1:1/hook"),
            q("ftp://example.com/x", "not a url", "", "javascript:alert(1)", "//no-scheme"));
    Field events =
        new Field(
            "events",
            Kind.LIST,
            50,
            List.of("[\"TicketCreated\"]", "[]"),
            List.of("[\"NoSuchEvent\"]", "[\"TicketCreated\",\"DropTables\"]"));
    Field active = new Field("active", Kind.BOOL, 5, List.of("true", "false"), List.of());
    Field includeInternal =
        new Field("includeInternal", Kind.BOOL, 5, List.of("true", "false"), List.of());

    Param limit = new Param("limit", List.of("10", "1", "100"), BAD_LIMITS);
    Param cursor = new Param("cursor", List.of(), List.of());
    List<String> instants = new ArrayList<>(BAD_INSTANTS);
    instants.addAll(EXTREME_INSTANTS);

    List<Endpoint> all = new ArrayList<>();
    // Tickets: commands.
    all.add(
        endpoint(
            "POST /tickets",
            "POST",
            "/api/v1/tickets",
            Access.SIGNED_IN,
            Body.JSON,
            List.of(
                title,
                description,
                priority,
                category,
                tags,
                customFields,
                str("groupId", 64, q(t.groupId(), ""), q("not-a-uuid", "' OR 1=1 --")),
                str(
                    "requesterId",
                    64,
                    q(t.userIds().get(Role.CUSTOMER), ""),
                    q("not-a-uuid", t.userIds().get(Role.AGENT))),
                new Field("channel", Kind.ENUM, 16, q("phone", "web"), q("fax", "PHONE'--")))));
    all.add(
        ticketCommand(
            "PATCH /tickets/{id}",
            "PATCH",
            "/api/v1/tickets/{ticket}",
            Body.PATCH,
            List.of(
                str("title", 200, q("Edited title"), q("", "ab")),
                str("description", 20_000, q("Edited."), q("")),
                category,
                tags,
                priority,
                customFields,
                str("groupId", 64, q(t.groupId(), ""), q("not-a-uuid", "' OR 1=1 --")),
                str(
                    "assigneeId",
                    64,
                    q(t.userIds().get(Role.AGENT)),
                    q("not-a-uuid", UUID.randomUUID().toString())))));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/status",
            "POST",
            "/api/v1/tickets/{ticket}/status",
            Body.JSON,
            List.of(
                new Field(
                    "status", Kind.ENUM, 20, q("IN_PROGRESS", "RESOLVED"), q("FLYING", MISSING)),
                reason)));
    all.add(
        ticketCommand(
            "PUT /tickets/{id}/assignee",
            "PUT",
            "/api/v1/tickets/{ticket}/assignee",
            Body.JSON,
            List.of(
                new Field(
                    "assigneeId",
                    Kind.ID,
                    36,
                    q(t.userIds().get(Role.AGENT)),
                    q("not-a-uuid", MISSING, UUID.randomUUID().toString())))));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/assignee",
            "DELETE",
            "/api/v1/tickets/{ticket}/assignee",
            Body.NONE,
            List.of()));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/tags",
            "POST",
            "/api/v1/tickets/{ticket}/tags",
            Body.JSON,
            List.of(
                new Field(
                    "tags",
                    Kind.LIST,
                    20,
                    List.of("[\"a\",\"b\"]"),
                    List.of(tooManyTags(), "[]", "[\"  \"]", MISSING)))));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/tags/{tag}",
            "DELETE",
            "/api/v1/tickets/{ticket}/tags/{tag}",
            Body.NONE,
            List.of()));
    all.add(read("GET /tags", "/api/v1/tags", Access.SIGNED_IN, List.of(limit)));
    all.add(
        endpoint(
            "POST /tags/rename",
            "POST",
            "/api/v1/tags/rename",
            Access.ADMIN,
            Body.JSON,
            List.of(
                str("from", 40, q("hostile-a"), q("", MISSING)),
                str("to", 40, q("hostile-b"), q("", MISSING)))));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/locks",
            "POST",
            "/api/v1/tickets/{ticket}/locks",
            Body.JSON,
            List.of(
                new Field(
                    "fields",
                    Kind.LIST,
                    4,
                    List.of("[\"priority\"]", "[\"category\",\"assigneeId\"]"),
                    List.of("[]", "[\"title\"]", "[\"PRIORITY\"]", MISSING)))));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/locks/{field}",
            "DELETE",
            "/api/v1/tickets/{ticket}/locks/{field}",
            Body.NONE,
            List.of()));
    all.add(
        endpoint(
            "POST /tickets/bulk",
            "POST",
            "/api/v1/tickets/bulk",
            Access.SIGNED_IN,
            Body.JSON,
            List.of(
                new Field(
                    "ticketIds",
                    Kind.LIST,
                    100,
                    List.of("[\"" + t.ticketId() + "\"]"),
                    List.of("[]", "[\"\"]", MISSING)),
                new Field(
                    "change",
                    Kind.OBJECT,
                    100,
                    List.of("{\"priority\":\"HIGH\"}"),
                    List.of(
                        "{}",
                        "{\"priority\":\"URGENT\"}",
                        "{\"priority\":\"HIGH\",\"status\":\"OPEN\"}",
                        "{\"groupId\":\"x\"}",
                        MISSING)))));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/escalation",
            "POST",
            "/api/v1/tickets/{ticket}/escalation",
            Body.REASON,
            List.of(reason)));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/close",
            "POST",
            "/api/v1/tickets/{ticket}/close",
            Body.REASON,
            List.of(reason)));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/reopen",
            "POST",
            "/api/v1/tickets/{ticket}/reopen",
            Body.REASON,
            List.of(reason)));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/comments",
            "POST",
            "/api/v1/tickets/{ticket}/comments",
            Body.JSON,
            List.of(
                str("body", 20_000, q("A reply."), q("", MISSING)),
                new Field("internal", Kind.BOOL, 5, List.of("false", "true"), List.of()))));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/comments/{commentId}",
            "DELETE",
            "/api/v1/tickets/{ticket}/comments/{comment}",
            Body.NONE,
            List.of()));
    // Tickets: reads.
    all.add(
        read(
            "GET /tickets",
            "/api/v1/tickets",
            Access.SIGNED_IN,
            List.of(
                new Param("status", STATUSES, List.of("FOO", "", "OPEN,CLOSED", "open'--", "*")),
                new Param("priority", List.of("LOW", "CRITICAL"), List.of("URGENT", "", "0", "P1")),
                new Param(
                    "assignee",
                    List.of("me", "none"),
                    List.of("you", "not-a-uuid", "me'--", "", "null", "ME ", "*")),
                new Param(
                    "requester",
                    List.of(t.userIds().get(Role.CUSTOMER)),
                    List.of("not-a-uuid", "me", "' OR 1=1 --", "")),
                new Param("overdue", List.of("true", "false"), BAD_BOOLEANS),
                new Param("escalated", List.of("true", "false"), BAD_BOOLEANS),
                new Param("createdAfter", List.of("2026-01-01T00:00:00Z"), instants),
                new Param("createdBefore", List.of("2099-01-01T00:00:00Z"), instants),
                new Param("q", List.of("printer", "\"on fire\""), List.of()),
                new Param(
                    "group",
                    List.of("mine", "none", t.groupId()),
                    List.of("theirs", "not-a-uuid", "' OR 1=1 --", "MINE", "*")),
                new Param("channel", List.of("phone", "web"), List.of("fax", "", "web'--", "*")),
                new Param(
                    "sort",
                    List.of("createdAt", "-createdAt", "slaDueAt", "priority"),
                    List.of(
                        "title",
                        "-priority",
                        "createdAt;DROP TABLE tickets",
                        "",
                        "+createdAt",
                        "relevance",
                        "r",
                        "createdAt desc",
                        "1")),
                limit,
                cursor,
                new Param(
                    "cc",
                    List.of("me", t.userIds().get(Role.CUSTOMER)),
                    List.of("you", "not-a-uuid", "' OR 1=1 --", "ME", "*")),
                new Param("snoozed", List.of("true", "false"), BAD_BOOLEANS))));
    all.add(
        read("GET /tickets/{idOrNumber}", "/api/v1/tickets/{ticket}", Access.SIGNED_IN, List.of()));
    all.add(
        read("GET /tickets/{id}/sla", "/api/v1/tickets/{ticket}/sla", Access.SIGNED_IN, List.of()));
    all.add(
        read(
            "GET /tickets/{id}/comments",
            "/api/v1/tickets/{ticket}/comments",
            Access.SIGNED_IN,
            List.of(limit, cursor)));
    all.add(
        read(
            "GET /tickets/{id}/timeline",
            "/api/v1/tickets/{ticket}/timeline",
            Access.SIGNED_IN,
            List.of(limit, cursor)));
    all.add(
        read(
            "GET /tickets/overdue",
            "/api/v1/tickets/overdue",
            Access.SIGNED_IN,
            List.of(limit, cursor)));
    all.add(stream("GET /tickets/{id}/events (SSE)", "/api/v1/tickets/{ticket}/events"));
    all.add(stream("GET /events (SSE)", "/api/v1/events"));
    all.add(
        read(
            "GET /dashboard",
            "/api/v1/dashboard",
            Access.ADMIN,
            List.of(
                new Param("from", List.of("2026-01-01T00:00:00Z"), instants),
                new Param("to", List.of("2026-02-01T00:00:00Z"), instants))));
    // Auth.
    all.add(
        endpoint(
            "POST /auth/register",
            "POST",
            "/api/v1/auth/register",
            Access.PUBLIC,
            Body.JSON,
            List.of(email, displayName, password)));
    all.add(
        endpoint(
            "POST /auth/login",
            "POST",
            "/api/v1/auth/login",
            Access.PUBLIC,
            Body.JSON,
            List.of(str("email", 254, q("nobody@example.com"), List.of()), password)));
    all.add(
        endpoint(
            "POST /auth/refresh",
            "POST",
            "/api/v1/auth/refresh",
            Access.PUBLIC,
            Body.JSON,
            // No refused value: a refresh token that is merely wrong is a well-formed request,
            // and its refusal is committed and audited (it may revoke a family) by design.
            List.of(str("refreshToken", 512, q(t.refreshToken()), List.of()))));
    all.add(
        endpoint(
            "POST /auth/logout",
            "POST",
            "/api/v1/auth/logout",
            Access.SIGNED_IN,
            Body.NONE,
            List.of()));
    // Users and tokens.
    all.add(read("GET /me", "/api/v1/me", Access.SIGNED_IN, List.of()));
    all.add(
        endpoint(
            "POST /me/password",
            "POST",
            "/api/v1/me/password",
            Access.SIGNED_IN,
            Body.JSON,
            // A well-formed change is refused for its wrong current password: no caller's password
            // changes, so no session of the run ends.
            List.of(
                str("currentPassword", 128, q("not the current password"), q("")),
                str("newPassword", 128, q(longPassword()), q("short", "")))));
    all.add(
        read(
            "GET /users",
            "/api/v1/users",
            Access.ADMIN,
            List.of(new Param("limit", List.of("10"), BAD_LIMITS), cursor)));
    all.add(
        endpoint(
            "POST /users",
            "POST",
            "/api/v1/users",
            Access.ADMIN,
            Body.JSON,
            List.of(email, displayName, password, role)));
    all.add(
        endpoint(
            "PATCH /users/{id}",
            "PATCH",
            "/api/v1/users/{user}",
            Access.ADMIN,
            Body.PATCH,
            List.of(
                new Field("role", Kind.ENUM, 10, q("AGENT"), q("ROOT", "god")),
                new Field("active", Kind.BOOL, 5, List.of("true"), q("maybe", "nope")))));
    all.add(
        endpoint(
            "POST /users/{id}/sessions/revoke",
            "POST",
            "/api/v1/users/{user}/sessions/revoke",
            Access.ADMIN,
            Body.NONE,
            List.of()));
    all.add(
        endpoint(
            "POST /api-tokens",
            "POST",
            "/api/v1/api-tokens",
            Access.ADMIN,
            Body.JSON,
            List.of(
                str("name", 100, q("integration"), List.of()),
                new Field(
                    "scopes",
                    Kind.LIST,
                    10,
                    List.of("[\"tickets:read\"]"),
                    List.of("[\"root:all\"]", "[\"tickets:read\",\"everything\"]")))));
    all.add(read("GET /api-tokens", "/api/v1/api-tokens", Access.ADMIN, List.of()));
    all.add(
        endpoint(
            "DELETE /api-tokens/{id}",
            "DELETE",
            "/api/v1/api-tokens/{token}",
            Access.ADMIN,
            Body.NONE,
            List.of()));
    all.add(
        read(
            "GET /audit-log",
            "/api/v1/audit-log",
            Access.ADMIN,
            List.of(
                new Param(
                    "actor", List.of(t.userIds().get(Role.ADMIN)), List.of("me", "not-a-uuid", "")),
                new Param("action", List.of("CreateTicket"), List.of()),
                new Param("entityType", List.of("Ticket", "User"), List.of()),
                new Param("entityId", List.of(t.ticketId()), List.of()),
                new Param("from", List.of("2026-01-01T00:00:00Z"), instants),
                new Param("to", List.of("2099-01-01T00:00:00Z"), instants),
                limit,
                cursor)));
    // Notifications.
    all.add(
        read(
            "GET /notifications",
            "/api/v1/notifications",
            Access.SIGNED_IN,
            List.of(new Param("unread", List.of("true", "false"), BAD_BOOLEANS), limit, cursor)));
    all.add(
        read(
            "GET /notifications/unread-count",
            "/api/v1/notifications/unread-count",
            Access.SIGNED_IN,
            List.of()));
    all.add(
        endpoint(
            "POST /notifications/{id}/read",
            "POST",
            "/api/v1/notifications/{notification}/read",
            Access.SIGNED_IN,
            Body.NONE,
            List.of()));
    all.add(
        endpoint(
            "POST /notifications/{id}/unread",
            "POST",
            "/api/v1/notifications/{notification}/unread",
            Access.SIGNED_IN,
            Body.NONE,
            List.of()));
    all.add(
        endpoint(
            "POST /notifications/read-all",
            "POST",
            "/api/v1/notifications/read-all",
            Access.SIGNED_IN,
            Body.NONE,
            List.of()));
    // E-mail: each caller's own notification settings, the admins' view of the mail outbox.
    all.add(
        read(
            "GET /me/notification-settings",
            "/api/v1/me/notification-settings",
            Access.SIGNED_IN,
            List.of()));
    all.add(
        endpoint(
            "PATCH /me/notification-settings",
            "PATCH",
            "/api/v1/me/notification-settings",
            Access.SIGNED_IN,
            Body.JSON,
            List.of(
                new Field(
                    "email",
                    Kind.OBJECT,
                    200,
                    List.of("{\"REPLY\":true}", "{\"INTERNAL_NOTE\":true,\"REPLY\":true}"),
                    List.of(MISSING, "{\"LUNCH\":true}", "{\"REPLY\":null}")))));
    all.add(
        read(
            "GET /mail/deliveries",
            "/api/v1/mail/deliveries",
            Access.ADMIN,
            List.of(
                new Param(
                    "status", List.of("DEAD", "PENDING", "SENT"), List.of("dead", "LOST", "")),
                limit)));
    // Password reset: public; an address with no account is a well-formed request (202), and a
    // token that is merely wrong a refusal (422) that changes nothing.
    all.add(
        endpoint(
            "POST /auth/password-reset",
            "POST",
            "/api/v1/auth/password-reset",
            Access.PUBLIC,
            Body.JSON,
            List.of(str("email", 254, q("nobody@example.com"), q(MISSING, "not-an-address")))));
    all.add(
        endpoint(
            "POST /auth/password-reset/confirm",
            "POST",
            "/api/v1/auth/password-reset/confirm",
            Access.PUBLIC,
            Body.JSON,
            List.of(str("token", 200, q("prt_" + "x".repeat(43)), List.of()), password)));
    all.add(
        endpoint(
            "POST /auth/confirm-address",
            "POST",
            "/api/v1/auth/confirm-address",
            Access.PUBLIC,
            Body.JSON,
            List.of(str("token", 200, q("act_" + "x".repeat(43)), q(MISSING, "")))));
    // Inbound mail: the inbound secret only (no caller of the run has it); hostile MIME with the
    // secret is InboundMailIT's.
    all.add(
        endpoint(
            "POST /inbound-mail",
            "POST",
            "/api/v1/inbound-mail",
            Access.PUBLIC,
            Body.NONE,
            List.of()));
    // Webhooks.
    all.add(
        endpoint(
            "POST /webhooks",
            "POST",
            "/api/v1/webhooks",
            Access.ADMIN,
            Body.JSON,
            List.of(url, events, active, includeInternal)));
    all.add(read("GET /webhooks", "/api/v1/webhooks", Access.ADMIN, List.of()));
    all.add(read("GET /webhooks/{id}", "/api/v1/webhooks/{webhook}", Access.ADMIN, List.of()));
    all.add(
        endpoint(
            "PATCH /webhooks/{id}",
            "PATCH",
            "/api/v1/webhooks/{webhook}",
            Access.ADMIN,
            Body.PATCH,
            List.of(
                str("url", 2048, q("https://hooks.example.com/x"), q("ftp://x", "not a url")),
                events,
                active,
                includeInternal)));
    all.add(
        endpoint(
            "DELETE /webhooks/{id}",
            "DELETE",
            "/api/v1/webhooks/{webhook}",
            Access.ADMIN,
            Body.NONE,
            List.of()));
    all.add(
        read(
            "GET /webhooks/{id}/deliveries",
            "/api/v1/webhooks/{webhook}/deliveries",
            Access.ADMIN,
            List.of(limit, cursor)));
    all.add(
        endpoint(
            "POST /webhooks/{id}/deliveries/{deliveryId}/redeliver",
            "POST",
            "/api/v1/webhooks/{webhook}/deliveries/{delivery}/redeliver",
            Access.ADMIN,
            Body.NONE,
            List.of()));
    // Business calendars: the 24x7 one is a real target (PUT and DELETE carry If-Match).
    List<Field> calendar =
        List.of(
            str("name", 100, q("Hostile calendar"), q("", "   ", MISSING)),
            str(
                "timeZone",
                64,
                q("Europe/Berlin", "UTC"),
                q("Mars/Olympus", "+01:00", "europe/berlin", "", MISSING)),
            new Field(
                "week",
                Kind.OBJECT,
                7,
                List.of("{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}"),
                List.of(
                    MISSING,
                    "{}",
                    "{\"SUNDAY\":[]}",
                    "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"09:00\"}]}",
                    "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"},"
                        + "{\"start\":\"12:00\",\"end\":\"13:00\"}]}",
                    "{\"MONDAY\":[{\"start\":\"24:00\",\"end\":\"17:00\"}]}",
                    "{\"FUNDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}")),
            new Field(
                "holidays",
                Kind.LIST,
                500,
                List.of("[]", "[{\"date\":\"2026-12-24\",\"name\":\"Christmas Eve\"}]"),
                List.of(
                    "[{\"date\":\"1900-01-01\",\"name\":\"Too early\"}]",
                    "[{\"date\":\"2026-02-30\",\"name\":\"No such day\"}]",
                    "[{\"date\":\"2026-12-24\",\"name\":\"\"}]")));
    all.add(
        endpoint(
            "POST /calendars", "POST", "/api/v1/calendars", Access.ADMIN, Body.JSON, calendar));
    all.add(read("GET /calendars", "/api/v1/calendars", Access.SIGNED_IN, List.of(limit, cursor)));
    all.add(
        read("GET /calendars/{id}", "/api/v1/calendars/{calendar}", Access.SIGNED_IN, List.of()));
    all.add(
        withIfMatch(
            "PUT /calendars/{id}", "PUT", "/api/v1/calendars/{calendar}", Body.JSON, calendar));
    all.add(
        withIfMatch(
            "DELETE /calendars/{id}",
            "DELETE",
            "/api/v1/calendars/{calendar}",
            Body.NONE,
            List.of()));
    // The category catalogue: a category of the run's own is a real target (PATCH carries
    // If-Match).
    List<Field> categoryFields =
        List.of(
            str("name", 60, q("Hostile category"), q("", "   ", "x".repeat(61))),
            str(
                "defaultGroupId",
                64,
                q(t.groupId(), ""),
                q("not-a-uuid", "' OR 1=1 --", UUID.randomUUID().toString())),
            str("defaultPriority", 64, q("HIGH", ""), q("URGENT", "high", "P1")),
            active);
    all.add(
        endpoint(
            "POST /categories",
            "POST",
            "/api/v1/categories",
            Access.ADMIN,
            Body.JSON,
            categoryFields));
    all.add(
        read(
            "GET /categories",
            "/api/v1/categories",
            Access.SIGNED_IN,
            List.of(new Param("all", List.of("true", "false"), BAD_BOOLEANS))));
    all.add(
        read("GET /categories/{id}", "/api/v1/categories/{category}", Access.SIGNED_IN, List.of()));
    all.add(
        withIfMatch(
            "PATCH /categories/{id}",
            "PATCH",
            "/api/v1/categories/{category}",
            Body.PATCH,
            categoryFields));
    // Saved views: a shared view of the run's own is a real target (PATCH carries If-Match); the
    // filters are checked by the list's own reading of them.
    List<Field> viewFields =
        List.of(
            str("name", 80, q("Hostile view"), q("", "   ", "x".repeat(81))),
            new Field("shared", Kind.BOOL, 5, List.of("false"), List.of("\"yes\"")),
            new Field(
                "filters",
                Kind.OBJECT,
                4,
                List.of("{}", "{\"status\":[\"OPEN\"],\"assignee\":\"none\"}"),
                List.of(
                    "{\"status\":\"ASLEEP\"}",
                    "{\"limit\":\"10\"}",
                    "{\"colour\":\"red\"}",
                    "{\"createdAfter\":\"yesterday\"}",
                    "{\"tag\":[1,2]}",
                    "[]")),
            str("sort", 20, q("priority", ""), q("sideways")));
    all.add(
        endpoint("POST /views", "POST", "/api/v1/views", Access.SIGNED_IN, Body.JSON, viewFields));
    all.add(read("GET /views", "/api/v1/views", Access.SIGNED_IN, List.of()));
    all.add(read("GET /views/counts", "/api/v1/views/counts", Access.SIGNED_IN, List.of()));
    all.add(read("GET /views/{id}", "/api/v1/views/{view}", Access.SIGNED_IN, List.of()));
    all.add(
        read(
            "GET /views/{id}/tickets",
            "/api/v1/views/{view}/tickets",
            Access.SIGNED_IN,
            List.of(limit, cursor)));
    all.add(
        ticketCommand(
            "PATCH /views/{id}", "PATCH", "/api/v1/views/{view}", Body.PATCH, viewFields));
    all.add(
        endpoint(
            "DELETE /views/{id}",
            "DELETE",
            "/api/v1/views/{view}",
            Access.SIGNED_IN,
            Body.NONE,
            List.of()));
    // Canned responses: a shared one of the run's own is a real target (PATCH carries If-Match;
    // only admins change or delete it); staff make and read them (customers are refused, 403).
    // Bodies with template syntax that is no known placeholder are refused, never run.
    List<Field> cannedFields =
        List.of(
            str("title", 120, q("Hostile reply"), q("", "   ", "x".repeat(121))),
            str(
                "body",
                20_000,
                q("Hi {{requester.displayName}}", "{x} {#if}"),
                q(
                    "",
                    "{{ticket.secret}}",
                    "{{ticket.number.toString()}}",
                    "{{inject:bean}}",
                    "{{#for x in y}}{{/for}}",
                    "{{ticket.number",
                    "{{}}")),
            new Field("shared", Kind.BOOL, 5, List.of("false"), List.of("\"yes\"")));
    all.add(
        endpoint(
            "POST /canned-responses",
            "POST",
            "/api/v1/canned-responses",
            Access.SIGNED_IN,
            Body.JSON,
            cannedFields));
    all.add(read("GET /canned-responses", "/api/v1/canned-responses", Access.SIGNED_IN, List.of()));
    all.add(
        read(
            "GET /canned-responses/{id}",
            "/api/v1/canned-responses/{canned}",
            Access.SIGNED_IN,
            List.of()));
    all.add(
        withIfMatch(
            "PATCH /canned-responses/{id}",
            "PATCH",
            "/api/v1/canned-responses/{canned}",
            Body.PATCH,
            cannedFields));
    all.add(
        endpoint(
            "DELETE /canned-responses/{id}",
            "DELETE",
            "/api/v1/canned-responses/{canned}",
            Access.ADMIN,
            Body.NONE,
            List.of()));
    all.add(
        endpoint(
            "POST /canned-responses/{id}/preview",
            "POST",
            "/api/v1/canned-responses/{canned}/preview",
            Access.SIGNED_IN,
            Body.JSON,
            List.of(
                str(
                    "ticketId",
                    64,
                    q(t.ticketNumber(), t.ticketId()),
                    q("", "TCK-1999-000000", "' OR 1=1 --")))));
    // Macros: a shared one of the run's own is a real target (PATCH carries If-Match; only admins
    // change or delete it); actions with unknown types, values of the wrong shape, or placeholders
    // that are none are refused. Applying it is a ticket command; dryRun is true or false.
    List<Field> macroFields =
        List.of(
            str("title", 120, q("Hostile macro"), q("", "   ", "x".repeat(121))),
            new Field(
                "actions",
                Kind.LIST,
                10,
                List.of("[{\"type\":\"addTags\",\"value\":[\"hostile\"]}]"),
                List.of(
                    "[]",
                    "[null]",
                    "[{\"type\":\"teleport\",\"value\":1}]",
                    "[{\"type\":\"status\",\"value\":\"SLEEPING\"}]",
                    "[{\"type\":\"status\",\"value\":[\"OPEN\"]}]",
                    "[{\"type\":\"reply\",\"value\":\"{{inject:bean}}\"}]",
                    "[{\"type\":\"field\",\"value\":\"x\"}]",
                    "[{\"type\":\"group\",\"value\":\"' OR 1=1 --\"}]",
                    "[{\"type\":\"addTags\",\"value\":{\"a\":1}}]")),
            new Field("shared", Kind.BOOL, 5, List.of("false"), List.of("\"yes\"")));
    all.add(
        endpoint(
            "POST /macros", "POST", "/api/v1/macros", Access.SIGNED_IN, Body.JSON, macroFields));
    all.add(read("GET /macros", "/api/v1/macros", Access.SIGNED_IN, List.of()));
    all.add(read("GET /macros/{id}", "/api/v1/macros/{macro}", Access.SIGNED_IN, List.of()));
    all.add(
        withIfMatch(
            "PATCH /macros/{id}", "PATCH", "/api/v1/macros/{macro}", Body.PATCH, macroFields));
    all.add(
        endpoint(
            "DELETE /macros/{id}",
            "DELETE",
            "/api/v1/macros/{macro}",
            Access.ADMIN,
            Body.NONE,
            List.of()));
    all.add(
        new Endpoint(
            "POST /tickets/{id}/macros/{macroId}",
            "POST",
            "/api/v1/tickets/{ticket}/macros/{macro}",
            Access.SIGNED_IN,
            Body.NONE,
            List.of(),
            List.of(new Param("dryRun", List.of("true", "false"), List.of("yes", "1", "TRUE "))),
            true,
            false));
    // Custom ticket fields: a field of the run's own is a real target (PATCH carries If-Match).
    // No hostile body makes a field required: that would refuse other tests' tickets.
    Field fieldLabel = str("label", 100, q("Hostile field"), q("", "   ", "x".repeat(101)));
    Field fieldOptions =
        new Field(
            "options",
            Kind.LIST,
            101,
            List.of("[\"a\",\"b\"]"),
            List.of("[\"a\",\"a\"]", "[\"\"]", "[]"));
    Field fieldFlag =
        new Field("visibleToCustomers", Kind.BOOL, 5, List.of("true", "false"), List.of());
    all.add(
        endpoint(
            "POST /ticket-fields",
            "POST",
            "/api/v1/ticket-fields",
            Access.ADMIN,
            Body.JSON,
            List.of(
                str(
                    "key",
                    40,
                    q("hostile_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)),
                    q("Bad-Key", "", "9starts_with_digit", "x".repeat(41), "' OR 1=1 --")),
                fieldLabel,
                new Field("type", Kind.ENUM, 12, q("TEXT", "INTEGER"), q("COLOUR", "text", "")),
                fieldOptions,
                fieldFlag)));
    all.add(
        read(
            "GET /ticket-fields",
            "/api/v1/ticket-fields",
            Access.SIGNED_IN,
            List.of(new Param("all", List.of("true", "false"), BAD_BOOLEANS))));
    all.add(
        read(
            "GET /ticket-fields/{id}",
            "/api/v1/ticket-fields/{ticketField}",
            Access.SIGNED_IN,
            List.of()));
    all.add(
        withIfMatch(
            "PATCH /ticket-fields/{id}",
            "PATCH",
            "/api/v1/ticket-fields/{ticketField}",
            Body.PATCH,
            List.of(fieldLabel, fieldFlag, active)));
    // Groups: a group of the run's own is a real target (PATCH and DELETE carry If-Match).
    List<Field> groupFields =
        List.of(
            str("name", 60, q("Hostile group"), q("", "   ", "x".repeat(61))),
            new Field(
                "memberIds",
                Kind.LIST,
                500,
                List.of("[]", "[\"" + t.userIds().get(Role.AGENT) + "\"]"),
                List.of(
                    "[\"not-a-uuid\"]",
                    "[\"" + t.userIds().get(Role.CUSTOMER) + "\"]",
                    "[\"" + UUID.randomUUID() + "\"]")));
    all.add(
        endpoint("POST /groups", "POST", "/api/v1/groups", Access.ADMIN, Body.JSON, groupFields));
    all.add(read("GET /groups", "/api/v1/groups", Access.SIGNED_IN, List.of()));
    all.add(read("GET /groups/{id}", "/api/v1/groups/{group}", Access.SIGNED_IN, List.of()));
    all.add(
        withIfMatch(
            "PATCH /groups/{id}", "PATCH", "/api/v1/groups/{group}", Body.PATCH, groupFields));
    all.add(
        withIfMatch(
            "DELETE /groups/{id}", "DELETE", "/api/v1/groups/{group}", Body.NONE, List.of()));
    // SLA policies: the default one is a real target (PUT and DELETE carry If-Match).
    String clocks = "{\"firstResponse\":\"PT1H\",\"resolution\":\"PT8H\",\"nextReply\":\"PT2H\"}";
    String allTargets =
        "{\"CRITICAL\":"
            + clocks
            + ",\"HIGH\":"
            + clocks
            + ",\"MEDIUM\":"
            + clocks
            + ",\"LOW\":"
            + clocks
            + "}";
    List<Field> policy =
        List.of(
            str("name", 100, q("Hostile policy"), q("", "   ", MISSING)),
            new Field(
                "calendarId",
                Kind.ID,
                36,
                q(Calendars.TWENTY_FOUR_SEVEN.toString()),
                q("not-a-uuid", UUID.randomUUID().toString(), "", MISSING)),
            new Field(
                "warningShare", Kind.ENUM, 10, List.of("0.8", "1"), List.of("0", "1.5", "-0.1")),
            new Field("position", Kind.ENUM, 10, List.of("1", "7"), List.of("0", "-1")),
            new Field(
                "conditions",
                Kind.OBJECT,
                4,
                List.of("{}"),
                List.of(
                    "{\"priorities\":[\"URGENT\"]}",
                    "{\"requesterIds\":[\"nobody\"]}",
                    "{\"tags\":[\"\"]}")),
            new Field(
                "targets",
                Kind.OBJECT,
                4,
                List.of(allTargets),
                List.of(
                    MISSING,
                    "{}",
                    allTargets.replace("PT8H", "PT0S"),
                    allTargets.replace("PT2H", "tomorrow"),
                    allTargets.replace("PT1H", "P400D"))));
    all.add(
        endpoint(
            "POST /sla-policies", "POST", "/api/v1/sla-policies", Access.ADMIN, Body.JSON, policy));
    all.add(
        read(
            "GET /sla-policies", "/api/v1/sla-policies", Access.SIGNED_IN, List.of(limit, cursor)));
    all.add(
        read(
            "GET /sla-policies/{id}",
            "/api/v1/sla-policies/{policy}",
            Access.SIGNED_IN,
            List.of()));
    all.add(
        withIfMatch(
            "PUT /sla-policies/{id}", "PUT", "/api/v1/sla-policies/{policy}", Body.JSON, policy));
    all.add(
        withIfMatch(
            "DELETE /sla-policies/{id}",
            "DELETE",
            "/api/v1/sla-policies/{policy}",
            Body.NONE,
            List.of()));
    all.add(
        endpoint(
            "POST /sla-policies/reapply",
            "POST",
            "/api/v1/sla-policies/reapply",
            Access.ADMIN,
            Body.NONE,
            List.of()));
    // Runtime settings: admins only, If-Match on their version; every refused value is refused
    // whatever the other fields hold.
    List<String> badDurations = q("tomorrow", "PT0S", "PT59S", "P366D", "-PT1H", "P1M", "");
    all.add(
        withIfMatch(
            "PATCH /settings",
            "PATCH",
            "/api/v1/settings",
            Body.PATCH,
            List.of(
                new Field("defaultPriority", Kind.ENUM, 10, q("MEDIUM"), q("URGENT", "high")),
                new Field(
                    "customerPriorities",
                    Kind.LIST,
                    16,
                    List.of("[\"LOW\",\"MEDIUM\"]", "[\"CRITICAL\",\"MEDIUM\",\"LOW\"]"),
                    List.of("[]", "[\"URGENT\"]", "[null]")),
                new Field(
                    "requesterMayAcceptResolution",
                    Kind.BOOL,
                    5,
                    List.of("true", "false"),
                    List.of()),
                str("autoEscalateAfter", 40, q("PT24H", "PT2H"), badDurations),
                str("autoCloseAfter", 40, q("P7D", "PT168H"), badDurations))));
    all.add(read("GET /settings", "/api/v1/settings", Access.ADMIN, List.of()));
    // The people of a ticket (ADR 24): a CC by account or by e-mail, a follower by account.
    all.add(
        ticketCommand(
            "POST /tickets/{id}/ccs",
            "POST",
            "/api/v1/tickets/{ticket}/ccs",
            Body.JSON,
            List.of(
                new Field(
                    "userId",
                    Kind.ID,
                    36,
                    q(t.userIds().get(Role.CUSTOMER)),
                    q("not-a-uuid", UUID.randomUUID().toString(), t.userIds().get(Role.AGENT))),
                str(
                    "email",
                    254,
                    q("cc-" + UUID.randomUUID() + "@example.com"),
                    q("not-an-email", "a@", "@b")),
                // Read only for an e-mail without an account: refusing it alone refuses nothing.
                str("displayName", 100, q("Copied Customer"), List.of()))));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/ccs/{userId}",
            "DELETE",
            "/api/v1/tickets/{ticket}/ccs/{user}",
            Body.NONE,
            List.of()));
    all.add(
        ticketCommand(
            "POST /tickets/{id}/followers",
            "POST",
            "/api/v1/tickets/{ticket}/followers",
            Body.JSON,
            List.of(
                new Field(
                    "userId",
                    Kind.ID,
                    36,
                    q(t.userIds().get(Role.AGENT)),
                    q("not-a-uuid", MISSING, t.userIds().get(Role.CUSTOMER))))));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/followers/{userId}",
            "DELETE",
            "/api/v1/tickets/{ticket}/followers/{user}",
            Body.NONE,
            List.of()));
    // Links between tickets (ADR 25).
    all.add(
        ticketCommand(
            "POST /tickets/{id}/links",
            "POST",
            "/api/v1/tickets/{ticket}/links",
            Body.JSON,
            List.of(
                // The run has one ticket: linking it to itself is refused too (422 ticketId).
                str("ticketId", 40, q(t.ticketNumber()), q("", MISSING, "TCK-2026-999999999")),
                new Field(
                    "type",
                    Kind.ENUM,
                    20,
                    q("RELATED", "CAUSED_BY"),
                    q("DUPLICATED_BY", "related", "LINKED", MISSING)))));
    all.add(
        read(
            "GET /tickets/{id}/links",
            "/api/v1/tickets/{ticket}/links",
            Access.SIGNED_IN,
            List.of()));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/links/{linkId}",
            "DELETE",
            "/api/v1/tickets/{ticket}/links/{link}",
            Body.NONE,
            List.of()));
    // Snoozing (ADR 30): an instant after now, at most a year ahead.
    all.add(
        ticketCommand(
            "POST /tickets/{id}/snooze",
            "POST",
            "/api/v1/tickets/{ticket}/snooze",
            Body.JSON,
            List.of(
                str(
                    "until",
                    40,
                    q(java.time.Instant.now().plus(java.time.Duration.ofDays(30)).toString()),
                    q(
                        "",
                        MISSING,
                        "tomorrow",
                        "2000-01-01T00:00:00Z",
                        "2999-01-01T00:00:00Z",
                        "2030-13-01T00:00:00Z")))));
    all.add(
        ticketCommand(
            "DELETE /tickets/{id}/snooze",
            "DELETE",
            "/api/v1/tickets/{ticket}/snooze",
            Body.NONE,
            List.of()));
    // Merging (ADR 30). The run has one ticket: merging it into itself is refused (409), so no
    // value closes it.
    all.add(
        ticketCommand(
            "POST /tickets/{id}/merge",
            "POST",
            "/api/v1/tickets/{ticket}/merge",
            Body.JSON,
            List.of(
                str(
                    "targetId",
                    40,
                    q(t.ticketNumber()),
                    q("", MISSING, "TCK-2026-999999999", "not-a-ticket")))));
    // Splitting a comment into a ticket (ADR 30): the run's comment splits once, then 409.
    all.add(
        ticketCommand(
            "POST /tickets/{id}/comments/{commentId}/split",
            "POST",
            "/api/v1/tickets/{ticket}/comments/{comment}/split",
            Body.NONE,
            List.of()));
    // The original e-mails of a ticket (ADR 0026): staff read them.
    all.add(
        read(
            "GET /tickets/{id}/inbound-mails",
            "/api/v1/tickets/{ticket}/inbound-mails",
            Access.SIGNED_IN,
            List.of()));
    // Attachments (ADR 0029): an upload is a raw body; every one in the run is refused (its type,
    // bytes or name, credentials or Idempotency-Key), so no file is left behind. No file is made
    // for the run: downloads ask for fresh ids (404).
    all.add(
        endpoint(
            "POST /uploads", "POST", "/api/v1/uploads", Access.SIGNED_IN, Body.RAW, List.of()));
    all.add(
        read(
            "GET /attachments/{id}",
            "/api/v1/attachments/{attachment}",
            Access.SIGNED_IN,
            List.of()));
    all.add(
        read(
            "GET /tickets/{id}/attachments",
            "/api/v1/tickets/{ticket}/attachments",
            Access.SIGNED_IN,
            List.of()));
    return List.copyOf(all);
  }

  private static Endpoint endpoint(
      String label, String method, String path, Access access, Body body, List<Field> fields) {
    return new Endpoint(label, method, path, access, body, fields, List.of(), false, false);
  }

  private static Endpoint ticketCommand(
      String label, String method, String path, Body body, List<Field> fields) {
    return new Endpoint(
        label, method, path, Access.SIGNED_IN, body, fields, List.of(), true, false);
  }

  /** An admin's command that takes If-Match (garbage or stale ones break it, as on tickets). */
  private static Endpoint withIfMatch(
      String label, String method, String path, Body body, List<Field> fields) {
    return new Endpoint(label, method, path, Access.ADMIN, body, fields, List.of(), true, false);
  }

  private static Endpoint read(String label, String path, Access access, List<Param> params) {
    return new Endpoint(label, "GET", path, access, Body.NONE, List.of(), params, false, false);
  }

  private static Endpoint stream(String label, String path) {
    return new Endpoint(
        label,
        "GET",
        path,
        Access.SIGNED_IN,
        Body.NONE,
        List.of(),
        List.of(new Param("lastEventId", List.of(), List.of())),
        false,
        true);
  }

  // ------------------------------------------------------------------------------ generation

  /** The request number {@code index}, made from its own random source. */
  Probe probe(int index, Random r) {
    int pick = r.nextInt(100);
    if (pick < 4) {
      return wrongMethod(index, r);
    }
    if (pick < 7) {
      return unknownPath(index, r);
    }
    Endpoint e = endpoints.get(r.nextInt(endpoints.size()));
    return e.mutating() ? command(index, e, r) : query(index, e, r);
  }

  /** The breakers that can make a request to {@code e} fail. */
  static Set<Breaker> breakers(Endpoint e) {
    Set<Breaker> out = EnumSet.noneOf(Breaker.class);
    if (e.body() == Body.RAW) {
      // A file, not JSON: a refused type, first bytes or name is what breaks it.
      out.add(Breaker.REFUSED_FIELD);
    } else if (e.body() != Body.NONE) {
      out.addAll(
          List.of(
              Breaker.UNKNOWN_FIELD,
              Breaker.NOT_JSON,
              Breaker.TRUNCATED_JSON,
              Breaker.DEEP_NESTING,
              Breaker.OVERSIZE_BODY));
    }
    if (e.body() == Body.JSON || e.body() == Body.PATCH) {
      out.add(Breaker.WRONG_CONTENT_TYPE);
    }
    if (e.body() == Body.JSON) {
      out.add(Breaker.MISSING_BODY);
    }
    if (e.ticketCommand()) {
      out.add(Breaker.GARBAGE_IF_MATCH);
      out.add(Breaker.STALE_IF_MATCH);
    }
    if (e.mutating() && !READS_BY_POST.contains(e.label())) {
      out.add(Breaker.BAD_IDEMPOTENCY_KEY);
    }
    if (e.access() != Access.PUBLIC) {
      out.add(Breaker.BAD_CREDENTIALS);
    }
    if (e.hasTarget()) {
      out.add(Breaker.MISSING_TARGET);
    }
    if (e.access() == Access.ADMIN) {
      out.add(Breaker.FORBIDDEN_ROLE);
    }
    if (e.fields().stream().anyMatch(f -> !f.refused().isEmpty())) {
      out.add(Breaker.REFUSED_FIELD);
    }
    if (e.stream()) {
      out.add(Breaker.BAD_LAST_EVENT_ID);
    }
    return out;
  }

  private Probe command(int index, Endpoint e, Random r) {
    List<Breaker> possible = new ArrayList<>(breakers(e));
    Set<Breaker> chosen = new LinkedHashSet<>();
    chosen.add(possible.get(r.nextInt(possible.size())));
    if (r.nextInt(4) == 0) {
      chosen.add(possible.get(r.nextInt(possible.size())));
    }
    return build(index, e, r, chosen);
  }

  private Probe query(int index, Endpoint e, Random r) {
    Set<Breaker> chosen = new LinkedHashSet<>();
    if (e.stream()) {
      // A stream that opened would never end: a stream request always carries a breaker.
      List<Breaker> possible = new ArrayList<>(breakers(e));
      possible.add(Breaker.BAD_LAST_EVENT_ID);
      chosen.add(possible.get(r.nextInt(possible.size())));
    } else {
      // With parameters, some are always bad; without, a breaker is what is malformed.
      List<Breaker> possible = new ArrayList<>(breakers(e));
      if (!possible.isEmpty() && (e.params().isEmpty() || r.nextInt(4) == 0)) {
        chosen.add(possible.get(r.nextInt(possible.size())));
      }
    }
    return build(index, e, r, chosen);
  }

  private Probe build(int index, Endpoint e, Random r, Set<Breaker> breakers) {
    List<String> defects = new ArrayList<>();
    breakers.forEach(b -> defects.add(b.name()));
    List<String[]> headers = new ArrayList<>();

    // Who calls.
    Role role;
    if (breakers.contains(Breaker.FORBIDDEN_ROLE)) {
      role = r.nextBoolean() ? Role.CUSTOMER : Role.AGENT;
    } else {
      role = Role.values()[r.nextInt(Role.values().length)];
    }
    if (breakers.contains(Breaker.BAD_CREDENTIALS)) {
      String auth = badAuthorization(r, role);
      if (auth != null) {
        headers.add(new String[] {"Authorization", auth});
      }
      defects.add("as " + (auth == null ? "anonymous" : "garbage credentials"));
    } else {
      if (role != Role.ANONYMOUS) {
        headers.add(new String[] {"Authorization", "Bearer " + targets.tokens().get(role)});
      }
      defects.add("as " + role.name().toLowerCase());
    }

    // Where.
    String path = fill(e.path(), r, breakers.contains(Breaker.MISSING_TARGET), defects);
    String query = e.params().isEmpty() && !e.stream() ? "" : queryString(e, r, defects);
    if (r.nextInt(8) == 0) {
      query = join(query, junkParams(r));
      defects.add("junk params");
    }
    if (e.stream()
        && breakers.contains(Breaker.BAD_LAST_EVENT_ID)
        && !query.contains("lastEventId")
        && r.nextBoolean()) {
      query = join(query, "lastEventId=" + enc(badLastEventId(r)));
    } else if (e.stream() && breakers.contains(Breaker.BAD_LAST_EVENT_ID)) {
      headers.add(new String[] {"Last-Event-ID", headerSafe(badLastEventId(r))});
    }

    // The body.
    byte[] body;
    if (e.body() == Body.RAW) {
      RawFile file = rawFile(r, breakers.contains(Breaker.REFUSED_FIELD), defects);
      body = file.bytes();
      query = join(query, file.query());
      if (file.contentType() != null) {
        headers.add(new String[] {"Content-Type", file.contentType()});
      }
    } else {
      body = body(e, r, breakers, defects);
    }
    // Bodies over the limit declare their length: a chunked one is cut off by the HTTP layer with a
    // bare 413 that no application code can shape (see HostileInputIT).
    boolean chunked =
        body != null && !breakers.contains(Breaker.OVERSIZE_BODY) && r.nextInt(10) == 0;

    // Content-Type.
    if (e.body() == Body.RAW) {
      // Chosen with the file.
    } else if (breakers.contains(Breaker.WRONG_CONTENT_TYPE)) {
      headers.add(new String[] {"Content-Type", pick(r, WRONG_CONTENT_TYPES)});
    } else if (body != null || r.nextInt(4) == 0) {
      int c = r.nextInt(10);
      if (c < 7) {
        headers.add(new String[] {"Content-Type", "application/json"});
      } else if (c < 9) {
        headers.add(new String[] {"Content-Type", pick(r, ODD_CONTENT_TYPES)});
        defects.add("odd content type");
      } else {
        defects.add("no content type");
      }
    }

    // If-Match.
    if (breakers.contains(Breaker.GARBAGE_IF_MATCH)) {
      headers.add(new String[] {"If-Match", garbageIfMatch(r)});
    } else if (breakers.contains(Breaker.STALE_IF_MATCH)) {
      headers.add(new String[] {"If-Match", staleIfMatch(r)});
    } else if (r.nextInt(6) == 0) {
      headers.add(new String[] {"If-Match", r.nextBoolean() ? "*" : garbageIfMatch(r)});
      defects.add("odd If-Match");
    }

    // Idempotency-Key.
    if (breakers.contains(Breaker.BAD_IDEMPOTENCY_KEY)) {
      headers.add(
          new String[] {
            r.nextInt(4) == 0 ? "X-Idempotency-Key" : "Idempotency-Key", badIdempotencyKey(r)
          });
    } else if (r.nextInt(5) == 0) {
      headers.add(new String[] {"Idempotency-Key", "hostile-" + UUID.randomUUID()});
      defects.add("fresh Idempotency-Key");
    }

    // Other headers.
    if (e.stream()) {
      headers.add(
          new String[] {"Accept", r.nextInt(5) == 0 ? pick(r, ODD_ACCEPTS) : "text/event-stream"});
    } else if (r.nextInt(12) == 0) {
      headers.add(new String[] {"Accept", pick(r, ODD_ACCEPTS)});
      defects.add("odd Accept");
    }
    if (r.nextInt(10) == 0) {
      headers.add(new String[] {"X-Request-Id", headerSafe(pick(r, ODD_REQUEST_IDS))});
      defects.add("odd X-Request-Id");
    }
    if (r.nextInt(15) == 0) {
      headers.add(new String[] {"X-Forwarded-For", pick(r, ODD_FORWARDED)});
      defects.add("odd X-Forwarded-For");
    }
    if (!e.stream() && r.nextInt(20) == 0) {
      headers.add(new String[] {"Last-Event-ID", headerSafe(badLastEventId(r))});
    }

    String target = path + (query.isEmpty() ? "" : "?" + query);
    boolean raw = r.nextInt(100) < 6 || breakers.contains(Breaker.OVERSIZE_BODY);
    if (raw && r.nextInt(3) == 0) {
      target = rawTarget(target, r, defects);
    }
    if (raw && r.nextInt(6) == 0) {
      // The same header twice, with the same value: which copy counts must not matter.
      String[] twice = headers.isEmpty() ? null : headers.get(r.nextInt(headers.size()));
      if (twice != null) {
        headers.add(twice.clone());
        defects.add("repeated " + twice[0]);
      }
    }
    for (String[] h : headers) {
      // The JDK client writes such characters as '?': only a socket sends the bytes themselves.
      if (!h[1].chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        raw = true;
      }
    }
    target = cut(target, MAX_TARGET);
    return new Probe(index, e.label(), e.method(), target, headers, body, raw, chunked, defects);
  }

  // ------------------------------------------------------------------------------ bodies

  /** An upload: its bytes, its Content-Type (null: none sent) and its filename parameter. */
  record RawFile(byte[] bytes, String contentType, String query) {}

  /** Types the upload refuses whatever the bytes (not on the default allow-list, or no type). */
  static final List<String> REFUSED_FILE_TYPES =
      List.of(
          "application/octet-stream",
          "application/x-msdownload",
          "application/x-sh",
          "text/html",
          "image/svg+xml",
          "application/xml",
          "multipart/form-data; boundary=boundary",
          "application/x-www-form-urlencoded",
          "garbage",
          "*/*",
          "image/*",
          "",
          "image/png/evil",
          "image/pngx; charset=utf-8");

  /** File names the upload refuses. */
  static final List<String> REFUSED_FILE_NAMES =
      List.of(
          "",
          "   ",
          "../../etc/passwd",
          "a/b.png",
          "c:\\evil.png",
          "x".repeat(256),
          "..",
          "a\u0000.png");

  /**
   * An upload; {@code refused}: broken for sure by its type, its first bytes or its name (else
   * anything, and something else breaks the request).
   */
  private RawFile rawFile(Random r, boolean refused, List<String> defects) {
    String type = pick(r, List.of("image/png", "image/jpeg", "application/pdf", "text/plain"));
    String name =
        pick(r, List.of("shot.png", "a.jpg", "doc.pdf", "log.txt", "r\u00e9sum\u00e9.pdf"));
    byte[] bytes = randomBytes(r, r.nextInt(4) == 0 ? 300_000 : r.nextInt(2000));
    String query = "filename=" + enc(name);
    if (refused) {
      int how = r.nextInt(4);
      if (how == 0) {
        type = pick(r, REFUSED_FILE_TYPES);
        defects.add("refused type " + type);
        if (type.isEmpty()) {
          type = null;
        }
      } else if (how == 1) {
        // The first bytes of a program, under an allowed type.
        byte[][] programs = {
          {0x7F, 'E', 'L', 'F', 2, 1, 1, 0},
          {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0},
          {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},
          {'#', '!', '/', 'b', 'i', 'n', '/', 's', 'h', '\n'}
        };
        byte[] head = programs[r.nextInt(programs.length)];
        bytes = concat(head, bytes);
        defects.add("program bytes as " + type);
      } else if (how == 2) {
        // Bytes that are not what the type says (binary types need their signature; text none
        // of those, and no NUL).
        byte[] head =
            type.equals("text/plain")
                ? new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '7'}
                : new byte[] {'n', 'o', 't', ' ', 'i', 't'};
        bytes = concat(head, bytes);
        defects.add("bytes that are not " + type);
      } else {
        String bad = pick(r, REFUSED_FILE_NAMES);
        query = r.nextInt(5) == 0 ? "" : "filename=" + enc(bad);
        defects.add("refused filename");
      }
    } else {
      if (type.equals("image/png")) {
        bytes = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, bytes);
      }
    }
    return new RawFile(bytes, type, query);
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] out = new byte[n];
    r.nextBytes(out);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private byte[] body(Endpoint e, Random r, Set<Breaker> breakers, List<String> defects) {
    if (e.body() == Body.NONE) {
      if (r.nextInt(8) == 0) {
        defects.add("unexpected body");
        return utf8(object(e, r, defects, false));
      }
      return null;
    }
    if (breakers.contains(Breaker.MISSING_BODY)) {
      return utf8(pick(r, List.of("", "null", "   ", "\n")));
    }
    if (breakers.contains(Breaker.OVERSIZE_BODY)) {
      return oversize(e, r);
    }
    if (breakers.contains(Breaker.DEEP_NESTING)) {
      return utf8(deep(e, r));
    }
    if (breakers.contains(Breaker.NOT_JSON)) {
      return notJson(r);
    }
    boolean refuse = breakers.contains(Breaker.REFUSED_FIELD);
    String object;
    if (!refuse && !breakers.contains(Breaker.UNKNOWN_FIELD) && r.nextInt(8) == 0) {
      object = pick(r, ROOTS);
      defects.add("odd root");
    } else {
      object = object(e, r, defects, refuse);
    }
    if (breakers.contains(Breaker.UNKNOWN_FIELD)) {
      object = withUnknownFields(object, e, r);
    }
    if (e.body() == Body.REASON && !breakers.contains(Breaker.UNKNOWN_FIELD) && !refuse) {
      if (r.nextInt(5) == 0) {
        object = "";
      }
    }
    if (breakers.contains(Breaker.TRUNCATED_JSON)) {
      byte[] whole = utf8(object.isEmpty() || !object.startsWith("{") ? "{\"a\":1}" : object);
      int cut = 1 + r.nextInt(Math.max(1, whole.length - 2));
      byte[] part = new byte[cut];
      System.arraycopy(whole, 0, part, 0, cut);
      return part;
    }
    return utf8(object);
  }

  /** A JSON object of the endpoint's fields, each fine or spoiled; {@code refuse}: one refused. */
  private String object(Endpoint e, Random r, List<String> defects, boolean refuse) {
    List<Field> fields =
        e.fields().isEmpty() ? List.of(str("reason", 1000, q("x"), List.of())) : e.fields();
    Field refused = null;
    if (refuse) {
      List<Field> refusable = fields.stream().filter(f -> !f.refused().isEmpty()).toList();
      refused = refusable.get(r.nextInt(refusable.size()));
    }
    StringBuilder out = new StringBuilder("{");
    for (Field f : fields) {
      String value;
      if (f == refused) {
        value = pick(r, f.refused());
        defects.add("refused " + f.name());
      } else {
        value = value(f, r, defects);
      }
      if (value.equals(MISSING)) {
        continue;
      }
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(json(f.name())).append(':').append(value);
      if (r.nextInt(30) == 0 && f != refused) {
        out.append(',').append(json(f.name())).append(':').append(value(f, r, defects));
        defects.add("duplicate " + f.name());
      }
    }
    return out.append('}').toString();
  }

  /** A value for {@code f}: fine about half the time, else wrong in one way. */
  private static String value(Field f, Random r, List<String> defects) {
    int c = r.nextInt(100);
    if (c < 45 && !f.valid().isEmpty()) {
      return pick(r, f.valid());
    }
    String how;
    String value;
    if (c < 55) {
      how = "missing";
      value = MISSING;
    } else if (c < 63) {
      how = "null";
      value = "null";
    } else if (c < 78) {
      how = "wrong type";
      value = wrongType(f.kind(), r);
    } else if (c < 84) {
      how = "huge";
      value = huge(f, r);
    } else if (c < 92) {
      how = "odd unicode";
      value = oddString(r);
    } else {
      how = "injection";
      value = json(pick(r, INJECTIONS));
    }
    if ((f.kind() == Kind.LIST) && (how.equals("odd unicode") || how.equals("injection"))) {
      value = "[" + value + "," + json("ok") + "]";
    }
    defects.add(f.name() + " " + how);
    return value;
  }

  static String wrongType(Kind kind, Random r) {
    List<String> choices = new ArrayList<>(NUMBERS);
    choices.addAll(
        List.of(
            "true",
            "false",
            "[]",
            "[1,2,3]",
            "{}",
            "{\"nested\":{\"deeper\":[1]}}",
            "[[[[\"x\"]]]]"));
    if (kind != Kind.STRING && kind != Kind.ID) {
      choices.addAll(List.of("\"\"", "\"text\"", "\"0\""));
    }
    if (kind == Kind.LIST) {
      choices.addAll(List.of("\"a\"", "[null]", "[{}]", "[[\"a\"]]", "[1e400]"));
    }
    if (kind == Kind.BOOL) {
      choices.addAll(List.of("\"yes\"", "\"on\"", "2", "\"TRUE \""));
    }
    if (kind == Kind.ENUM) {
      choices.addAll(List.of("\"\"", "\"high \"", "\"HIGH\\u0000\"", "99", "-1"));
    }
    return pick(r, choices);
  }

  private static String huge(Field f, Random r) {
    int over = f.max() + 1 + r.nextInt(Math.max(1, Math.min(f.max() * 2, 60_000)));
    String unit = pick(r, List.of("A", "\u00e9", "\uD83D\uDE00", "' OR 1=1 -- ", "<b>"));
    int repeat = Math.max(1, Math.min(over / unit.length() + 1, 60_000));
    String s = unit.repeat(repeat);
    if (f.kind() == Kind.LIST) {
      int n = f.max() + 1 + r.nextInt(200);
      StringBuilder list = new StringBuilder("[");
      for (int i = 0; i < n; i++) {
        list.append(i == 0 ? "" : ",")
            .append(json(i % 7 == 0 ? s.substring(0, Math.min(s.length(), 500)) : "t" + i));
      }
      return list.append(']').toString();
    }
    return json(s);
  }

  /**
   * A JSON string literal with odd Unicode: escaped surrogates and controls, or bytes that are not
   * UTF-8.
   */
  private static String oddString(Random r) {
    if (r.nextInt(4) == 0) {
      return "\"a" + rawBytes(pick(r, BAD_UTF8)) + "b\"";
    }
    return "\"" + pick(r, ODD_UNICODE) + "\"";
  }

  private static final List<String> UNKNOWN_NAMES =
      List.of(
          "id",
          "version",
          "requesterId",
          "isAdmin",
          "__proto__",
          "constructor",
          "",
          "title ",
          " title",
          "TITLE",
          "Title",
          "$where",
          "password_hash",
          "groups",
          "\\u0000",
          "\\ud800",
          "' OR 1=1 --",
          "<script>",
          "a".repeat(2_000),
          "status",
          "role",
          "internal",
          "email",
          "url");

  private static String withUnknownFields(String object, Endpoint e, Random r) {
    Set<String> known = new LinkedHashSet<>();
    e.fields().forEach(f -> known.add(f.name()));
    if (e.fields().isEmpty()) {
      known.add("reason");
    }
    StringBuilder extra = new StringBuilder();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      String name;
      do {
        name = pick(r, UNKNOWN_NAMES);
      } while (known.contains(name));
      String value =
          pick(
              r,
              List.of(
                  "1",
                  "true",
                  "null",
                  "\"x\"",
                  "[]",
                  "{}",
                  json(pick(r, INJECTIONS)),
                  oddString(r)));
      extra.append(extra.isEmpty() ? "" : ",").append('"').append(name).append("\":").append(value);
    }
    if (!object.startsWith("{") || object.equals("{}")) {
      return "{" + extra + "}";
    }
    // Anywhere among the known fields: first, last or in the middle of the object.
    return r.nextBoolean()
        ? "{" + extra + "," + object.substring(1)
        : object.substring(0, object.length() - 1) + "," + extra + "}";
  }

  private static final List<String> ROOTS =
      List.of("[]", "[{}]", "\"text\"", "42", "true", "[[[[[]]]]]", "{}", "[null]", "1e400");

  private byte[] notJson(Random r) {
    List<String> texts =
        List.of(
            "hello",
            "<ticket><title>x</title></ticket>",
            "title=x&description=y",
            "{'title': 'single quotes'}",
            "{title: \"unquoted\"}",
            "{\"title\":\"x\",}",
            "{\"title\":\"x\" \"description\":\"y\"}",
            "/* comment */ {\"title\":\"x\"}",
            "{\"title\":NaN}",
            "{\"title\":01}",
            "{\"title\":\"\\x41\"}",
            "{\"title\":\"\\u12\"}",
            "{\"title\":\"line\nbreak\"}",
            "{\"a\":1}}",
            "{{}}",
            "[",
            "{",
            "\"",
            "}",
            ":",
            ",",
            "\u0000",
            "\u0000{\"title\":\"x\"}",
            "{\"title\" : \"x\"\u0000}",
            "{\"title\":tru}",
            "{\"title\":undefined}",
            "{\"title\":'x'}",
            "{\"title\":\"unterminated}",
            "{\"title\":-}",
            "{\"title\":1.}",
            "{\"title\":.5}",
            "{\"title\":+1}",
            "{\"title\":0x10}",
            "--boundary\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--boundary--");
    int c = r.nextInt(10);
    if (c == 0) {
      // Random bytes.
      byte[] junk = new byte[1 + r.nextInt(2_000)];
      r.nextBytes(junk);
      junk[0] = (byte) '#';
      return junk;
    }
    if (c == 1) {
      return concat(utf8("{\"title\":\""), hex(pick(r, BAD_UTF8)), utf8("\"}"));
    }
    if (c == 2) {
      // UTF-16 with a byte order mark, which a UTF-8 reader cannot read as JSON.
      return "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_16);
    }
    return utf8(pick(r, texts));
  }

  private static String deep(Endpoint e, Random r) {
    int depth = r.nextInt(4) == 0 ? 1_001 + r.nextInt(4_000) : 10_000;
    boolean arrays = r.nextBoolean();
    String open = arrays ? "[" : "{\"a\":";
    String close = arrays ? "]" : "}";
    String nested = open.repeat(depth) + "1" + close.repeat(depth);
    if (r.nextBoolean()) {
      return nested;
    }
    String field =
        e.fields().isEmpty() ? "reason" : e.fields().get(r.nextInt(e.fields().size())).name();
    return "{" + json(field) + ":" + nested + "}";
  }

  private static byte[] oversize(Endpoint e, Random r) {
    int size = BODY_LIMIT + 1 + r.nextInt(BODY_LIMIT);
    String field = e.fields().isEmpty() ? "reason" : e.fields().get(0).name();
    if (r.nextBoolean()) {
      return utf8("{" + json(field) + ":\"" + "A".repeat(size) + "\"}");
    }
    // Valid JSON padded with whitespace: only its size is wrong.
    return utf8("{" + json(field) + ":\"x\"" + " ".repeat(size) + "}");
  }

  // ------------------------------------------------------------------------------ paths and params

  private String fill(String template, Random r, boolean missing, List<String> defects) {
    String path = template;
    boolean first = true;
    while (path.contains("{")) {
      int open = path.indexOf('{');
      int close = path.indexOf('}', open);
      String name = path.substring(open + 1, close);
      String real = real(name, r);
      String value;
      if ((missing && first) || real == null) {
        value = badId(r);
        defects.add(name + " " + (real == null && !(missing && first) ? "unknown" : "missing"));
      } else if (r.nextInt(8) == 0) {
        value = badId(r);
        defects.add(name + " missing");
      } else {
        value = real;
      }
      path = path.substring(0, open) + value + path.substring(close + 1);
      first = false;
    }
    return path;
  }

  private String real(String name, Random r) {
    return switch (name) {
      case "ticket" -> r.nextBoolean() ? targets.ticketId() : targets.ticketNumber();
      case "comment" -> targets.commentId();
      case "tag" -> "hostile";
      case "field" -> "priority";
      case "user" -> targets.userIds().get(r.nextBoolean() ? Role.CUSTOMER : Role.AGENT);
      case "calendar" -> Calendars.TWENTY_FOUR_SEVEN.toString();
      case "policy" -> SlaPolicies.DEFAULT.toString();
      case "category" -> targets.categoryId();
      case "view" -> targets.viewId();
      case "ticketField" -> targets.ticketFieldId();
      case "group" -> targets.groupId();
      // No link is made for the run: a fresh id is answered as a removed link is (404).
      case "link" -> UUID.randomUUID().toString();
      case "canned" -> targets.cannedResponseId();
      case "macro" -> targets.macroId();
      // No file is uploaded for the run: a fresh id is answered as a missing file is (404).
      case "attachment" -> UUID.randomUUID().toString();
      default -> null;
    };
  }

  /** An id that names nothing: a fresh UUID, or something that is no id at all (path-encoded). */
  static String badId(Random r) {
    int c = r.nextInt(10);
    if (c < 3) {
      return UUID.randomUUID().toString();
    }
    if (c < 6) {
      // A bare ".." segment would be resolved away and could name another endpoint (tickets/../
      // events is the live stream): "..%2F" stays one segment, read as "../".
      String id = pick(r, BAD_IDS);
      return id.equals("..") ? "..%2F" : pathEnc(id);
    }
    if (c < 8) {
      return pathEnc(pick(r, INJECTIONS));
    }
    if (c < 9) {
      return pathEnc(
          pick(
              r, List.of("\u0000", "a\u0000b", "\u202e", "\uD83D\uDE00", "\u00e9", "%", "é/../x")));
    }
    return "TCK-2026-" + "9".repeat(6 + r.nextInt(13));
  }

  private String queryString(Endpoint e, Random r, List<String> defects) {
    List<String> parts = new ArrayList<>();
    List<Param> params = e.params();
    if (e.stream()) {
      return "";
    }
    int bad = 1 + r.nextInt(2);
    for (int i = 0; i < bad; i++) {
      Param p = params.get(r.nextInt(params.size()));
      String value = badParam(p, r);
      parts.add(enc(p.name()) + "=" + enc(value));
      defects.add("bad " + p.name());
    }
    int good = r.nextInt(3);
    for (int i = 0; i < good; i++) {
      Param p = params.get(r.nextInt(params.size()));
      if (!p.ok().isEmpty()) {
        parts.add(enc(p.name()) + "=" + enc(pick(r, p.ok())));
      }
    }
    return String.join("&", parts);
  }

  private static String badParam(Param p, Random r) {
    if (p.name().equals("cursor")) {
      return badCursor(r);
    }
    int c = r.nextInt(10);
    if (c < 6 && !p.bad().isEmpty()) {
      return pick(r, p.bad());
    }
    if (c < 7) {
      return pick(r, INJECTIONS);
    }
    if (c < 8) {
      return pick(
          r, List.of("\u0000", "a\u0000b", "\u202e\u200f", "\uD83D\uDE00", "\ufeff", "\u2028"));
    }
    if (c < 9) {
      return pick(r, List.of("x", "' OR 1=1 --", "\uD83D\uDE00")).repeat(50 + r.nextInt(300));
    }
    return pick(r, List.of("", " ", "null", "[]", "{}", "%00", "%%"));
  }

  /** Cursors that are not ours, or ours in form but pointing nowhere sane. */
  static String badCursor(Random r) {
    int c = r.nextInt(10);
    if (c < 2) {
      return pick(
          r,
          List.of(
              "garbage", "!!!", "====", "a", "eyJ9", "%00", "*", "' OR 1=1 --", "x".repeat(600)));
    }
    String uuid = UUID.randomUUID().toString();
    String instant = pick(r, EXTREME_INSTANTS);
    String position =
        pick(
            r,
            List.of(
                "c|" + instant + "|" + uuid,
                "n|" + instant + "|" + uuid,
                "s|" + instant + "|" + uuid,
                "s|infinity|" + uuid,
                "s|-infinity|" + uuid,
                "p|9|" + uuid,
                "p|3|not-a-uuid",
                "r|1e39|" + uuid,
                "r|NaN|" + uuid,
                "r|-3.4e38|" + uuid,
                "r|1e-45|" + uuid,
                "m|" + instant + "|" + uuid,
                "t|999999999999999999|" + uuid,
                "t|-1|" + uuid,
                "n|" + instant + "|" + uuid,
                instant + "|" + uuid,
                instant + "|9223372036854775807",
                instant + "|-9223372036854775808",
                "2026-11-22T10:15:30Z|99999999999999999999",
                "\u0000",
                "a\u0000b",
                "n|2026-11-22T10:15:30Z\u0000|" + uuid,
                "\u0000|\u0000|\u0000",
                "' OR 1=1 --",
                "admin@test.triage' --",
                "\uD83D\uDE00",
                "||",
                "|||||",
                "c||",
                "c|2026-11-22T10:15:30Z|" + uuid + "|extra"));
    byte[] bytes = position.getBytes(StandardCharsets.UTF_8);
    if (r.nextInt(6) == 0) {
      bytes = concat(bytes, hex(pick(r, BAD_UTF8)));
    }
    String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return r.nextInt(8) == 0 ? encoded + "=" : encoded;
  }

  private static String junkParams(Random r) {
    return pick(
        r,
        List.of(
            "unknown=1",
            "limit=1&limit=2",
            "=x",
            "&&&",
            "limit",
            "a[]=1&a[]=2",
            "__proto__[admin]=1",
            enc("' OR 1=1 --") + "=" + enc("' OR 1=1 --"),
            "x=" + enc("\u0000"),
            "sort=title&sort=-createdAt",
            "status=OPEN&status=FOO&status=",
            "q=" + "a".repeat(1_500)));
  }

  /**
   * Odd spellings of the target that are still URIs: escapes of bytes that are not UTF-8, an
   * escaped surrogate, empty and dot segments, matrix parameters. (A target that is no URI at all,
   * such as {@code %zz} or raw bytes over 0x7F, is refused by the HTTP codec before any route with
   * a bare 400 and the connection closed; that is the protocol layer, not the API.)
   */
  private static String rawTarget(String target, Random r, List<String> defects) {
    int c = r.nextInt(7);
    defects.add("odd target");
    int at = target.indexOf('?') < 0 ? target.length() : target.indexOf('?');
    String path = target.substring(0, at);
    String rest = target.substring(at);
    return switch (c) {
      case 0 -> path + "%C0%AF%C0%AE" + rest;
      case 1 -> path + "%ED%A0%80" + rest;
      case 2 -> path + "%FF%FE" + rest;
      case 3 -> path.replace("/api/v1/", "/api//v1/./") + rest;
      case 4 -> path + ";jsessionid=x" + rest;
      case 5 -> path + "%00" + rest;
      default -> path + (rest.isEmpty() ? "?" : rest + "&") + "q=%C0%80&x=%ED%A0%80&y=%FF";
    };
  }

  /** {@code target} cut to {@code max} characters, never inside a percent escape. */
  static String cut(String target, int max) {
    if (target.length() <= max) {
      return target;
    }
    int end = max;
    while (end > 0
        && (target.charAt(end - 1) == '%' || (end >= 2 && target.charAt(end - 2) == '%'))) {
      end--;
    }
    return target.substring(0, end);
  }

  // ------------------------------------------------------------------------------ other callers

  /** Pseudo endpoint: a known address with a method it does not take. */
  private Probe wrongMethod(int index, Random r) {
    Endpoint e = endpoints.get(r.nextInt(endpoints.size()));
    Set<String> taken = new LinkedHashSet<>();
    for (Endpoint other : endpoints) {
      if (other.path().equals(e.path())) {
        taken.add(other.method());
      }
    }
    List<String> methods = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    methods.removeAll(taken);
    String method = pick(r, methods);
    Role role = Role.values()[r.nextInt(Role.values().length)];
    List<String[]> headers = new ArrayList<>();
    if (role != Role.ANONYMOUS) {
      headers.add(new String[] {"Authorization", "Bearer " + targets.tokens().get(role)});
    }
    List<String> defects =
        new ArrayList<>(List.of("method " + method, "as " + role.name().toLowerCase()));
    String path = fill(e.path(), r, false, defects);
    byte[] body = null;
    if (!method.equals("GET") && r.nextBoolean()) {
      headers.add(new String[] {"Content-Type", "application/json"});
      body = utf8(object(e, r, defects, false));
    }
    return new Probe(
        index, "wrong method", method, path, headers, body, r.nextInt(10) == 0, false, defects);
  }

  /** Pseudo endpoint: addresses under the API that name nothing. */
  private Probe unknownPath(int index, Random r) {
    String ticket = targets.ticketId();
    String path =
        pick(
            r,
            List.of(
                "/api/v1/ticketz",
                "/api/v1/tickets/" + ticket + "/nope",
                "/api/v1/tickets/" + ticket + "/comments/" + targets.commentId() + "/x",
                "/api/v1/users/" + targets.userIds().get(Role.CUSTOMER) + "/x",
                "/api/v1/admin",
                "/api/v1/tickets/..%2f..%2f..%2fetc%2fpasswd",
                "/api/v1/%2e%2e/%2e%2e/etc/passwd",
                "/api/v1/tickets/%2e%2e",
                "/api/v1/tickets/" + ticket + "/%00",
                "/api/v1/tickets%00",
                "/api/v1/TICKETS",
                "/api/v1/auth/",
                "/api/v1/auth/login/x",
                "/api/v1/notifications/read-all/x",
                "/api/v1/webhooks/x/deliveries/y",
                "/api/v1/webhooks/x/deliveries/y/redeliver/z",
                "/api/v1/api-tokens/x/y",
                "/api/v1/me/x",
                "/api/v1/" + enc("' OR 1=1 --"),
                "/api/v1/" + "a".repeat(1_000)));
    String method = pick(r, List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    Role role = Role.values()[r.nextInt(Role.values().length)];
    List<String[]> headers = new ArrayList<>();
    if (role != Role.ANONYMOUS) {
      headers.add(new String[] {"Authorization", "Bearer " + targets.tokens().get(role)});
    }
    byte[] body = null;
    if (!method.equals("GET") && r.nextBoolean()) {
      headers.add(new String[] {"Content-Type", "application/json"});
      body = utf8("{\"title\":\"Nowhere\",\"description\":\"x\"}");
    }
    return new Probe(
        index,
        "unknown address",
        method,
        path,
        headers,
        body,
        r.nextInt(10) == 0,
        false,
        List.of("unknown address", "as " + role.name().toLowerCase()));
  }

  // ------------------------------------------------------------------------------ header values

  static final List<String> WRONG_CONTENT_TYPES =
      List.of(
          "text/plain",
          "text/html; charset=utf-8",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=boundary",
          "application/octet-stream",
          "application/jsonx",
          "application/json-patch+json",
          "application/merge-patch+json",
          "image/png",
          "text/json2");

  static final List<String> ODD_CONTENT_TYPES =
      List.of(
          "application/json; charset=utf-16",
          "application/json; charset=latin1",
          "application/json; charset=nonsense",
          "application/json;;;",
          "application/json; boundary=\"",
          "APPLICATION/JSON",
          "application/json ; q=0.1",
          "application/problem+json",
          "*/*",
          "application/*",
          "garbage",
          "/",
          "application/",
          "text/plain",
          "application/json, text/plain");

  static final List<String> ODD_ACCEPTS =
      List.of(
          "text/html",
          "application/xml",
          "image/*",
          "application/problem+json",
          "application/json;q=0",
          "*/*;q=abc",
          "garbage",
          "text/event-stream",
          ",,,",
          "application/json, */*;q=0.1",
          "a/" + "b".repeat(2_000));

  static final List<String> ODD_REQUEST_IDS =
      List.of(
          "",
          "x".repeat(500),
          "' OR 1=1 --",
          "<script>",
          "\u00e9\u00e8",
          "a b c",
          "../../etc",
          "%00");

  static final List<String> ODD_FORWARDED =
      List.of(
          "garbage",
          "999.999.999.999",
          "1.2.3.4, garbage, ::1",
          "::ffff:127.0.0.1",
          "[::1]:80",
          "unknown",
          "' OR 1=1 --",
          ",,,,",
          "1.2.3.4".repeat(300));

  private String badAuthorization(Random r, Role role) {
    if (r.nextInt(10) < 3) {
      return null;
    }
    String real = targets.tokens().get(role == Role.ANONYMOUS ? Role.CUSTOMER : role);
    String[] parts = real.split("\\.");
    String none =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + b64(
                "{\"iss\":\"triage\",\"aud\":\"triage-api\",\"sub\":\""
                    + targets.userIds().get(Role.ADMIN)
                    + "\",\"groups\":[\"ADMIN\"],\"exp\":9999999999}")
            + ".";
    String forged =
        parts.length == 3
            ? parts[0]
                + "."
                + b64(
                    "{\"iss\":\"triage\",\"aud\":\"triage-api\",\"sub\":\""
                        + targets.userIds().get(Role.ADMIN)
                        + "\",\"groups\":[\"ADMIN\"],\"exp\":9999999999}")
                + "."
                + parts[2]
            : real + "x";
    return pick(
        r,
        List.of(
            "Bearer",
            "Bearer ",
            "Bearer x",
            "Bearer " + real + "x",
            "Bearer " + real.substring(0, real.length() - 3),
            "Bearer " + real.substring(0, real.lastIndexOf('.') + 1),
            "Bearer " + none,
            "Bearer " + forged,
            "Bearer a.b.c",
            "Bearer ..",
            "Bearer " + real + real,
            "Bearer null",
            "Bearer undefined",
            "Bearer ' OR 1=1 --",
            "Bearer ../../../etc/passwd",
            "Bearer trg_" + "A".repeat(40),
            "Bearer " + "A".repeat(4_000),
            "Bearer\t" + real,
            "Basic YWRtaW5AdGVzdC50cmlhZ2U6YWRtaW4tdGVzdC1wYXNzd29yZA==",
            "Token " + real,
            real,
            "Bearer \u00e9\u00e8\u00ff",
            "Bearer %00",
            "Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo",
            ""));
  }

  private static String garbageIfMatch(Random r) {
    String value;
    do {
      value =
          pick(
              r,
              List.of(
                  "\"abc\"",
                  "W/\"x\"",
                  "\"1\", \"2\"",
                  "1.5",
                  "-1",
                  "\"99999999999999999999\"",
                  "' OR 1=1 --",
                  "\"\"",
                  "W/",
                  "\"1\"\"",
                  "0x10",
                  "\u00e9",
                  "*, \"1\"",
                  "**",
                  "\"" + "9".repeat(40) + "\"",
                  "null",
                  "\"1e3\"",
                  "W/W/\"1\""));
    } while (IF_MATCH_VERSION.matcher(value).matches());
    return value;
  }

  private static String staleIfMatch(Random r) {
    long version = 1_000 + r.nextInt(1_000_000);
    return pick(r, List.of("\"" + version + "\"", "W/\"" + version + "\"", Long.toString(version)));
  }

  private static String badIdempotencyKey(Random r) {
    int c = r.nextInt(4);
    if (c == 0) {
      return "k".repeat(256 + r.nextInt(3_000));
    }
    if (c == 1) {
      return "key-\u00e9-" + UUID.randomUUID();
    }
    if (c == 2) {
      return "key\twith\ttabs-" + UUID.randomUUID();
    }
    return "x" + "\u00ff".repeat(1 + r.nextInt(20)) + "y";
  }

  static String badLastEventId(Random r) {
    return pick(
        r,
        List.of(
            "abc",
            "1.5",
            "1e3",
            "0x1F",
            "99999999999999999999",
            "--1",
            "1 2",
            "+-1",
            "NaN",
            "'; DROP TABLE outbox; --",
            "../1",
            "1,2",
            "x".repeat(300),
            "\u00e9"));
  }

  /** Header values carry no line breaks or controls: those become visible escapes. */
  private static String headerSafe(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      out.append(c < 0x20 || c == 0x7f || c > 0xff ? "?" : String.valueOf(c));
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------ helpers

  static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  /** A JSON string literal of {@code s}: quotes, backslashes and controls escaped, the rest raw. */
  static String json(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String pathEnc(String s) {
    return enc(s).replace("+", "%20");
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "&" + b;
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(s));
  }

  private static String longPassword() {
    return "a-long-enough-password";
  }

  private static String tooManyTags() {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < 25; i++) {
      out.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
    }
    return out.append(']').toString();
  }

  /** Marks raw bytes inside generated text; {@link #utf8} turns the marks into the bytes. */
  private static String rawBytes(String hex) {
    return "\uE000" + hex + "\uE001";
  }

  /** Latin-1 characters standing for bytes, for targets sent byte by byte. */
  private static String latin1Bytes(String hex) {
    StringBuilder out = new StringBuilder();
    for (byte b : hex(hex)) {
      out.append((char) (b & 0xff));
    }
    return out.toString();
  }

  static byte[] hex(String hex) {
    String h = hex.replace(" ", "");
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  /** UTF-8 of {@code s}, with each raw-byte mark replaced by its bytes. */
  static byte[] utf8(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
    int i = 0;
    while (i < s.length()) {
      int mark = s.indexOf('\uE000', i);
      if (mark < 0) {
        out.writeBytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
        break;
      }
      out.writeBytes(s.substring(i, mark).getBytes(StandardCharsets.UTF_8));
      int end = s.indexOf('\uE001', mark);
      out.writeBytes(hex(s.substring(mark + 1, end)));
      i = end + 1;
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
