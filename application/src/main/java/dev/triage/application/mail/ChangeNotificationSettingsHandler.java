package dev.triage.application.mail;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.MailSettings;
import dev.triage.domain.notification.NotificationKind;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks every kind named (an unknown kind or a missing value refuses the whole change, naming
 * {@code email.<kind>}), records the choices and answers the settings as they now are.
 */
public final class ChangeNotificationSettingsHandler
    implements Handler<ChangeNotificationSettings, NotificationSettingsView> {

  static final String KINDS =
      Arrays.stream(NotificationKind.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final MailSettings settings;
  private final Clock clock;

  public ChangeNotificationSettingsHandler(MailSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Uni<Result<NotificationSettingsView>> handle(
      ChangeNotificationSettings c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Map<NotificationKind, Boolean> choices = new LinkedHashMap<>();
    if (c.email() == null) {
      errors.add("email", "is required: an object of kind names to true or false");
    } else {
      c.email()
          .forEach(
              (name, on) -> {
                NotificationKind kind = kind(name);
                if (kind == null) {
                  errors.add("email." + name, "is not a notification kind (" + KINDS + ")");
                } else if (on == null) {
                  errors.add("email." + name, "must be true or false");
                } else {
                  choices.put(kind, on);
                }
              });
    }
    if (!errors.isEmpty()) {
      return Uni.createFrom().item(errors.toResult(() -> null));
    }
    UUID user = context.actor().id().value();
    return settings
        .switchedOff(user)
        .flatMap(
            before ->
                settings
                    .set(user, choices, clock.instant())
                    .flatMap(ignored -> settings.switchedOff(user))
                    .map(
                        after -> {
                          NotificationSettingsView view = NotificationSettingsView.of(after);
                          context
                              .effects()
                              .changed(
                                  NotificationSettingsView.ENTITY,
                                  user.toString(),
                                  NotificationSettingsView.of(before),
                                  view);
                          return Result.ok(view);
                        }));
  }

  private static NotificationKind kind(String name) {
    for (NotificationKind k : NotificationKind.values()) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }
}
