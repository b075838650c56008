package dev.triage.adapters.out.mail;

import dev.triage.application.port.MailDeliveries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mail outbox as admins read it, over the primary pool. Mails not yet sent come from the
 * partial index V32 keeps for them; a list of sent mails reads the table.
 */
@ApplicationScoped
public class SqlMailDeliveries implements MailDeliveries {

  private static final String COLUMNS =
      "select id, kind, ticket_id, recipient, subject, status, attempts, last_error,"
          + " next_attempt_at, sent_at, created_at from mail_deliveries";

  static final String UNSENT =
      COLUMNS + " where status <> 'SENT' order by created_at desc, id desc limit $1";

  static final String BY_STATUS =
      COLUMNS + " where status = $2 order by created_at desc, id desc limit $1";

  private final Pool primary;

  public SqlMailDeliveries(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<List<Delivery>> list(Optional<Status> status, int limit) {
    return (status.isEmpty()
            ? primary.preparedQuery(UNSENT).execute(Tuple.of(limit))
            : primary.preparedQuery(BY_STATUS).execute(Tuple.of(limit, status.get().name())))
        .map(
            rows -> {
              List<Delivery> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Delivery(
                        r.getUUID(0),
                        r.getString(1),
                        Optional.ofNullable(r.getUUID(2)),
                        r.getString(3),
                        r.getString(4),
                        Status.valueOf(r.getString(5)),
                        r.getInteger(6),
                        Optional.ofNullable(r.getString(7)),
                        instant(r.getOffsetDateTime(8)),
                        instant(r.getOffsetDateTime(9)),
                        r.getOffsetDateTime(10).toInstant()));
              }
              return out;
            });
  }

  private static Optional<Instant> instant(OffsetDateTime at) {
    return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
  }
}
