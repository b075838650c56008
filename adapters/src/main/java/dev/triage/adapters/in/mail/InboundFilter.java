package dev.triage.adapters.in.mail;

import java.util.Locale;
import java.util.Optional;

/**
 * Which messages never open a ticket or a reply, so Triage neither answers machines nor loops:
 *
 * <ul>
 *   <li>mail from Triage's own address ({@code TRIAGE_MAIL_FROM}), and mail that says it is
 *       Triage's ({@code Auto-Submitted} other than {@code no}, RFC 3834: auto-replies, out of
 *       office, Triage's own notifications coming back);
 *   <li>{@code Precedence: bulk | junk | list | auto_reply}, {@code X-Autoreply}, {@code
 *       X-Autorespond}, {@code X-Auto-Response-Suppress} set to {@code All} or naming {@code
 *       AutoReply} (Exchange), mailing lists ({@code List-Id}, {@code List-Unsubscribe});
 *   <li>bounces: delivery status notifications ({@code multipart/report}, a {@code
 *       message/delivery-status} part) and mail from {@code MAILER-DAEMON} or {@code postmaster};
 *   <li>mail without a sender address.
 * </ul>
 */
public final class InboundFilter {

  private InboundFilter() {}

  /** Why {@code mail} is ignored, or empty when it may become a ticket or a reply. */
  public static Optional<String> ignored(ParsedMail mail, String ownAddress) {
    if (mail.from().isEmpty()) {
      return Optional.of("no sender address");
    }
    String from = mail.from().get().toLowerCase(Locale.ROOT);
    if (from.equalsIgnoreCase(ownAddress)) {
      return Optional.of("sent from Triage's own address");
    }
    String local = from.contains("@") ? from.substring(0, from.indexOf('@')) : from;
    if (local.equals("mailer-daemon") || local.equals("postmaster")) {
      return Optional.of("a bounce (from " + local + ")");
    }
    Optional<String> auto = mail.header("Auto-Submitted");
    if (auto.isPresent() && !auto.get().strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return Optional.of("Auto-Submitted: " + auto.get().strip());
    }
    Optional<String> precedence = mail.header("Precedence");
    if (precedence.isPresent()) {
      String p = precedence.get().strip().toLowerCase(Locale.ROOT);
      if (p.equals("bulk") || p.equals("junk") || p.equals("list") || p.equals("auto_reply")) {
        return Optional.of("Precedence: " + p);
      }
    }
    if (mail.header("X-Autoreply").isPresent() || mail.header("X-Autorespond").isPresent()) {
      return Optional.of("an auto-reply");
    }
    Optional<String> suppress = mail.header("X-Auto-Response-Suppress");
    if (suppress.isPresent()) {
      String s = suppress.get().toLowerCase(Locale.ROOT);
      if (s.contains("all") || s.contains("autoreply")) {
        return Optional.of("X-Auto-Response-Suppress: " + suppress.get().strip());
      }
    }
    if (mail.header("List-Id").isPresent() || mail.header("List-Unsubscribe").isPresent()) {
      return Optional.of("mailing list mail");
    }
    if (mail.deliveryReport()) {
      return Optional.of("a delivery status notification");
    }
    return Optional.empty();
  }
}
