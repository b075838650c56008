package dev.triage.adapters.out.mail;

import dev.triage.application.port.AccountMail;
import dev.triage.domain.shared.Uuids;
import dev.triage.domain.user.Account;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.Engine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Queues mails about an account (a password reset) in the mail outbox, on the command's session, so
 * the mail leaves only if the command commits; the mail sender's poll picks it up. The templates
 * are {@code templates/mail/account/<kind>.{txt,html}}. With mail off nothing is queued.
 */
@ApplicationScoped
public class OutboxAccountMail implements AccountMail {

  static final String QUEUE =
      "insert into mail_deliveries (id, user_id, kind, recipient, subject, text_body, html_body,"
          + " message_id, status, attempts, next_attempt_at, created_at)"
          + " values (cast(:id as uuid), cast(:user as uuid), cast(:kind as text),"
          + " cast(:recipient as text), cast(:subject as text), cast(:text as text),"
          + " cast(:html as text), cast(:messageId as text), 'PENDING', 0,"
          + " cast(:now as timestamptz), cast(:now as timestamptz))";

  private final MailConfig config;
  private final Engine engine;
  private final Clock clock;
  private final RandomGenerator random = new SecureRandom();

  public OutboxAccountMail(MailConfig config, Engine engine, Clock clock) {
    this.config = config;
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public Uni<Void> passwordReset(Account account, String token, Instant expiresAt) {
    return queue(
        account,
        "PASSWORD_RESET",
        "password-reset",
        "Reset your password",
        Map.of(
            "name", account.displayName().value(),
            "token", token,
            "expiresAt", expiresAt.toString()));
  }

  @Override
  public Uni<Void> addressCheck(Account account, String token, Instant expiresAt) {
    return queue(
        account,
        "ADDRESS_CHECK",
        "address-check",
        "Confirm your e-mail address",
        Map.of(
            "name", account.displayName().value(),
            "token", token,
            "expiresAt", expiresAt.toString()));
  }

  private Uni<Void> queue(
      Account account, String kind, String template, String subject, Map<String, Object> data) {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = clock.instant();
    UUID id = Uuids.v7(now, random);
    String text = engine.getTemplate("mail/account/" + template + ".txt").data("m", data).render();
    String html = engine.getTemplate("mail/account/" + template + ".html").data("m", data).render();
    return Panache.getSession()
        .flatMap(
            s ->
                s.createNativeQuery(QUEUE)
                    .setParameter("id", id.toString())
                    .setParameter("user", account.id().value().toString())
                    .setParameter("kind", kind)
                    .setParameter("recipient", account.email().value())
                    .setParameter("subject", subject)
                    .setParameter("text", text)
                    .setParameter("html", html)
                    .setParameter("messageId", MailThreading.messageId(id, config.domain()))
                    .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .executeUpdate())
        .replaceWithVoid();
  }
}
