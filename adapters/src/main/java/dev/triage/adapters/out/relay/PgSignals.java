package dev.triage.adapters.out.relay;

import dev.triage.adapters.out.persistence.CachedSessionAccounts;
import dev.triage.adapters.out.persistence.CachedSettings;
import dev.triage.adapters.out.persistence.SqlSlaCatalog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One dedicated connection per replica that LISTENs to the relays' signal {@code triage_events} (a
 * relay round published up to a position: fire {@link EventsPublished} for live streams and
 * webhooks) and to {@code triage_accounts} (an account changed: drop it from {@link
 * CachedSessionAccounts}; after a reconnect, drop them all) and to {@code triage_settings} (the
 * runtime settings changed: drop {@link CachedSettings}' copy, also after a reconnect; ADR 17) and
 * to {@code triage_sla} (a policy or calendar changed: drop {@link SqlSlaCatalog}'s current rules,
 * also after a reconnect; ADR 17). Ticket commands send no signal (ADR 0010): the replica that
 * commits events wakes its own relay in-process. Signals only wake; the outbox is the truth, so a
 * signal lost while reconnecting costs at most a poll period.
 */
@ApplicationScoped
public class PgSignals {

  private static final Logger LOG = Logger.getLogger(PgSignals.class);
  private static final Duration RECONNECT_EVERY = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final OutboxRelay relay;
  private final CachedSessionAccounts accounts;
  private final CachedSettings settings;
  private final SqlSlaCatalog sla;
  private final Event<EventsPublished> published;
  private final String url;
  private final String user;
  private final Optional<String> password;
  private volatile PgSubscriber subscriber;

  public PgSignals(
      Vertx vertx,
      OutboxRelay relay,
      CachedSessionAccounts accounts,
      CachedSettings settings,
      SqlSlaCatalog sla,
      Event<EventsPublished> published,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") String user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.vertx = vertx;
    this.relay = relay;
    this.accounts = accounts;
    this.settings = settings;
    this.sla = sla;
    this.published = published;
    this.url = url;
    this.user = user;
    this.password = password;
  }

  void start(@Observes StartupEvent start) {
    PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
    options.setUser(user);
    password.ifPresent(options::setPassword);
    PgSubscriber pg = PgSubscriber.subscriber(vertx, options);
    pg.reconnectPolicy(attempt -> RECONNECT_EVERY.toMillis());
    pg.channel("triage_events")
        .handler(
            payload -> {
              long last;
              try {
                last = Long.parseLong(payload);
              } catch (NumberFormatException notAPosition) {
                return;
              }
              published.fireAsync(new EventsPublished(last));
            });
    // Reconnected after a loss: signals may have been missed, so look once.
    pg.channel("triage_events").subscribeHandler(relay::kick);
    pg.channel("triage_accounts")
        .handler(
            payload -> {
              try {
                accounts.forget(UUID.fromString(payload));
              } catch (IllegalArgumentException notAnId) {
                accounts.forgetAll();
              }
            });
    pg.channel("triage_accounts").subscribeHandler(accounts::forgetAll);
    pg.channel("triage_settings").handler(version -> settings.forget());
    pg.channel("triage_settings").subscribeHandler(settings::forget);
    pg.channel(SqlSlaCatalog.CHANNEL).handler(what -> sla.invalidate());
    pg.channel(SqlSlaCatalog.CHANNEL).subscribeHandler(sla::invalidate);
    subscriber = pg;
    pg.connect()
        .subscribe()
        .with(
            ok -> LOG.debug("Listening to the database's signals"),
            failure ->
                LOG.warnf(
                    "Could not listen to the database's signals (polling only): %s",
                    failure.toString()));
  }

  void stop(@Observes ShutdownEvent stop) {
    PgSubscriber pg = subscriber;
    if (pg != null) {
      pg.closeAndAwait();
    }
  }
}
