package dev.triage.adapters.out.mail;

import dev.triage.domain.notification.NotificationKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a notification mail from the Qute templates {@code templates/mail/<audience>/<kind>.html}
 * and {@code .txt} (HTML escaped, text as is). Customers have templates for public replies, status
 * changes and resolution only: any other kind has no customer template and is never mailed to a
 * customer, so staff-only content cannot reach one by a missing check elsewhere.
 */
@ApplicationScoped
public class MailTemplates {

  /** Who reads the mail: the requester as a customer, or staff. */
  public enum Audience {
    CUSTOMER,
    STAFF
  }

  /**
   * What a template may show.
   *
   * @param body the public reply's or internal note's text, or empty
   * @param from the status before (status changes), or empty
   * @param to the status after (status changes), or empty
   * @param detail a short line particular to the kind (the escalation level, the SLA clock and due
   *     time), or empty
   */
  public record Content(
      String name,
      String number,
      String title,
      String body,
      String from,
      String to,
      String detail) {}

  /** A rendered mail. */
  public record Rendered(String subject, String text, String html) {}

  private final Engine engine;

  public MailTemplates(Engine engine) {
    this.engine = engine;
  }

  /**
   * The mail telling {@code audience} of {@code kind}; empty when that audience gets no such mail.
   */
  public Optional<Rendered> render(Audience audience, NotificationKind kind, Content content) {
    Optional<String> name = templateName(audience, kind, content);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String base = "mail/" + audience.name().toLowerCase(Locale.ROOT) + "/" + name.get();
    Template text = engine.getTemplate(base + ".txt");
    Template html = engine.getTemplate(base + ".html");
    if (text == null || html == null) {
      throw new IllegalStateException("no mail template " + base);
    }
    return Optional.of(
        new Rendered(
            MailThreading.subject(content.number(), subject(kind, content)),
            text.data("m", content).render(),
            html.data("m", content).render()));
  }

  /** The template of the kind for the audience; customers have three only. */
  static Optional<String> templateName(Audience audience, NotificationKind kind, Content content) {
    if (audience == Audience.CUSTOMER) {
      return switch (kind) {
        case REPLY -> Optional.of("reply");
        case STATUS_CHANGED ->
            Optional.of("RESOLVED".equals(content.to()) ? "resolved" : "status-changed");
        default -> Optional.empty();
      };
    }
    return Optional.of(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  static String subject(NotificationKind kind, Content c) {
    return switch (kind) {
      case ASSIGNED_TO_YOU -> "Assigned to you: " + c.title();
      case UNASSIGNED -> "No longer assigned to you: " + c.title();
      case STATUS_CHANGED ->
          "RESOLVED".equals(c.to())
              ? "Resolved: " + c.title()
              : c.title() + " (" + c.to().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
      case REPLY -> "New reply: " + c.title();
      case INTERNAL_NOTE -> "Internal note: " + c.title();
      case ESCALATED -> "Escalated: " + c.title();
      case SLA_WARNING -> "Due soon: " + c.title();
      case SLA_BREACHED -> "Overdue: " + c.title();
      case WOKE -> "Awake again: " + c.title();
      case MERGED -> "Merged: " + c.title();
    };
  }
}
