package dev.triage.application.mail;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.MailSettings;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;

/** Reads the caller's own settings: every kind, on unless they switched it off. */
public final class GetNotificationSettingsHandler
    implements Handler<GetNotificationSettings, NotificationSettingsView> {

  private final MailSettings settings;

  public GetNotificationSettingsHandler(MailSettings settings) {
    this.settings = settings;
  }

  @Override
  public Uni<Result<NotificationSettingsView>> handle(
      GetNotificationSettings query, RequestContext context) {
    return settings
        .switchedOff(context.actor().id().value())
        .map(off -> Result.ok(NotificationSettingsView.of(off)));
  }
}
