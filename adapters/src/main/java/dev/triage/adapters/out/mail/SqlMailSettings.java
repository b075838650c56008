package dev.triage.adapters.out.mail;

import dev.triage.application.port.MailSettings;
import dev.triage.domain.notification.NotificationKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Notification settings in {@code notification_settings} (V32), over the primary pool: a kind
 * switched off is a row with {@code email} false; switching it on again deletes the row.
 */
@ApplicationScoped
public class SqlMailSettings implements MailSettings {

  static final String OFF =
      "select kind from notification_settings where user_id = $1 and not email";

  static final String SWITCH_OFF =
      "insert into notification_settings (user_id, kind, email, updated_at)"
          + " select $1, k, false, $3 from unnest($2::text[]) as k"
          + " on conflict (user_id, kind) do update set email = false, updated_at = $3";

  static final String SWITCH_ON =
      "delete from notification_settings where user_id = $1 and kind = any($2::text[])";

  private final Pool primary;

  public SqlMailSettings(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<Set<NotificationKind>> switchedOff(UUID user) {
    return primary
        .preparedQuery(OFF)
        .execute(Tuple.of(user))
        .map(
            rows -> {
              Set<NotificationKind> off = EnumSet.noneOf(NotificationKind.class);
              for (Row r : rows) {
                try {
                  off.add(NotificationKind.valueOf(r.getString(0)));
                } catch (IllegalArgumentException gone) {
                  // a kind that no longer exists: nothing to switch off
                }
              }
              return off;
            });
  }

  @Override
  public Uni<Void> set(UUID user, Map<NotificationKind, Boolean> email, Instant now) {
    List<String> off = new ArrayList<>();
    List<String> on = new ArrayList<>();
    email.forEach((kind, wanted) -> (wanted ? on : off).add(kind.name()));
    return primary.withTransaction(
        tx ->
            tx.preparedQuery(SWITCH_OFF)
                .execute(Tuple.of(user, off.toArray(String[]::new), now.atOffset(ZoneOffset.UTC)))
                .flatMap(
                    ignored ->
                        tx.preparedQuery(SWITCH_ON)
                            .execute(Tuple.of(user, on.toArray(String[]::new))))
                .replaceWithVoid());
  }
}
