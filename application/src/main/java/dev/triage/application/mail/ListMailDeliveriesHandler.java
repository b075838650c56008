package dev.triage.application.mail;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.MailDeliveries;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** Reads the outbox for admins: one page of up to {@code limit} mails, newest first. */
public final class ListMailDeliveriesHandler
    implements Handler<ListMailDeliveries, List<MailDeliveryView>> {

  private final MailDeliveries deliveries;

  public ListMailDeliveriesHandler(MailDeliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public Uni<Result<List<MailDeliveryView>>> handle(
      ListMailDeliveries query, RequestContext context) {
    QueryParams params = new QueryParams();
    int limit = params.limit(query.limit());
    Optional<MailDeliveries.Status> status = Optional.empty();
    if (query.status() != null) {
      try {
        status = Optional.of(MailDeliveries.Status.valueOf(query.status()));
      } catch (IllegalArgumentException e) {
        params.invalid("status", "must be PENDING, SENT or DEAD");
      }
    }
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    return deliveries
        .list(status, limit)
        .map(rows -> Result.ok(rows.stream().map(MailDeliveryView::of).toList()));
  }
}
