package dev.triage.application.fakes;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Outbox;
import dev.triage.domain.ticket.TicketEvent;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table in memory: the events appended, in order, with the request that appended them.
 * Like the SQL outbox it notes on the request's effects that events wait for publication, and only
 * when there are some.
 */
public final class InMemoryOutbox implements Outbox {

  /** One appended event and the id of the request that appended it. */
  public record Row(TicketEvent event, String requestId) {}

  private final List<Row> rows = new ArrayList<>();
  private int wakeUps;

  @Override
  public Uni<Void> append(List<TicketEvent> events, RequestContext context) {
    return Uni.createFrom()
        .item(
            () -> {
              if (!events.isEmpty()) {
                context.effects().markEventsAppended();
                events.forEach(e -> rows.add(new Row(e, context.requestId())));
              }
              return null;
            });
  }

  @Override
  public void committed() {
    wakeUps++;
  }

  /** Every event appended so far, oldest first. */
  public List<TicketEvent> events() {
    return rows.stream().map(Row::event).toList();
  }

  /** The appended events of one type, oldest first. */
  public <E extends TicketEvent> List<E> events(Class<E> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** How often the publisher was woken after a commit. */
  public int wakeUps() {
    return wakeUps;
  }
}
