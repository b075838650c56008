package dev.triage.application.port;

import dev.triage.domain.notification.NotificationKind;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which notification kinds each user has switched off for e-mail (all on by default). */
public interface MailSettings {

  /** The kinds {@code user} does not want by mail; empty when they want all of them. */
  Uni<Set<NotificationKind>> switchedOff(UUID user);

  /** Records each kind's choice for {@code user}; kinds left out keep theirs. */
  Uni<Void> set(UUID user, Map<NotificationKind, Boolean> email, Instant now);
}
