package dev.triage.bootstrap;

import dev.triage.application.port.SavedViews;
import dev.triage.application.port.TicketQueries;
import dev.triage.application.ticket.list.ListTicketsHandler;
import dev.triage.application.view.ChangeView;
import dev.triage.application.view.ChangeViewHandler;
import dev.triage.application.view.CountViews;
import dev.triage.application.view.CountViewsHandler;
import dev.triage.application.view.CreateView;
import dev.triage.application.view.CreateViewHandler;
import dev.triage.application.view.DeleteView;
import dev.triage.application.view.DeleteViewHandler;
import dev.triage.application.view.FindView;
import dev.triage.application.view.FindViewHandler;
import dev.triage.application.view.ListViews;
import dev.triage.application.view.ListViewsHandler;
import dev.triage.application.view.ViewCounts;
import dev.triage.application.view.ViewTickets;
import dev.triage.application.view.ViewTicketsHandler;
import dev.triage.domain.access.AccessPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Saved views' use cases, bound to their port and to the ticket list's own handler (the one reading
 * of list parameters), and registered with the bus.
 */
@ApplicationScoped
public class ViewWiring {

  @Produces
  @Singleton
  ViewCounts viewCounts(
      TicketQueries queries,
      Clock clock,
      @ConfigProperty(name = "triage.views.count-ttl", defaultValue = "30s") Duration ttl,
      @ConfigProperty(name = "triage.views.count-cap", defaultValue = "10000") long cap) {
    return new ViewCounts(queries::count, clock, ttl, cap);
  }

  @Produces
  @Singleton
  HandlerModule views(
      SavedViews views,
      TicketQueries queries,
      ViewCounts counts,
      SecureRandom random,
      Clock clock) {
    ListTicketsHandler list = new ListTicketsHandler(queries, AccessPolicy.defaults(), clock);
    return registry ->
        registry
            .register(CreateView.class, new CreateViewHandler(views, list, clock, random))
            .register(ChangeView.class, new ChangeViewHandler(views, list, clock))
            .register(DeleteView.class, new DeleteViewHandler(views))
            .register(FindView.class, new FindViewHandler(views))
            .register(ListViews.class, new ListViewsHandler(views))
            .register(ViewTickets.class, new ViewTicketsHandler(views, list))
            .register(CountViews.class, new CountViewsHandler(views, list, counts, clock));
  }
}
