package dev.triage.application.port;

import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.util.Optional;

/**
 * Whether a webhook URL may be called at all: its host is resolved and refused when it leads into
 * the service's own network (loopback, private, link-local addresses), unless configured otherwise.
 */
public interface WebhookTargets {

  /** Why {@code url} may not be called (a short sentence), or empty when it may. */
  Uni<Optional<String>> refusal(URI url);
}
