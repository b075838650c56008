package dev.triage.adapters.out.mail;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers that keep a ticket's mails in one thread, in every mail client, and that let a reply
 * be traced back to its ticket:
 *
 * <ul>
 *   <li>every mail about a ticket answers one root, {@code <ticket.<ticket id>@<domain>>}, in both
 *       {@code In-Reply-To} and {@code References}, so clients thread them together whatever order
 *       they arrive in;
 *   <li>a mail's own {@code Message-ID} is {@code <<event id>.<recipient id>@<domain>>}: the same
 *       for every attempt, so a repeat after a replica died mid-send is folded by the client;
 *   <li>replies go to the reply address with the ticket number as a plus tag ({@code
 *       support+TCK-2026-000042@example.com});
 *   <li>the subject starts with the ticket number in brackets.
 * </ul>
 */
public final class MailThreading {

  private static final Pattern ROOT = Pattern.compile("<ticket\\.([0-9a-fA-F-]{36})@[^>]+>");

  private MailThreading() {}

  /** The right-hand side of {@code address} ("localhost" when it has none). */
  public static String domainOf(String address) {
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1).replace(">", "").strip();
    return domain.isEmpty() ? "localhost" : domain;
  }

  /** The thread root every mail about {@code ticket} answers. */
  public static String root(UUID ticket, String domain) {
    return "<ticket." + ticket + "@" + domain + ">";
  }

  /** The Message-ID of the mail telling {@code recipient} of {@code event}. */
  public static String messageId(UUID event, UUID recipient, String domain) {
    return "<" + event + "." + recipient + "@" + domain + ">";
  }

  /** A Message-ID for a mail no event caused (a password reset). */
  public static String messageId(UUID mail, String domain) {
    return "<" + mail + "@" + domain + ">";
  }

  /** {@code replyTo} with the ticket number as its plus tag. */
  public static String replyAddress(String replyTo, String ticketNumber) {
    int at = replyTo.lastIndexOf('@');
    if (at < 0) {
      return replyTo;
    }
    String local = replyTo.substring(0, at);
    int plus = local.indexOf('+');
    if (plus >= 0) {
      local = local.substring(0, plus);
    }
    return local + "+" + ticketNumber + replyTo.substring(at);
  }

  /** {@code [number] text}. */
  public static String subject(String ticketNumber, String text) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    return "[" + ticketNumber + "] " + line;
  }

  /** The ticket a thread root among {@code headers} (References, In-Reply-To) names, if any. */
  public static Optional<UUID> ticketOfRoot(String headers) {
    if (headers == null) {
      return Optional.empty();
    }
    Matcher m = ROOT.matcher(headers);
    while (m.find()) {
      try {
        return Optional.of(UUID.fromString(m.group(1)));
      } catch (IllegalArgumentException e) {
        // not a ticket root after all; look further
      }
    }
    return Optional.empty();
  }
}
