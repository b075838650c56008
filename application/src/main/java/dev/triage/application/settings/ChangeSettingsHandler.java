package dev.triage.application.settings;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Settings;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Locks the settings' row, compares the {@code If-Match} version, lets the domain check the fields
 * given on top of the stored ones (a refusal names each offending field), stores the result as the
 * next version and notes before and after for the audit trail. Settings that come out as they were
 * are answered without a new version.
 */
public final class ChangeSettingsHandler implements Handler<ChangeSettings, SettingsView> {

  private final Settings settings;
  private final Clock clock;

  public ChangeSettingsHandler(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Uni<Result<SettingsView>> handle(ChangeSettings c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    Optional<Duration> escalateAfter = duration("autoEscalateAfter", c.autoEscalateAfter(), errors);
    Optional<Duration> closeAfter = duration("autoCloseAfter", c.autoCloseAfter(), errors);
    if (!errors.isEmpty()) {
      return Uni.createFrom().item(errors.<SettingsView>toResult(() -> null));
    }
    return settings
        .findForUpdate()
        .flatMap(
            before -> {
              if (c.ifMatch().isPresent() && c.ifMatch().get() != before.version()) {
                return Uni.createFrom()
                    .item(
                        Result.<SettingsView>err(
                            ErrorCode.VERSION_MISMATCH,
                            "The settings are at version "
                                + before.version()
                                + ", not "
                                + c.ifMatch().get()
                                + "; reload them and try again."));
              }
              Result<RuntimeSettings> next =
                  before
                      .values()
                      .with(
                          Optional.ofNullable(c.defaultPriority()),
                          Optional.ofNullable(c.customerPriorities()),
                          Optional.ofNullable(c.requesterMayAcceptResolution()),
                          escalateAfter,
                          closeAfter);
              return Results.then(next, values -> save(before, values, context));
            });
  }

  private Uni<Result<SettingsView>> save(
      Settings.Stored before, RuntimeSettings values, RequestContext context) {
    SettingsView was = SettingsView.of(before);
    if (values.equals(before.values())) {
      context
          .effects()
          .changed(SettingsView.ENTITY, SettingsView.ENTITY_ID, was.audit(), was.audit());
      return Uni.createFrom().item(Result.ok(was));
    }
    Settings.Stored after =
        new Settings.Stored(
            values,
            before.version() + 1,
            clock.instant(),
            Optional.of(context.actor().id().value()));
    SettingsView now = SettingsView.of(after);
    return settings
        .update(after, before.version())
        .map(
            saved -> {
              if (!saved) {
                return Result.err(
                    ErrorCode.CONFLICT, "The settings changed at the same time; try again.");
              }
              context
                  .effects()
                  .changed(SettingsView.ENTITY, SettingsView.ENTITY_ID, was.audit(), now.audit());
              return Result.ok(now);
            });
  }

  /** The duration {@code text} names; empty when it is left out or, noted in errors, unreadable. */
  private static Optional<Duration> duration(String field, String text, FieldErrors errors) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(text.strip()));
    } catch (DateTimeParseException | ArithmeticException e) {
      errors.add(field, "must be an ISO-8601 duration such as PT24H or P7D");
      return Optional.empty();
    }
  }
}
