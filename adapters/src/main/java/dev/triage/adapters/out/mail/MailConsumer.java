package dev.triage.adapters.out.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.adapters.out.mail.MailTemplates.Audience;
import dev.triage.adapters.out.mail.MailTemplates.Content;
import dev.triage.adapters.out.mail.MailTemplates.Rendered;
import dev.triage.adapters.out.notification.NotificationConsumer;
import dev.triage.adapters.out.notification.NotificationConsumer.Planned;
import dev.triage.adapters.out.relay.RelayConsumer;
import dev.triage.adapters.out.relay.RelayedEvent;
import dev.triage.domain.notification.NotificationKind;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Queues a mail for each notification the in-app inbox gets ({@link NotificationConsumer#plan}: the
 * same people, for the same reasons), to accounts that are active and have not switched that kind
 * off, in the relay's transaction. The mail is rendered here, with the ticket and comment as they
 * are now, and stored whole with its threading headers, so every attempt sends the same message.
 * One mail per (recipient, event): an event the relay hands over again adds nothing.
 *
 * <p>Customers (accounts with the customer role) only ever get the customer templates: public
 * replies, status changes and resolution. Internal events never reach them (the notification policy
 * already says so; this checks again), and no customer template shows an internal note. Recipients
 * that are no account (API tokens) get no mail. With mail off, nothing is queued.
 */
@ApplicationScoped
public class MailConsumer implements RelayConsumer {

  private static final Logger LOG = Logger.getLogger(MailConsumer.class);

  static final String USERS =
      "select id, email, display_name, role from users where id = any($1) and active";

  static final String SWITCHED_OFF =
      "select user_id, kind from notification_settings where user_id = any($1) and not email";

  static final String TICKETS = "select id, title from tickets where id = any($1)";

  static final String COMMENTS =
      "select id, body from ticket_comments where id = any($1) and redacted_at is null";

  static final String QUEUE =
      "insert into mail_deliveries (id, user_id, event_id, kind, ticket_id, recipient, subject,"
          + " text_body, html_body, message_id, in_reply_to, refs, reply_to, status, attempts,"
          + " next_attempt_at, created_at)"
          + " select m.id, m.user_id, m.event_id, m.kind, m.ticket_id, m.recipient, m.subject,"
          + " m.text_body, m.html_body, m.message_id, m.root, m.root, m.reply_to, 'PENDING', 0,"
          + " $13, $13"
          + " from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[],"
          + " $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])"
          + " as m(id, user_id, event_id, kind, ticket_id, recipient, subject, text_body,"
          + " html_body, message_id, root, reply_to)"
          + " on conflict (user_id, event_id) where event_id is not null do nothing";

  /** An account that may get mail. */
  record Account(UUID id, String email, String name, Audience audience) {}

  private final ObjectMapper json;
  private final Clock clock;
  private final MailConfig config;
  private final MailTemplates templates;
  private final java.util.random.RandomGenerator random = new java.security.SecureRandom();

  public MailConsumer(ObjectMapper json, Clock clock, MailConfig config, MailTemplates templates) {
    this.json = json;
    this.clock = clock;
    this.config = config;
    this.templates = templates;
  }

  @Override
  public String name() {
    return "mail";
  }

  @Override
  public Uni<Void> consume(SqlConnection tx, List<RelayedEvent> events) {
    if (!config.enabled() || events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Planned> planned = NotificationConsumer.plan(events, json);
    if (planned.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<UUID> users = new LinkedHashSet<>();
    Set<UUID> tickets = new LinkedHashSet<>();
    Set<UUID> comments = new LinkedHashSet<>();
    for (Planned p : planned) {
      users.add(p.recipient().userId().value());
      tickets.add(p.event().ticketId());
      commentOf(p.event()).ifPresent(comments::add);
    }
    UUID[] userIds = users.toArray(UUID[]::new);
    return tx.preparedQuery(USERS)
        .execute(Tuple.of(userIds))
        .flatMap(
            accountRows ->
                tx.preparedQuery(SWITCHED_OFF)
                    .execute(Tuple.of(userIds))
                    .flatMap(
                        offRows ->
                            tx.preparedQuery(TICKETS)
                                .execute(Tuple.of(tickets.toArray(UUID[]::new)))
                                .flatMap(
                                    ticketRows ->
                                        tx.preparedQuery(COMMENTS)
                                            .execute(Tuple.of(comments.toArray(UUID[]::new)))
                                            .flatMap(
                                                commentRows -> {
                                                  Map<UUID, Account> accounts = new HashMap<>();
                                                  for (Row r : accountRows) {
                                                    accounts.put(r.getUUID(0), account(r));
                                                  }
                                                  Set<String> off = new HashSet<>();
                                                  for (Row r : offRows) {
                                                    off.add(r.getUUID(0) + "/" + r.getString(1));
                                                  }
                                                  Map<UUID, String> titles = new HashMap<>();
                                                  for (Row r : ticketRows) {
                                                    titles.put(r.getUUID(0), r.getString(1));
                                                  }
                                                  Map<UUID, String> bodies = new HashMap<>();
                                                  for (Row r : commentRows) {
                                                    bodies.put(r.getUUID(0), r.getString(1));
                                                  }
                                                  return queue(
                                                      tx, planned, accounts, off, titles, bodies);
                                                }))));
  }

  private static Account account(Row r) {
    return new Account(
        r.getUUID(0),
        r.getString(1),
        r.getString(2),
        "CUSTOMER".equals(r.getString(3)) ? Audience.CUSTOMER : Audience.STAFF);
  }

  private Uni<Void> queue(
      SqlConnection tx,
      List<Planned> planned,
      Map<UUID, Account> accounts,
      Set<String> off,
      Map<UUID, String> titles,
      Map<UUID, String> bodies) {
    List<Object[]> rows = new ArrayList<>();
    String domain = config.domain();
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    for (Planned p : planned) {
      RelayedEvent e = p.event();
      NotificationKind kind = p.recipient().kind();
      Account account = accounts.get(p.recipient().userId().value());
      if (account == null || off.contains(account.id() + "/" + kind.name())) {
        continue;
      }
      if (account.audience() == Audience.CUSTOMER && e.internal()) {
        continue;
      }
      Optional<Rendered> mail;
      try {
        mail = templates.render(account.audience(), kind, content(e, account, titles, bodies));
      } catch (RuntimeException failure) {
        LOG.warnf("No mail for event %s (%s): %s", e.eventId(), kind, failure.toString());
        continue;
      }
      if (mail.isEmpty()) {
        continue;
      }
      rows.add(
          new Object[] {
            Uuids.v7(now.toInstant(), random),
            account.id(),
            e.eventId(),
            kind.name(),
            e.ticketId(),
            account.email(),
            mail.get().subject(),
            mail.get().text(),
            mail.get().html(),
            MailThreading.messageId(e.eventId(), account.id(), domain),
            MailThreading.root(e.ticketId(), domain),
            MailThreading.replyAddress(config.replyTo(), e.ticketNumber())
          });
    }
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    int n = rows.size();
    Object[][] columns = new Object[12][];
    Class<?>[] types = {
      UUID.class,
      UUID.class,
      UUID.class,
      String.class,
      UUID.class,
      String.class,
      String.class,
      String.class,
      String.class,
      String.class,
      String.class,
      String.class
    };
    for (int c = 0; c < 12; c++) {
      columns[c] = (Object[]) java.lang.reflect.Array.newInstance(types[c], n);
      for (int i = 0; i < n; i++) {
        columns[c][i] = rows.get(i)[c];
      }
    }
    List<Object> values = new ArrayList<>(Arrays.asList((Object[]) columns));
    values.add(now);
    return tx.preparedQuery(QUEUE).execute(Tuple.from(values)).replaceWithVoid();
  }

  private Content content(
      RelayedEvent e, Account account, Map<UUID, String> titles, Map<UUID, String> bodies) {
    JsonNode data = data(e);
    String body = commentOf(e).map(bodies::get).orElse("");
    String detail =
        switch (e.type()) {
          case "TicketEscalated" -> "Escalation level " + data.path("level").asText("");
          case "SlaWarning", "SlaBreached" ->
              "The "
                  + data.path("clock").asText("service-level")
                  + " clock is due at "
                  + data.path("dueAt").asText("")
                  + ".";
          default -> "";
        };
    return new Content(
        account.name(),
        e.ticketNumber(),
        titles.getOrDefault(e.ticketId(), ""),
        body,
        data.path("from").asText(""),
        "StatusChanged".equals(e.type()) ? data.path("to").asText("") : "",
        detail);
  }

  /** The comment a reply or an internal note added. */
  private Optional<UUID> commentOf(RelayedEvent e) {
    if (!"CommentAdded".equals(e.type()) && !"InternalNoteAdded".equals(e.type())) {
      return Optional.empty();
    }
    JsonNode id = data(e).path("commentId");
    JsonNode value = id.isObject() ? id.path("value") : id;
    return value.isTextual() ? Uuids.parse(value.asText()) : Optional.empty();
  }

  private JsonNode data(RelayedEvent e) {
    try {
      return json.readTree(e.data());
    } catch (JsonProcessingException bad) {
      return json.createObjectNode();
    }
  }
}
