package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The inbound mails kept with their original bytes, as staff read them for one ticket. */
public interface InboundMails {

  /** One message as it arrived, and what it became. */
  record Original(
      UUID id,
      String messageId,
      String source,
      Optional<String> sender,
      Optional<String> subject,
      String outcome,
      Optional<String> reason,
      byte[] raw,
      Instant receivedAt) {}

  /** The messages that opened {@code ticket} or were added to it, oldest first. */
  Uni<List<Original>> ofTicket(UUID ticket);
}
