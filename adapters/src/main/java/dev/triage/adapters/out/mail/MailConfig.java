package dev.triage.adapters.out.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether e-mail is on, and the addresses mail leaves from. E-mail is on when an SMTP host is set
 * ({@code TRIAGE_MAIL_SMTP_HOST}); without one nothing is queued and the service runs as it would
 * without mail. Replies go to {@code TRIAGE_MAIL_REPLY_TO} (the from address when unset).
 */
@ApplicationScoped
public class MailConfig {

  private final boolean enabled;
  private final String from;
  private final String replyTo;

  public MailConfig(
      @ConfigProperty(name = "triage.mail.smtp.host") Optional<String> host,
      @ConfigProperty(name = "triage.mail.from") Optional<String> from,
      @ConfigProperty(name = "triage.mail.reply-to") Optional<String> replyTo) {
    String sender = from.map(String::strip).filter(s -> !s.isEmpty()).orElse("triage@localhost");
    this.enabled = host.map(String::strip).filter(s -> !s.isEmpty()).isPresent();
    this.from = sender;
    this.replyTo = replyTo.map(String::strip).filter(s -> !s.isEmpty()).orElse(sender);
  }

  /** Mail is on: an SMTP host is configured. */
  public boolean enabled() {
    return enabled;
  }

  /** The address mails leave from (and whose mail is ignored when it comes back). */
  public String from() {
    return from;
  }

  /** The address replies go to, before the ticket is added to it. */
  public String replyTo() {
    return replyTo;
  }

  /** The domain of the from address: the right-hand side of every Message-ID. */
  public String domain() {
    return MailThreading.domainOf(from);
  }
}
