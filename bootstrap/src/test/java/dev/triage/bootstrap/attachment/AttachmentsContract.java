package dev.triage.bootstrap.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.triage.application.port.AttachmentStore;
import dev.triage.bootstrap.AttachmentPurge;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.SseClient;
import dev.triage.bootstrap.sweep.MovableClock;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attachments over HTTP against the real service (issue 19, point 1; ADR 29): upload, attach by
 * token, download as the comment is seen, limits and type checks while the body streams, erasure on
 * redaction and the purge of unattached uploads. Run once per store: each subclass is a test
 * profile that picks one.
 */
abstract class AttachmentsContract {

  static final String PROBLEM = "application/problem+json";
  static final long LIMIT = 20L * 1024 * 1024;
  static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  static final byte[] ELF_HEAD = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

  @Inject MovableClock clock;
  @Inject AttachmentPurge purge;
  @Inject DataSource dataSource;
  @Inject AttachmentStore store;

  Api.User customer;
  Api.User otherCustomer;
  Api.User agent;

  @BeforeEach
  void people() {
    customer = Api.newUser("CUSTOMER");
    otherCustomer = Api.newUser("CUSTOMER");
    agent = Api.newUser("AGENT");
  }

  /** A PNG-looking file of {@code size} bytes: the signature, then random bytes. */
  static byte[] png(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy(PNG_HEAD, 0, bytes, 0, PNG_HEAD.length);
    return bytes;
  }

  static Response upload(Api.User who, String name, String type, byte[] bytes) {
    return who.request()
        .contentType(type)
        .queryParam("filename", name)
        .body(bytes)
        .post("/api/v1/uploads");
  }

  /** Uploads {@code bytes} as a PNG named {@code name}; answers its token. */
  static String token(Api.User who, String name, byte[] bytes) {
    return upload(who, name, "image/png", bytes)
        .then()
        .statusCode(201)
        .body("fileName", equalTo(name))
        .body("size", equalTo(bytes.length))
        .body("contentType", equalTo("image/png"))
        .extract()
        .path("token");
  }

  static Response comment(
      Api.User who, String ticket, String body, boolean internal, String... files) {
    String tokens = String.join("\",\"", files);
    return Api.json(who.token())
        .body(
            "{\"body\":\""
                + body
                + "\",\"internal\":"
                + internal
                + ",\"attachments\":"
                + (files.length == 0 ? "[]" : "[\"" + tokens + "\"]")
                + "}")
        .post("/api/v1/tickets/" + ticket + "/comments");
  }

  static Response download(Api.User who, String id) {
    return who.request().get("/api/v1/attachments/" + id);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void an_upload_is_downloaded_whole_as_a_download_with_its_digest_as_etag() throws Exception {
    byte[] bytes = png(700_000); // three chunks of the default store
    String token = token(customer, "screen shot ü.png", bytes);

    Response got = download(customer, token);
    got.then()
        .statusCode(200)
        .header("Content-Type", "image/png")
        .header("X-Content-Type-Options", "nosniff")
        .header("ETag", "\"" + sha256(bytes) + "\"");
    assertThat(got.header("Content-Disposition"))
        .startsWith("attachment; filename=\"screen shot _.png\"")
        .contains("filename*=UTF-8''screen%20shot%20%C3%BC.png");
    assertThat(got.asByteArray()).isEqualTo(bytes);

    customer
        .request()
        .header("If-None-Match", "\"" + sha256(bytes) + "\"")
        .get("/api/v1/attachments/" + token)
        .then()
        .statusCode(304);

    // Unattached, it is its uploader's alone.
    download(otherCustomer, token).then().statusCode(404).contentType(PROBLEM);
    download(agent, token).then().statusCode(404);
  }

  @Test
  void a_reply_carries_its_files_to_everyone_who_sees_the_ticket() {
    String ticket = Api.newTicket(customer.token());
    byte[] bytes = png(1000);
    String token = token(customer, "printer.png", bytes);

    String id =
        comment(customer, ticket, "See the picture", false, token)
            .then()
            .statusCode(201)
            .body("attachments", hasSize(1))
            .body("attachments[0].id", equalTo(token))
            .body("attachments[0].fileName", equalTo("printer.png"))
            .body("attachments[0].size", equalTo(1000))
            .body("attachments[0].contentType", equalTo("image/png"))
            .extract()
            .path("id");

    agent
        .request()
        .get("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .statusCode(200)
        .body(
            "items.find { it.id == '" + id + "' }.attachments[0].fileName", equalTo("printer.png"));
    agent
        .request()
        .get("/api/v1/tickets/" + ticket + "/attachments")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(token)))
        .body("items[0].commentId", equalTo(id));
    assertThat(download(agent, token).asByteArray()).isEqualTo(bytes);
    download(otherCustomer, token).then().statusCode(404);
    otherCustomer
        .request()
        .get("/api/v1/tickets/" + ticket + "/attachments")
        .then()
        .statusCode(404);
  }

  @Test
  void a_customer_never_reaches_a_file_of_an_internal_note() throws Exception {
    String ticket = Api.newTicket(customer.token());
    String secret = "internal-" + UUID.randomUUID() + ".png";
    String token = token(agent, secret, png(2000));
    try (SseClient live = SseClient.open(url("/api/v1/events"), customer.token(), null)) {
      comment(agent, ticket, "Staff eyes only", true, token)
          .then()
          .statusCode(201)
          .body("internal", equalTo(true))
          .body("attachments[0].id", equalTo(token));
      // A public reply after the note: once it is here, the note would have come before it.
      comment(agent, ticket, "We are on it", false).then().statusCode(201);
      live.next(e -> "CommentAdded".equals(e.name()) && e.data().contains(ticket), SOON);
      assertThat(live.drained())
          .noneMatch(e -> e.data().contains(token) || e.data().contains(secret));
    }

    // By id, in the comment list, on the ticket and in the timeline.
    download(customer, token).then().statusCode(404).contentType(PROBLEM);
    String comments =
        customer
            .request()
            .get("/api/v1/tickets/" + ticket + "/comments")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(comments).doesNotContain(token).doesNotContain(secret);
    customer
        .request()
        .get("/api/v1/tickets/" + ticket + "/attachments")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    String timeline =
        customer
            .request()
            .get("/api/v1/tickets/" + ticket + "/timeline")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(timeline).doesNotContain(token).doesNotContain(secret);
    String ticketBody =
        customer
            .request()
            .get("/api/v1/tickets/" + ticket)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(ticketBody).doesNotContain(token).doesNotContain(secret);

    // Events (the source of timelines, live events and webhook payloads) never name a file.
    assertThat(outboxPayloads(ticket)).noneMatch(p -> p.contains(token) || p.contains(secret));

    // Staff see it everywhere.
    agent
        .request()
        .get("/api/v1/tickets/" + ticket + "/attachments")
        .then()
        .body("items.id", hasItem(token));
    download(agent, token).then().statusCode(200);
  }

  @Test
  void a_new_ticket_holds_the_files_it_names() {
    byte[] bytes = png(5000);
    String token = token(customer, "opening.png", bytes);
    String ticket =
        Api.json(customer.token())
            .body(
                "{\"title\":\"With a picture\",\"description\":\"Attached.\",\"attachments\":[\""
                    + token
                    + "\"]}")
            .post("/api/v1/tickets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    agent
        .request()
        .get("/api/v1/tickets/" + ticket + "/attachments")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(token)))
        .body("items[0].commentId", equalTo(null));
    assertThat(download(agent, token).asByteArray()).isEqualTo(bytes);
  }

  @Test
  void a_token_is_claimed_once_by_its_uploader_only() {
    String ticket = Api.newTicket(customer.token());
    String token = token(customer, "once.png", png(100));
    comment(customer, ticket, "First", false, token).then().statusCode(201);

    comment(customer, ticket, "Again", false, token)
        .then()
        .statusCode(422)
        .contentType(PROBLEM)
        .body("errors.attachments", hasSize(1));
    // Nothing of the refused comment was kept.
    customer
        .request()
        .get("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .body("items.body", not(hasItem("Again")));

    String theirs = token(otherCustomer, "theirs.png", png(100));
    comment(customer, ticket, "Not mine", false, theirs).then().statusCode(422);
    comment(customer, ticket, "Unknown", false, UUID.randomUUID().toString())
        .then()
        .statusCode(422);
    comment(customer, ticket, "Garbage", false, "not-a-token").then().statusCode(422);

    String[] eleven = new String[11];
    for (int i = 0; i < eleven.length; i++) {
      eleven[i] = token(customer, "many-" + i + ".png", png(10));
    }
    comment(customer, ticket, "Too many", false, eleven)
        .then()
        .statusCode(422)
        .body("errors.attachments[0]", equalTo("at most 10 files are allowed"));
  }

  @Test
  void a_file_one_byte_over_the_limit_is_cut_off_while_it_streams() throws Exception {
    // No Content-Length: the body is sent chunked, so only counting it while it streams stops it.
    InputStream body =
        new SequenceInputStream(
            new ByteArrayInputStream(PNG_HEAD), new Zeros(LIMIT + 1 - PNG_HEAD.length));
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/uploads?filename=big.png")))
                .header("Authorization", "Bearer " + customer.token())
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(refused.body()).contains("PAYLOAD_TOO_LARGE").contains("20 MB");

    // Declared too large: refused before a byte is read.
    HttpResponse<String> declared =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/uploads?filename=big.png")))
                .header("Authorization", "Bearer " + customer.token())
                .header("Content-Type", "image/png")
                .POST(
                    HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () ->
                                new SequenceInputStream(
                                    new ByteArrayInputStream(PNG_HEAD),
                                    new Zeros(LIMIT + 1 - PNG_HEAD.length))),
                        LIMIT + 1))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("PAYLOAD_TOO_LARGE");

    // The limit itself is accepted (and over the JSON bodies' 256 KB).
    byte[] exactly = png((int) LIMIT);
    String token = token(customer, "exactly.png", exactly);
    assertThat(download(customer, token).asByteArray()).hasSize((int) LIMIT);
  }

  @Test
  void bytes_of_a_program_are_refused_whatever_the_name_and_type_say() {
    byte[] elf = new byte[4096];
    System.arraycopy(ELF_HEAD, 0, elf, 0, ELF_HEAD.length);
    upload(customer, "holiday.png", "image/png", elf)
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    byte[] pe = new byte[4096];
    pe[0] = 'M';
    pe[1] = 'Z';
    upload(customer, "notes.txt", "text/plain", pe).then().statusCode(415);
    // A picture that says it is something else, or a name of another type.
    upload(customer, "photo.pdf", "application/pdf", png(100)).then().statusCode(415);
    upload(customer, "setup.exe", "image/png", png(100)).then().statusCode(415);
    // A type off the allow-list, or none.
    upload(customer, "tool.bin", "application/octet-stream", new byte[] {1, 2, 3})
        .then()
        .statusCode(415);
    // Text is text.
    upload(customer, "log.txt", "text/plain", "all is well\n".getBytes(StandardCharsets.UTF_8))
        .then()
        .statusCode(201);
    upload(customer, "log.txt", "text/plain", new byte[] {'a', 0, 'b'}).then().statusCode(415);
    // A name is required, without a path.
    upload(customer, "../etc/passwd.png", "image/png", png(100))
        .then()
        .statusCode(422)
        .body("errors.filename", hasSize(1));
    customer
        .request()
        .contentType("image/png")
        .body(png(100))
        .post("/api/v1/uploads")
        .then()
        .statusCode(422);
  }

  @Test
  void redaction_erases_the_bytes_and_keeps_the_fact() {
    String ticket = Api.newTicket(customer.token());
    String token = token(agent, "password.png", png(300_000));
    String comment =
        comment(agent, ticket, "Oops, a password", false, token)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Api.as(Api.adminToken())
        .delete("/api/v1/tickets/" + ticket + "/comments/" + comment)
        .then()
        .statusCode(200)
        .body("attachments[0].fileName", equalTo("password.png"))
        .body("attachments[0].size", equalTo(300_000))
        .body("attachments[0].erased", equalTo(true));

    customer
        .request()
        .get("/api/v1/tickets/" + ticket + "/comments")
        .then()
        .body("items[0].attachments[0].fileName", equalTo("password.png"))
        .body("items[0].attachments[0].erased", equalTo(true));
    download(customer, token).then().statusCode(410).contentType(PROBLEM);
    download(agent, token).then().statusCode(410);
  }

  void merge(String source, String target) {
    Api.json(agent.token())
        .body("{\"targetId\":\"" + target + "\"}")
        .post("/api/v1/tickets/" + source + "/merge")
        .then()
        .statusCode(200);
  }

  static Response redact(String ticket, String comment) {
    return Api.as(Api.adminToken()).delete("/api/v1/tickets/" + ticket + "/comments/" + comment);
  }

  /** The store has nothing left under {@code id}. */
  void assertNoBytesUnder(String id) throws Exception {
    try (InputStream left = store.read(UUID.fromString(id))) {
      assertThat(left.readAllBytes()).isEmpty();
    }
  }

  @Test
  void a_merge_carries_the_files_of_the_comments_it_copies_and_erases_shared_bytes_last()
      throws Exception {
    String source = Api.newTicket(customer.token());
    String target = Api.newTicket(otherCustomer.token());
    byte[] bytes = png(300_000);
    String token = token(customer, "receipt.png", bytes);
    String original =
        comment(customer, source, "The receipt", false, token)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    merge(source, target);

    // The target's requester sees the copied reply with its file, a file of the target's own.
    Response page = otherCustomer.request().get("/api/v1/tickets/" + target + "/comments");
    page.then().statusCode(200);
    String copy = page.path("items.find { it.body == 'The receipt' }.id");
    String copied = page.path("items.find { it.body == 'The receipt' }.attachments[0].id");
    assertThat(copy).isNotNull().isNotEqualTo(original);
    assertThat(copied).isNotNull().isNotEqualTo(token);
    page.then()
        .body(
            "items.find { it.body == 'The receipt' }.attachments[0].fileName",
            equalTo("receipt.png"))
        .body("items.find { it.body == 'The receipt' }.attachments[0].size", equalTo(300_000));
    otherCustomer
        .request()
        .get("/api/v1/tickets/" + target + "/attachments")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(copied)))
        .body("items[0].commentId", equalTo(copy));
    download(otherCustomer, copied)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"" + sha256(bytes) + "\""));
    assertThat(download(otherCustomer, copied).asByteArray()).isEqualTo(bytes);

    // Redacting the copy erases the copy; the original keeps the bytes they shared.
    redact(target, copy)
        .then()
        .statusCode(200)
        .body("attachments[0].id", equalTo(copied))
        .body("attachments[0].erased", equalTo(true));
    download(otherCustomer, copied).then().statusCode(410);
    assertThat(download(customer, token).asByteArray()).isEqualTo(bytes);

    // Redacting the original too: no file holds the bytes any more, and they are gone.
    redact(source, original).then().statusCode(200).body("attachments[0].erased", equalTo(true));
    download(customer, token).then().statusCode(410);
    assertNoBytesUnder(token);
  }

  @Test
  void bytes_shared_with_a_copy_stay_until_the_copy_is_erased_too() throws Exception {
    String source = Api.newTicket(customer.token());
    String target = Api.newTicket(customer.token());
    byte[] bytes = png(2000);
    String token = token(customer, "log.png", bytes);
    String original =
        comment(customer, source, "The log", false, token)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    merge(source, target);
    Response page = customer.request().get("/api/v1/tickets/" + target + "/comments");
    String copy = page.path("items.find { it.body == 'The log' }.id");
    String copied = page.path("items.find { it.body == 'The log' }.attachments[0].id");

    // The original first: the copy keeps the bytes.
    redact(source, original).then().statusCode(200);
    download(customer, token).then().statusCode(410);
    assertThat(download(customer, copied).asByteArray()).isEqualTo(bytes);

    redact(target, copy).then().statusCode(200);
    download(customer, copied).then().statusCode(410);
    assertNoBytesUnder(token);
  }

  @Test
  void an_upload_left_unattached_for_a_day_is_purged() {
    String token = token(customer, "forgotten.png", png(1000));
    String kept = token(customer, "kept.png", png(1000));
    String ticket = Api.newTicket(customer.token());
    comment(customer, ticket, "Keeping one", false, kept).then().statusCode(201);

    clock.advance(Duration.ofHours(25));
    int purged = purgeNow();
    assertThat(purged).isGreaterThanOrEqualTo(1);
    // Every replica may run it: once gone, nothing is left for another run.
    download(customer, token).then().statusCode(404);
    comment(customer, ticket, "Too late", false, token).then().statusCode(422);
    download(customer, kept).then().statusCode(200);
  }

  int purgeNow() {
    try {
      return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> purge.purge());
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  List<String> outboxPayloads(String ticket) throws Exception {
    List<String> payloads = new ArrayList<>();
    try (Connection sql = dataSource.getConnection();
        PreparedStatement s =
            sql.prepareStatement("select payload::text from outbox where aggregate_id = ?")) {
      s.setObject(1, UUID.fromString(ticket));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          payloads.add(r.getString(1));
        }
      }
    }
    assertThat(payloads).isNotEmpty();
    return payloads;
  }

  static final Duration SOON = Duration.ofSeconds(10);

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static String url(String path) {
    return "http://localhost:" + RestAssured.port + path;
  }

  /** {@code n} zero bytes, made as they are read. */
  static final class Zeros extends InputStream {
    private long left;

    Zeros(long n) {
      this.left = n;
    }

    @Override
    public int read() {
      if (left <= 0) {
        return -1;
      }
      left--;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 0);
      left -= n;
      return n;
    }
  }
}
