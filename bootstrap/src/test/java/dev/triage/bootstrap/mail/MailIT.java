package dev.triage.bootstrap.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.triage.adapters.out.relay.OutboxRelay;
import dev.triage.bootstrap.support.Api;
import dev.triage.bootstrap.support.Api.User;
import dev.triage.bootstrap.support.Relay;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E-mail out, end to end: the service speaks SMTP to a GreenMail server started here, on a port of
 * its own, and configured only through the {@code TRIAGE_MAIL_*} names. Outcomes are awaited by
 * reading the mailbox (or the outbox) until a deadline; the test profile retries within fractions
 * of a second and gives up after three attempts.
 */
@QuarkusTest
@TestProfile(MailIT.WithMail.class)
class MailIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final String DOMAIN = "triage.test";

  /** Mail on, pointed at a free local port where the tests start GreenMail. */
  public static class WithMail implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "TRIAGE_MAIL_SMTP_HOST",
          "127.0.0.1",
          "TRIAGE_MAIL_SMTP_PORT",
          Integer.toString(freePort()),
          "TRIAGE_MAIL_SMTP_TLS",
          "none",
          "TRIAGE_MAIL_FROM",
          "support@" + DOMAIN,
          "TRIAGE_MAIL_REPLY_TO",
          "help@" + DOMAIN);
    }
  }

  private static GreenMail smtp;

  @Inject Pool pool;
  @Inject OutboxRelay relay;

  @BeforeAll
  static void startServer() {
    smtp = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopServer() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static int port() {
    return ConfigProvider.getConfig().getValue("TRIAGE_MAIL_SMTP_PORT", Integer.class);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anAgentsReplyReachesTheCustomerThreadedUnderTheTicket() throws Throwable {
    User customer = Api.newUser("CUSTOMER");
    User agent = Api.newUser("AGENT");
    String ticket = Api.newTicket(customer.token(), "Printer on fire", "It smokes.", null);
    String number = number(customer, ticket);

    Api.comment(agent, ticket, "Unplug it, please.", false);
    Relay.publishAll(pool, relay);

    MimeMessage mail = awaitMail(customer.email(), 1).getFirst();
    assertThat(mail.getSubject()).isEqualTo("[" + number + "] New reply: Printer on fire");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("support@" + DOMAIN);
    assertThat(addresses(mail.getReplyTo())).containsExactly("help+" + number + "@" + DOMAIN);
    String root = "<ticket." + ticket + "@" + DOMAIN + ">";
    assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(root);
    assertThat(mail.getHeader("References", null)).isEqualTo(root);
    assertThat(mail.getMessageID())
        .matches("<[0-9a-f-]{36}\\." + customer.id() + "@" + DOMAIN + ">");
    assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(part(mail, "text/plain")).contains("Unplug it, please.").contains(number);
    assertThat(part(mail, "text/html")).contains("Unplug it, please.").contains("Printer on fire");

    // Another event on the ticket answers the same root: one thread in the customer's client.
    Api.move(agent, ticket, "IN_PROGRESS");
    Api.move(agent, ticket, "RESOLVED");
    Relay.publishAll(pool, relay);
    MimeMessage resolved =
        awaitMail(customer.email(), 3).stream()
            .filter(m -> subject(m).contains("Resolved"))
            .findFirst()
            .orElseThrow();
    assertThat(resolved.getSubject()).isEqualTo("[" + number + "] Resolved: Printer on fire");
    assertThat(resolved.getHeader("References", null)).isEqualTo(root);
    assertThat(resolved.getMessageID()).isNotEqualTo(mail.getMessageID());
  }

  @Test
  void anInternalNoteReachesTheAssigneeAndNeverTheCustomer() throws Throwable {
    User customer = Api.newUser("CUSTOMER");
    User assignee = Api.newUser("AGENT");
    User colleague = Api.newUser("AGENT");
    String ticket = Api.newTicket(customer.token(), "Invoice wrong", "Twice the amount.", null);
    Api.assign(assignee, ticket, assignee.id());

    Api.comment(colleague, ticket, "Secret: refund limit is 50", true);
    Api.comment(colleague, ticket, "We are on it.", false);
    Relay.publishAll(pool, relay);

    List<MimeMessage> staff = awaitMail(assignee.email(), 2);
    assertThat(staff)
        .anySatisfy(
            m -> {
              assertThat(m.getSubject()).contains("Internal note: Invoice wrong");
              assertThat(part(m, "text/plain")).contains("Secret: refund limit is 50");
            });
    List<MimeMessage> toCustomer = awaitMail(customer.email(), 1);
    // The outbox holds every mail about the ticket: the customer's is the public reply only.
    awaitOutboxSent(ticket);
    assertThat(kindsFor(ticket, customer.id())).containsExactly("REPLY");
    assertThat(mailsTo(customer.email())).hasSize(1);
    for (MimeMessage m : toCustomer) {
      assertThat(part(m, "text/plain")).doesNotContain("Secret").contains("We are on it.");
      assertThat(part(m, "text/html")).doesNotContain("Secret");
    }
  }

  @Test
  void aKindSwitchedOffIsNotMailedAndTheOthersStillAre() throws Throwable {
    User customer = Api.newUser("CUSTOMER");
    User agent = Api.newUser("AGENT");
    customer
        .request()
        .get("/api/v1/me/notification-settings")
        .then()
        .statusCode(200)
        .body("email.REPLY", equalTo(true))
        .body("email.STATUS_CHANGED", equalTo(true));
    Api.json(customer.token())
        .body("{\"email\":{\"REPLY\":false}}")
        .patch("/api/v1/me/notification-settings")
        .then()
        .statusCode(200)
        .body("email.REPLY", equalTo(false))
        .body("email.STATUS_CHANGED", equalTo(true));
    Api.json(customer.token())
        .body("{\"email\":{\"LUNCH\":false}}")
        .patch("/api/v1/me/notification-settings")
        .then()
        .statusCode(422)
        .body("errors.'email.LUNCH'[0]", org.hamcrest.Matchers.startsWith("is not a notification"));

    String ticket = Api.newTicket(customer.token());
    Api.comment(agent, ticket, "A reply nobody mails", false);
    Api.move(agent, ticket, "IN_PROGRESS");
    Relay.publishAll(pool, relay);

    MimeMessage only = awaitMail(customer.email(), 1).getFirst();
    assertThat(only.getSubject()).contains("(in progress)");
    awaitOutboxSent(ticket);
    assertThat(kindsFor(ticket, customer.id())).containsExactly("STATUS_CHANGED");
  }

  @Test
  void aMailServerThatIsGoneDelaysMailUntilItIsDeadAndNeverFailsTheCommand() throws Throwable {
    User customer = Api.newUser("CUSTOMER");
    User agent = Api.newUser("AGENT");
    String ticket = Api.newTicket(customer.token());
    double deadBefore = deadCount();
    smtp.stop();
    try {
      // The command answers as always while the mail server is away.
      Api.comment(agent, ticket, "Sent into the void", false);
      Relay.publishAll(pool, relay);

      String admin = Api.adminToken();
      Map<String, Object> dead =
          await(
              "a dead mail to " + customer.email(),
              () ->
                  Api.as(admin)
                      .queryParam("status", "DEAD")
                      .get("/api/v1/mail/deliveries")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath()
                      .<Map<String, Object>>getList("")
                      .stream()
                      .filter(d -> ticket.equals(d.get("ticketId")))
                      .findFirst());
      assertThat(dead.get("recipient")).isEqualTo(customer.email());
      assertThat(dead.get("attempts")).isEqualTo(3);
      assertThat((String) dead.get("lastError")).isNotBlank();
      assertThat(dead.get("kind")).isEqualTo("REPLY");
      assertThat(deadCount()).isGreaterThan(deadBefore);

      // Customers and agents may not read the outbox.
      customer.request().get("/api/v1/mail/deliveries").then().statusCode(403);
      Api.as(admin)
          .queryParam("status", "LOST")
          .get("/api/v1/mail/deliveries")
          .then()
          .statusCode(422);
    } finally {
      smtp.start();
    }
  }

  @Test
  void aMailServerThatRefusesTheRecipientDelaysMailUntilItIsDeadAndNeverFailsTheCommand()
      throws Throwable {
    User customer = Api.newUser("CUSTOMER");
    User agent = Api.newUser("AGENT");
    String ticket = Api.newTicket(customer.token());
    double deadBefore = deadCount();
    smtp.stop();
    try (RefusingSmtp refusing = new RefusingSmtp(port())) {
      // The server is there and answers, but refuses the recipient: the command still succeeds.
      Api.comment(agent, ticket, "Refused at the door", false);
      Relay.publishAll(pool, relay);

      String admin = Api.adminToken();
      Map<String, Object> dead =
          await(
              "a dead mail to " + customer.email(),
              () ->
                  Api.as(admin)
                      .queryParam("status", "DEAD")
                      .get("/api/v1/mail/deliveries")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath()
                      .<Map<String, Object>>getList("")
                      .stream()
                      .filter(d -> ticket.equals(d.get("ticketId")))
                      .findFirst());
      assertThat(dead.get("recipient")).isEqualTo(customer.email());
      assertThat(dead.get("attempts")).isEqualTo(3);
      assertThat((String) dead.get("lastError")).contains("550");
      assertThat(dead.get("kind")).isEqualTo("REPLY");
      assertThat(deadCount()).isGreaterThan(deadBefore);
      // Each attempt reached the server and was refused there, none was lost on the way.
      assertThat(refusing.refused(customer.email())).isGreaterThanOrEqualTo(3);
    } finally {
      smtp.start();
    }
  }

  /**
   * An SMTP server that greets and accepts the sender but answers every RCPT TO with 550, as a
   * server does for a mailbox it does not know. Counts the refusals per address.
   */
  static final class RefusingSmtp implements AutoCloseable {
    private final ServerSocket server;
    private final Map<String, Integer> refusals = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<java.net.Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RefusingSmtp(int port) throws IOException {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      acceptor = Thread.ofVirtual().start(this::accept);
    }

    int refused(String address) {
      return refusals.getOrDefault(address.toLowerCase(java.util.Locale.ROOT), 0);
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          java.net.Socket socket = server.accept();
          open.add(socket);
          Thread.ofVirtual().start(() -> converse(socket));
        } catch (IOException e) {
          return;
        }
      }
    }

    private void converse(java.net.Socket socket) {
      try (socket;
          var in =
              new java.io.BufferedReader(
                  new java.io.InputStreamReader(
                      socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
          var out = socket.getOutputStream()) {
        reply(out, "220 refusing.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
          String command = line.toUpperCase(java.util.Locale.ROOT);
          if (command.startsWith("EHLO") || command.startsWith("HELO")) {
            reply(out, "250 refusing.test");
          } else if (command.startsWith("MAIL FROM")
              || command.startsWith("RSET")
              || command.startsWith("NOOP")) {
            reply(out, "250 OK");
          } else if (command.startsWith("RCPT TO")) {
            String address =
                line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))
                    .toLowerCase(java.util.Locale.ROOT);
            refusals.merge(address, 1, Integer::sum);
            reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected");
          } else if (command.startsWith("QUIT")) {
            reply(out, "221 Bye");
            return;
          } else {
            reply(out, "503 5.5.1 Bad sequence of commands");
          }
        }
      } catch (IOException | RuntimeException e) {
        // The client went away: nothing to tell.
      }
    }

    private static void reply(java.io.OutputStream out, String line) throws IOException {
      out.write((line + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
    }

    @Override
    public void close() throws IOException {
      server.close();
      // Pooled connections end with the server, so the next mail reaches the real one again.
      for (java.net.Socket socket : open) {
        socket.close();
      }
      try {
        acceptor.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static double deadCount() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("triage_mail_deliveries_total{") && line.contains("outcome=\"dead\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  private static String number(User who, String ticket) {
    return who.request()
        .get("/api/v1/tickets/" + ticket)
        .then()
        .statusCode(200)
        .extract()
        .path("number");
  }

  private List<String> kindsFor(String ticket, String user) {
    return query(
        "select kind from mail_deliveries where ticket_id = $1 and user_id = $2 order by created_at",
        Tuple.of(UUID.fromString(ticket), UUID.fromString(user)));
  }

  private void awaitOutboxSent(String ticket) throws InterruptedException {
    await(
        "every mail about " + ticket + " sent",
        () ->
            query(
                        "select id from mail_deliveries where ticket_id = $1 and status <> 'SENT'",
                        Tuple.of(UUID.fromString(ticket)))
                    .isEmpty()
                ? Optional.of(true)
                : Optional.empty());
  }

  private List<String> query(String sql, Tuple args) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () ->
              pool.preparedQuery(sql)
                  .execute(args)
                  .map(
                      rows -> {
                        List<String> out = new ArrayList<>();
                        for (Row r : rows) {
                          out.add(String.valueOf(r.getValue(0)));
                        }
                        return out;
                      }));
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  private static List<MimeMessage> mailsTo(String address) {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      try {
        if (addresses(m.getRecipients(Message.RecipientType.TO)).contains(address)) {
          out.add(m);
        }
      } catch (MessagingException e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  private static List<MimeMessage> awaitMail(String address, int count)
      throws InterruptedException {
    return await(
        count + " mail(s) to " + address,
        () -> {
          List<MimeMessage> mails = mailsTo(address);
          return mails.size() >= count ? Optional.of(mails) : Optional.empty();
        });
  }

  private static List<String> addresses(Address[] addresses) {
    List<String> out = new ArrayList<>();
    if (addresses != null) {
      for (Address a : addresses) {
        out.add(a.toString());
      }
    }
    return out;
  }

  /** The text of the first part of {@code type} in the mail. */
  static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String found = part(child, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> answer = probe.get();
      if (answer.isPresent()) {
        return answer.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("not within " + DEADLINE + ": " + what);
  }
}
