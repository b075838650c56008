package dev.triage.application.mail;

import dev.triage.application.port.InboundMails;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One inbound mail as staff read it: the original message as text (RFC 5322, headers and body as
 * received; bytes that are not UTF-8 read as U+FFFD) and what it became.
 *
 * @param outcome TICKET, REPLY or FOLLOW_UP for a mail that reached this ticket
 */
public record InboundMailView(
    UUID id,
    String messageId,
    String source,
    String sender,
    String subject,
    String outcome,
    String reason,
    Instant receivedAt,
    String raw) {

  public static InboundMailView of(InboundMails.Original o) {
    return new InboundMailView(
        o.id(),
        o.messageId(),
        o.source(),
        o.sender().orElse(null),
        o.subject().orElse(null),
        o.outcome(),
        o.reason().orElse(null),
        o.receivedAt(),
        new String(o.raw(), StandardCharsets.UTF_8));
  }
}
