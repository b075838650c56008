package dev.triage.application.settings;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Settings;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/**
 * Reads the stored row, not this replica's cache: an admin sees a change at once, with the version
 * to send back as {@code If-Match}.
 */
public final class ShowSettingsHandler implements Handler<ShowSettings, SettingsView> {

  private final Settings settings;

  public ShowSettingsHandler(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Uni<Result<SettingsView>> handle(ShowSettings query, RequestContext context) {
    return settings.find().map(stored -> Result.ok(SettingsView.of(stored)));
  }
}
