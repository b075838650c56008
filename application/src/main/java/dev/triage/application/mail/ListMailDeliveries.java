package dev.triage.application.mail;

import dev.triage.application.bus.Access;
import dev.triage.application.bus.Query;
import java.util.List;

/**
 * Which mails are waiting or failed? Newest first; {@code status} (PENDING, SENT, DEAD) narrows it,
 * without it every mail not yet sent. Parameters arrive as the client sent them (null when absent).
 */
public record ListMailDeliveries(String status, String limit)
    implements Query<List<MailDeliveryView>> {

  @Override
  public Access requiredAccess() {
    return Access.ADMIN;
  }
}
