package dev.triage.adapters.in.mail;

import dev.triage.application.bus.Bus;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.identity.Secrets;
import dev.triage.application.identity.UserView;
import dev.triage.application.identity.register.RegisterCustomer;
import dev.triage.application.port.Accounts;
import dev.triage.application.ticket.TicketView;
import dev.triage.application.ticket.change.AddComment;
import dev.triage.application.ticket.change.CommentResult;
import dev.triage.application.ticket.create.CreateTicket;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Email;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns one inbound message into a ticket or a public reply (ADR 0026), the same for IMAP and HTTP:
 *
 * <ol>
 *   <li>over {@code triage.mail.inbound.max-size} bytes: ignored, nothing kept;
 *   <li>parsed ({@link ParsedMail}); filtered ({@link InboundFilter}): auto-replies, bounces, bulk
 *       mail and Triage's own mail are recorded as ignored and go no further;
 *   <li>recorded once by its Message-ID in {@code inbound_mails} with the original bytes (for
 *       staff): the same message again (an IMAP poll on another replica, a provider's retry) does
 *       nothing;
 *   <li>the sender's account, or a new customer account for an unknown address (with a random
 *       password nobody knows: a password reset gives it one);
 *   <li>the ticket it answers: a thread root in References or In-Reply-To, the ticket number in a
 *       plus-tagged recipient, or {@code [number]} in the subject; then the text, without quoted
 *       history and signature ({@link QuoteTrimmer}), becomes a public reply as the sender (a
 *       CLOSED ticket opens a follow-up, as the API does). A message that answers no ticket the
 *       sender may reply on opens a new ticket with its subject as title.
 * </ol>
 */
@ApplicationScoped
public class InboundMail {

  private static final Logger LOG = Logger.getLogger(InboundMail.class);

  static final String RECORD =
      "insert into inbound_mails (id, message_id, source, sender, subject, outcome, reason, raw,"
          + " received_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
          + " on conflict (message_id) do nothing returning id";

  static final String SETTLE =
      "update inbound_mails set outcome = $2, reason = $3, ticket_id = $4 where id = $1";

  /** The thread root every mail about a ticket names (see the mail sender's threading). */
  private static final Pattern ROOT = Pattern.compile("<ticket\\.([0-9a-fA-F-]{36})@[^>]+>");

  private static final Pattern SUBJECT_NUMBER = Pattern.compile("\\[([A-Z][A-Z0-9]*-\\d+-\\d+)]");
  private static final Pattern PLUS_NUMBER =
      Pattern.compile("\\+([A-Za-z][A-Za-z0-9]*-\\d+-\\d+)@");
  private static final Pattern REPLY_PREFIX =
      Pattern.compile(
          "^\\s*((re|fw|fwd|aw|wg|sv|vs)\\s*(\\[\\d+])?\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

  /** What became of a message. */
  public enum Outcome {
    TICKET,
    REPLY,
    FOLLOW_UP,
    IGNORED,
    DUPLICATE,
    FAILED
  }

  private final Bus bus;
  private final Pool pool;
  private final Accounts accounts;
  private final String ownAddress;
  private final Clock clock;
  private final int maxSize;

  public InboundMail(
      Bus bus,
      Pool pool,
      Accounts accounts,
      @ConfigProperty(name = "triage.mail.from") Optional<String> from,
      Clock clock,
      @ConfigProperty(name = "triage.mail.inbound.max-size", defaultValue = "262144") int maxSize) {
    this.bus = bus;
    this.pool = pool;
    this.accounts = accounts;
    this.ownAddress = from.map(String::strip).orElse("triage@localhost");
    this.clock = clock;
    this.maxSize = maxSize;
  }

  /** Handles {@code raw} from {@code source} ("IMAP" or "HTTP"); never fails. */
  public Uni<Outcome> receive(byte[] raw, String source) {
    if (raw.length > maxSize) {
      LOG.infof("An inbound message of %d bytes was over the limit and ignored", raw.length);
      return Uni.createFrom().item(Outcome.IGNORED);
    }
    return Uni.createFrom()
        .item(() -> ParsedMail.parse(raw))
        .flatMap(mail -> handle(mail, raw, source))
        .onFailure()
        .recoverWithItem(
            f -> {
              LOG.warnf("An inbound message was not handled: %s", f.toString());
              return Outcome.FAILED;
            });
  }

  private Uni<Outcome> handle(ParsedMail mail, byte[] raw, String source) {
    Optional<String> ignored = InboundFilter.ignored(mail, ownAddress);
    UUID id = UUID.randomUUID();
    Tuple row =
        Tuple.tuple()
            .addUUID(id)
            .addString(mail.messageId())
            .addString(source)
            .addString(mail.from().orElse(null))
            .addString(cut(mail.subject(), 998))
            .addString(ignored.isPresent() ? Outcome.IGNORED.name() : "RECEIVED")
            .addString(ignored.orElse(null))
            .addValue(io.vertx.core.buffer.Buffer.buffer(raw))
            .addValue(clock.instant().atOffset(ZoneOffset.UTC));
    return pool.preparedQuery(RECORD)
        .execute(row)
        .flatMap(
            rows -> {
              if (rows.rowCount() == 0) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
              }
              if (ignored.isPresent()) {
                return Uni.createFrom().item(Outcome.IGNORED);
              }
              return act(mail)
                  .flatMap(
                      done ->
                          pool.preparedQuery(SETTLE)
                              .execute(
                                  Tuple.of(
                                      id,
                                      done.outcome().name(),
                                      done.reason(),
                                      done.ticket().orElse(null)))
                              .replaceWith(done.outcome()));
            });
  }

  /** What came of a message, for its record. */
  record Done(Outcome outcome, String reason, Optional<UUID> ticket) {}

  private Uni<Done> act(ParsedMail mail) {
    Result<Email> address = Email.of(mail.from().orElseThrow());
    if (!(address instanceof Result.Ok<Email> email)) {
      return Uni.createFrom()
          .item(new Done(Outcome.IGNORED, "not a usable sender address", Optional.empty()));
    }
    return account(email.value(), mail)
        .flatMap(
            account -> {
              if (account.isEmpty()) {
                return Uni.createFrom()
                    .item(
                        new Done(
                            Outcome.IGNORED, "the sender's account is inactive", Optional.empty()));
              }
              RequestContext context =
                  RequestContext.of(
                      Caller.person(account.get().actor()), "mail-" + UUID.randomUUID(), "");
              String text = QuoteTrimmer.trim(mail.text());
              Optional<String> ticket = ticketOf(mail);
              return ticket.isEmpty()
                  ? open(mail, text, context)
                  : reply(ticket.get(), mail, text, context);
            });
  }

  private Uni<Done> reply(String ticket, ParsedMail mail, String text, RequestContext context) {
    return bus.send(new AddComment(ticket, Optional.empty(), body(text), false), context)
        .flatMap(
            result ->
                switch (result) {
                  case Result.Ok<CommentResult> ok ->
                      Uni.createFrom()
                          .item(
                              ok.value().followUpTicket().isPresent()
                                  ? new Done(
                                      Outcome.FOLLOW_UP,
                                      null,
                                      Optional.of(ok.value().followUpTicket().get().id().value()))
                                  : new Done(Outcome.REPLY, null, uuid(ticket)));
                  case Result.Err<CommentResult> err ->
                      err.code() == ErrorCode.NOT_FOUND || err.code() == ErrorCode.FORBIDDEN
                          ? open(mail, text, context)
                          : Uni.createFrom()
                              .item(new Done(Outcome.FAILED, err.message(), Optional.empty()));
                });
  }

  private Uni<Done> open(ParsedMail mail, String text, RequestContext context) {
    return bus.send(new CreateTicket(title(mail), body(text), null, null, List.of()), context)
        .map(
            result ->
                switch (result) {
                  case Result.Ok<TicketView> ok ->
                      new Done(Outcome.TICKET, null, Optional.of(ok.value().id().value()));
                  case Result.Err<TicketView> err ->
                      new Done(Outcome.FAILED, err.message(), Optional.empty());
                });
  }

  /** The sender's account (empty when inactive), or a new customer account for an unknown one. */
  private Uni<Optional<Account>> account(Email email, ParsedMail mail) {
    return Panache.withSession(() -> accounts.byEmail(email))
        .flatMap(
            found -> {
              if (found.isPresent()) {
                return Uni.createFrom().item(found.filter(Account::active));
              }
              String name = mail.fromName().isBlank() ? email.value() : mail.fromName();
              RegisterCustomer register =
                  new RegisterCustomer(email.value(), cut(name, 100), Secrets.newSecret("unset-"));
              return bus.send(register, RequestContext.anonymous("mail-" + UUID.randomUUID(), ""))
                  .flatMap(
                      (Result<UserView> ignored) ->
                          Panache.withSession(() -> accounts.byEmail(email)))
                  .map(again -> again.filter(Account::active));
            });
  }

  /** The ticket a message answers: its thread root, a plus-tagged recipient, or its subject. */
  static Optional<String> ticketOf(ParsedMail mail) {
    Matcher root = ROOT.matcher(mail.references() + " " + mail.inReplyTo());
    if (root.find()) {
      return Optional.of(root.group(1));
    }
    for (String recipient : mail.recipients()) {
      Matcher m = PLUS_NUMBER.matcher(recipient);
      if (m.find()) {
        return Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT));
      }
    }
    Matcher m = SUBJECT_NUMBER.matcher(mail.subject());
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static String title(ParsedMail mail) {
    String subject =
        SUBJECT_NUMBER
            .matcher(REPLY_PREFIX.matcher(mail.subject()).replaceFirst(""))
            .replaceAll("")
            .replaceAll("\\s+", " ")
            .strip();
    if (subject.codePointCount(0, subject.length()) < Title.MIN_LENGTH) {
      subject = "E-mail from " + mail.from().orElse("unknown sender");
    }
    return cut(subject, Title.MAX_LENGTH);
  }

  private static String body(String text) {
    String body = text.isBlank() ? "(no text)" : text;
    return cut(body, 20_000);
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** At most {@code max} code points of {@code text}. */
  static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max)).strip();
  }
}
