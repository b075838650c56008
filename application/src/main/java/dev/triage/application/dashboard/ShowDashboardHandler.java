package dev.triage.application.dashboard;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.list.QueryParams;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads the dashboard figures for a window, by default the 30 days up to now. */
public final class ShowDashboardHandler implements Handler<ShowDashboard, DashboardFigures> {

  /** The window when none is named. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  /** The longest window: the cost of the window figures grows with it. */
  public static final Duration MAX_WINDOW = Duration.ofDays(366);

  private final TicketQueries queries;
  private final Clock clock;

  public ShowDashboardHandler(TicketQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @Override
  public Uni<Result<DashboardFigures>> handle(ShowDashboard query, RequestContext context) {
    Instant now = clock.instant();
    QueryParams params = new QueryParams();
    Optional<Instant> from = params.instant("from", query.from());
    Optional<Instant> to = params.instant("to", query.to());
    Instant end = to.orElse(now);
    Instant start = from.orElse(end.minus(DEFAULT_WINDOW));
    if (!params.any()) {
      if (!start.isBefore(end)) {
        params.invalid("to", "must be later than from");
      } else if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
        params.invalid("from", "the window may span at most " + MAX_WINDOW.toDays() + " days");
      }
    }
    if (params.any()) {
      return Uni.createFrom().item(params.rejection());
    }
    return queries.dashboard(start, end, now).map(Result::ok);
  }
}
