package dev.triage.application.webhook;

import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/** Finds a webhook by the id a caller gave, as text: "not found" covers a malformed id too. */
final class WebhookLookup {

  static final String NOT_FOUND = "No such webhook.";

  private WebhookLookup() {}

  static Uni<Result<Webhooks.Stored>> find(Webhooks webhooks, String id) {
    Optional<UUID> parsed = Uuids.parse(id);
    if (parsed.isEmpty()) {
      return Uni.createFrom().item(Result.err(ErrorCode.NOT_FOUND, NOT_FOUND));
    }
    return webhooks
        .byId(parsed.get())
        .map(
            found ->
                found.map(Result::ok).orElseGet(() -> Result.err(ErrorCode.NOT_FOUND, NOT_FOUND)));
  }
}
