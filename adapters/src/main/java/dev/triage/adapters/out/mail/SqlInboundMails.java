package dev.triage.adapters.out.mail;

import dev.triage.application.port.InboundMails;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The originals of inbound mails, over the primary pool (a mail just received is there at once),
 * through the partial index V35 keeps on the mails that reached a ticket.
 */
@ApplicationScoped
public class SqlInboundMails implements InboundMails {

  /** At most this many per ticket: a long thread by mail still answers in one page. */
  static final int LIMIT = 200;

  static final String OF_TICKET =
      "select id, message_id, source, sender, subject, outcome, reason, raw, received_at"
          + " from inbound_mails where ticket_id = $1 order by received_at, id limit "
          + LIMIT;

  private final Pool primary;

  public SqlInboundMails(Pool primary) {
    this.primary = primary;
  }

  @Override
  public Uni<List<Original>> ofTicket(UUID ticket) {
    return primary
        .preparedQuery(OF_TICKET)
        .execute(Tuple.of(ticket))
        .map(
            rows -> {
              List<Original> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new Original(
                        r.getUUID(0),
                        r.getString(1),
                        r.getString(2),
                        Optional.ofNullable(r.getString(3)),
                        Optional.ofNullable(r.getString(4)),
                        r.getString(5),
                        Optional.ofNullable(r.getString(6)),
                        r.getBuffer(7).getBytes(),
                        r.getOffsetDateTime(8).toInstant()));
              }
              return out;
            });
  }
}
