package dev.triage.bootstrap.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.triage.adapters.in.mail.ImapPoller;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Relay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail in, end to end against GreenMail serving SMTP and IMAP: a customer's mail to the support
 * mailbox opens a ticket (read over IMAP); an agent's reply reaches the customer threaded; the
 * customer's reply, pushed over HTTP with the inbound secret, lands on the same ticket as a public
 * reply without the quoted history; auto-replies, bounces and Triage's own mail open nothing; the
 * same message twice counts once; malformed messages are accepted and never fail.
 */
@QuarkusTest
@TestProfile(InboundMailIT.WithInbound.class)
class InboundMailIT {

  static final String SECRET = "inbound-test-secret-0123456789";
  static final String SUPPORT = "help@triage.test";

  /** Mail out as in MailIT, and in: an IMAP mailbox on GreenMail, and the inbound secret. */
  public static class WithInbound extends MailIT.WithMail {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new HashMap<>(super.getConfigOverrides());
      config.put("TRIAGE_MAIL_IMAP_HOST", "127.0.0.1");
      config.put("TRIAGE_MAIL_IMAP_PORT", Integer.toString(MailIT.freePort()));
      config.put("TRIAGE_MAIL_IMAP_TLS", "none");
      config.put("TRIAGE_MAIL_IMAP_USER", "help");
      config.put("TRIAGE_MAIL_IMAP_PASSWORD", "help-secret");
      config.put("TRIAGE_MAIL_INBOUND_SECRET", SECRET);
      // The test reads the mailbox itself; the timer stays out of its way.
      config.put("triage.mail.imap.poll", "1h");
      return config;
    }
  }

  private static GreenMail mail;

  @Inject ImapPoller poller;
  @Inject Pool pool;
  @Inject OutboxRelay relay;

  @BeforeAll
  static void startServer() {
    var config = ConfigProvider.getConfig();
    mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(
                  config.getValue("TRIAGE_MAIL_SMTP_PORT", Integer.class),
                  "127.0.0.1",
                  ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(
                  config.getValue("TRIAGE_MAIL_IMAP_PORT", Integer.class),
                  "127.0.0.1",
                  ServerSetup.PROTOCOL_IMAP)
            });
    mail.start();
    mail.setUser(SUPPORT, "help", "help-secret");
  }

  @AfterAll
  static void stopServer() {
    if (mail != null) {
      mail.stop();
    }
  }

  private static Response push(String raw, String secret) {
    return given()
        .header("Authorization", "Bearer " + secret)
        .contentType("message/rfc822")
        .body(raw.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/inbound-mail");
  }

  private static String message(String from, String subject, String extraHeaders, String body) {
    return "From: "
        + from
        + "\r\nTo: "
        + SUPPORT
        + "\r\nSubject: "
        + subject
        + "\r\nMessage-ID: <"
        + UUID.randomUUID()
        + "@customer.test>\r\n"
        + extraHeaders
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
        + body
        + "\r\n";
  }

  @Test
  void a_customers_mail_opens_a_ticket_and_the_conversation_goes_on_by_mail() throws Throwable {
    // GreenMail offers IMAP IDLE: the poller waits in it and reads each mail as it arrives, with
    // the timer's poll an hour away.
    Instant connected = Instant.now().plus(Duration.ofSeconds(30));
    while (!poller.idling() && Instant.now().isBefore(connected)) {
      Thread.sleep(20);
    }
    assertThat(poller.idling()).as("watching the mailbox with IDLE").isTrue();
    String customer = "ada-" + UUID.randomUUID() + "@customer.test";
    GreenMailUtil.sendTextEmail(
        SUPPORT,
        "Ada Lovelace <" + customer + ">",
        "Engine jammed",
        "The engine stopped.",
        mail.getSmtp().getServerSetup());
    Map<String, String> record = awaitOnlyRecordFrom(customer);
    assertThat(record.get("outcome")).isEqualTo("TICKET");
    String ticket = record.get("ticket_id");
    String admin = Api.adminToken();
    Api.as(admin)
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .body("title", org.hamcrest.Matchers.equalTo("Engine jammed"))
        .body("description", org.hamcrest.Matchers.containsString("The engine stopped."));
    // Read once: a second poll finds nothing new.
    assertThat(poller.poll()).isZero();
    // The next mail is reported to the waiting poller too.
    String other = "grace-" + UUID.randomUUID() + "@customer.test";
    GreenMailUtil.sendTextEmail(
        SUPPORT, other, "Compiler smokes", "Again.", mail.getSmtp().getServerSetup());
    assertThat(awaitOnlyRecordFrom(other).get("outcome")).isEqualTo("TICKET");

    // An agent answers over the API; the customer gets it by mail, threaded.
    Api.User agent = Api.newUser("AGENT");
    Api.comment(agent, ticket, "Oil it, please.", false);
    Relay.publishAll(pool, relay);
    MimeMessage answer = awaitMailTo(customer);
    String references = answer.getHeader("References", null);

    // The customer answers that mail; the provider pushes it over HTTP.
    String reply =
        message(
            customer,
            "Re: " + answer.getSubject(),
            "In-Reply-To: "
                + answer.getMessageID()
                + "\r\nReferences: "
                + references
                + " "
                + answer.getMessageID()
                + "\r\n",
            "That did it, thanks!\r\n\r\nOn Mon, 7 Dec 2026, Triage <support@triage.test> wrote:\r\n> Oil it, please.\r\n");
    push(reply, SECRET).then().statusCode(202);
    List<String> bodies =
        Api.as(admin)
            .get("/api/v1/tickets/" + ticket + "/comments")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.body");
    assertThat(bodies).contains("That did it, thanks!");
    assertThat(String.join("\n", bodies)).doesNotContain("> Oil it");

    // The same message again (a provider's retry) adds nothing.
    push(reply, SECRET).then().statusCode(202);
    assertThat(
            Api.as(admin)
                .get("/api/v1/tickets/" + ticket + "/comments")
                .then()
                .extract()
                .jsonPath()
                .getList("items.body"))
        .hasSize(bodies.size());
  }

  @Test
  void auto_replies_bounces_bulk_and_own_mail_open_nothing() throws Throwable {
    String sender = "robot-" + UUID.randomUUID() + "@customer.test";
    push(
            message(sender, "Out of office", "Auto-Submitted: auto-replied\r\n", "Back Monday."),
            SECRET)
        .then()
        .statusCode(202);
    push(message(sender, "News", "Precedence: bulk\r\n", "Buy now."), SECRET)
        .then()
        .statusCode(202);
    push(message(sender, "News", "List-Id: <news.customer.test>\r\n", "Buy now."), SECRET)
        .then()
        .statusCode(202);
    push(message("MAILER-DAEMON@customer.test", "Undeliverable", "", "failed"), SECRET)
        .then()
        .statusCode(202);
    push(message("support@triage.test", "[TCK-1-1] Loop", "", "own mail"), SECRET)
        .then()
        .statusCode(202);
    push(
            "From: "
                + sender
                + "\r\nSubject: Delivery Status Notification\r\nMessage-ID: <"
                + UUID.randomUUID()
                + "@x>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--b--\r\n",
            SECRET)
        .then()
        .statusCode(202);
    for (Map<String, String> r : recordsFrom(sender)) {
      assertThat(r.get("outcome")).as(r.get("reason")).isEqualTo("IGNORED");
      assertThat(r.get("ticket_id")).isNull();
    }
    assertThat(recordsFrom(sender)).hasSize(4);
    assertThat(recordsFrom("support@triage.test"))
        .allSatisfy(r -> assertThat(r.get("outcome")).isEqualTo("IGNORED"));
  }

  @Test
  void only_the_inbound_secret_is_let_in_and_hostile_messages_never_fail() {
    String ok = message("eve-" + UUID.randomUUID() + "@customer.test", "Hello", "", "Hi");
    push(ok, "wrong").then().statusCode(401);
    given()
        .contentType("message/rfc822")
        .body(ok.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/inbound-mail")
        .then()
        .statusCode(401);
    Api.as(Api.adminToken())
        .contentType("message/rfc822")
        .body(ok.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/inbound-mail")
        .then()
        .statusCode(401);

    String hugeHeader = "X-Junk: " + "a".repeat(100_000) + "\r\n";
    List<String> hostile =
        List.of(
            "",
            "not a mail at all",
            "\u0000\u0001\u0002",
            "From: <>\r\n\r\nbody",
            "From: \"unterminated <x@\r\nSubject: =?UTF-8?B?////?=\r\n\r\n",
            "From: a@b.test\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\n",
            "From: a@b.test\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n",
            "From: a@b.test\r\nSubject: =?x-unknown?Q?=FF=FE?=\r\nContent-Type: text/plain; charset=x-klingon\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n",
            "From: a@b.test\r\n" + hugeHeader + "\r\nbody",
            "From: a@b.test\r\nSubject: "
                + "\u202e\ud83d\ude00".repeat(500)
                + "\r\n\r\n"
                + "x".repeat(30_000),
            "From: " + "a".repeat(5_000) + "@b.test\r\n\r\nlong address");
    for (String raw : hostile) {
      int status = push(raw, SECRET).statusCode();
      assertThat(status).as(raw.length() > 80 ? raw.substring(0, 80) : raw).isIn(202, 413);
    }
  }

  @Test
  void staff_read_the_original_mails_of_a_ticket_and_its_customer_cannot() throws Throwable {
    Api.User customer = Api.newUser("CUSTOMER");
    String opening =
        message(
            customer.email(),
            "Boiler leaks",
            "X-Mailer: Old Client 1.0\r\n",
            "Water everywhere.\r\n\r\n-- \r\nAda, from her phone");
    push(opening, SECRET).then().statusCode(202);
    Map<String, String> record = onlyRecordFrom(customer.email());
    assertThat(record.get("outcome")).isEqualTo("TICKET");
    String ticket = record.get("ticket_id");
    String reply =
        message(
            customer.email(),
            "Re: Boiler leaks",
            "In-Reply-To: <ticket." + ticket + "@triage.test>\r\n",
            "Still leaking.\r\n\r\n> Water everywhere.");
    push(reply, SECRET).then().statusCode(202);

    Api.User agent = Api.newUser("AGENT");
    List<Map<String, Object>> mails =
        agent
            .request()
            .get("/api/v1/tickets/" + ticket + "/inbound-mails")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    assertThat(mails).extracting(m -> m.get("outcome")).containsExactly("TICKET", "REPLY");
    assertThat(mails).extracting(m -> m.get("source")).containsOnly("HTTP");
    assertThat(mails.get(0).get("subject")).isEqualTo("Boiler leaks");
    assertThat(((String) mails.get(0).get("sender")).toLowerCase())
        .isEqualTo(customer.email().toLowerCase());
    // The original as sent: every header and what the ticket's text trimmed away.
    assertThat((String) mails.get(0).get("raw"))
        .contains("X-Mailer: Old Client 1.0")
        .contains("Water everywhere.");
    assertThat((String) mails.get(1).get("raw"))
        .contains("In-Reply-To: <ticket." + ticket + "@triage.test>")
        .contains("> Water everywhere.");

    // The ticket's own customer sees the ticket, but not its mails; nor does anyone signed out.
    customer.request().get("/api/v1/tickets/" + ticket).then().statusCode(200);
    customer.request().get("/api/v1/tickets/" + ticket + "/inbound-mails").then().statusCode(404);
    given().get("/api/v1/tickets/" + ticket + "/inbound-mails").then().statusCode(401);
    // A ticket opened over the API has no mails.
    String quiet = Api.newTicket(customer.token());
    agent
        .request()
        .get("/api/v1/tickets/" + quiet + "/inbound-mails")
        .then()
        .statusCode(200)
        .body("size()", org.hamcrest.Matchers.equalTo(0));
  }

  private MimeMessage awaitMailTo(String address) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (MimeMessage m : mail.getReceivedMessages()) {
        for (var to : m.getRecipients(Message.RecipientType.TO)) {
          if (to.toString().equals(address)) {
            return m;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no mail to " + address);
  }

  private Map<String, String> awaitOnlyRecordFrom(String sender) throws Throwable {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      // Recorded first (RECEIVED), then settled with what it became.
      List<Map<String, String>> records = recordsFrom(sender);
      if (!records.isEmpty() && !"RECEIVED".equals(records.getFirst().get("outcome"))) {
        return onlyRecordFrom(sender);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no inbound mail from " + sender + " read");
  }

  private Map<String, String> onlyRecordFrom(String sender) throws Throwable {
    List<Map<String, String>> records = recordsFrom(sender);
    assertThat(records).hasSize(1);
    return records.getFirst();
  }

  private List<Map<String, String>> recordsFrom(String sender) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () ->
            pool.preparedQuery(
                    "select outcome, reason, cast(ticket_id as text) from inbound_mails"
                        + " where lower(sender) = lower($1) order by received_at")
                .execute(Tuple.of(sender))
                .map(
                    rows -> {
                      List<Map<String, String>> out = new ArrayList<>();
                      for (Row r : rows) {
                        Map<String, String> m = new HashMap<>();
                        m.put("outcome", r.getString(0));
                        m.put("reason", r.getString(1));
                        m.put("ticket_id", r.getString(2));
                        out.add(m);
                      }
                      return out;
                    }));
  }
}
