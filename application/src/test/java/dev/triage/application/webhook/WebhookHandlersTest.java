package dev.triage.application.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.Page;
import dev.triage.application.bus.Effects;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.WebhookDeliveries;
import dev.triage.application.port.WebhookDeliveries.Delivery;
import dev.triage.application.port.WebhookDeliveries.Status;
import dev.triage.application.port.WebhookTargets;
import dev.triage.application.port.Webhooks;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.TicketEvent;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The webhook use cases against in-memory ports. */
class WebhookHandlersTest {

  static final Instant T0 = Instant.parse("2026-11-22T10:15:30Z");

  /** Registrations in memory. */
  static final class InMemoryWebhooks implements Webhooks {
    final Map<UUID, Stored> rows = new LinkedHashMap<>();

    @Override
    public Uni<Void> add(Stored webhook) {
      rows.put(webhook.id(), webhook);
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<Stored>> byId(UUID id) {
      return Uni.createFrom().item(Optional.ofNullable(rows.get(id)));
    }

    @Override
    public Uni<List<Stored>> all() {
      return Uni.createFrom()
          .item(
              rows.values().stream()
                  .sorted(Comparator.comparing(Stored::createdAt).reversed())
                  .toList());
    }

    @Override
    public Uni<Void> update(Stored webhook) {
      rows.replace(webhook.id(), webhook);
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Boolean> delete(UUID id) {
      return Uni.createFrom().item(rows.remove(id) != null);
    }
  }

  /** Delivery log in memory, ordered like the SQL adapter. */
  static final class InMemoryDeliveries implements WebhookDeliveries {
    final List<Delivery> rows = new ArrayList<>();

    @Override
    public Uni<List<Delivery>> page(UUID webhookId, Optional<Position> after, int limit) {
      Comparator<Delivery> newestFirst =
          Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id).reversed();
      return Uni.createFrom()
          .item(
              rows.stream()
                  .filter(d -> d.webhookId().equals(webhookId))
                  .filter(
                      d ->
                          after
                              .map(
                                  p ->
                                      d.createdAt().isBefore(p.createdAt())
                                          || d.createdAt().equals(p.createdAt())
                                              && d.id().compareTo(p.id()) < 0)
                              .orElse(true))
                  .sorted(newestFirst)
                  .limit(limit)
                  .toList());
    }

    @Override
    public Uni<Optional<Delivery>> byId(UUID webhookId, UUID deliveryId) {
      return Uni.createFrom()
          .item(
              rows.stream()
                  .filter(d -> d.id().equals(deliveryId) && d.webhookId().equals(webhookId))
                  .findFirst());
    }

    @Override
    public Uni<Boolean> redeliver(UUID webhookId, UUID deliveryId, Instant now) {
      for (int i = 0; i < rows.size(); i++) {
        Delivery d = rows.get(i);
        if (d.id().equals(deliveryId) && d.webhookId().equals(webhookId)) {
          rows.set(
              i,
              new Delivery(
                  d.id(),
                  d.webhookId(),
                  d.eventId(),
                  d.eventType(),
                  Status.PENDING,
                  d.attempts(),
                  d.lastResponseCode(),
                  d.lastError(),
                  Optional.of(now),
                  Optional.empty(),
                  d.createdAt()));
          return Uni.createFrom().item(true);
        }
      }
      return Uni.createFrom().item(false);
    }
  }

  /** Refuses hosts named "internal.example"; everything else may be called. */
  static final WebhookTargets TARGETS =
      url ->
          Uni.createFrom()
              .item(
                  "internal.example".equals(url.getHost())
                      ? Optional.of(
                          "host internal.example resolves to the private address 10.0.0.7")
                      : Optional.<String>empty());

  final InMemoryWebhooks webhooks = new InMemoryWebhooks();
  final InMemoryDeliveries deliveries = new InMemoryDeliveries();
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final RegisterWebhookHandler register = new RegisterWebhookHandler(webhooks, TARGETS, clock);
  final UpdateWebhookHandler update = new UpdateWebhookHandler(webhooks, TARGETS, clock);
  final Actor admin = Actor.of(UserId.of(UUID.randomUUID()), Role.ADMIN);

  RequestContext context() {
    return RequestContext.of(Caller.person(admin), "req-1", "203.0.113.7");
  }

  <T> T ok(Uni<Result<T>> result) {
    return result.await().indefinitely().orElseThrow();
  }

  Result.Err<?> refused(Uni<? extends Result<?>> result) {
    Result<?> r = result.await().indefinitely();
    assertThat(r).isInstanceOf(Result.Err.class);
    return (Result.Err<?>) r;
  }

  WebhookView registered(List<String> events, Boolean includeInternal) {
    return ok(
        register.handle(
            new RegisterWebhook("https://hooks.example.com/triage", events, null, includeInternal),
            context()));
  }

  @Test
  void a_registration_answers_with_a_long_random_secret_once_and_never_again() {
    WebhookView created = registered(null, null);

    assertThat(created.secret()).isPresent();
    String secret = created.secret().get();
    assertThat(secret).startsWith("whsec_");
    // 32 random bytes in base64url without padding: 43 characters.
    assertThat(secret.length() - "whsec_".length()).isGreaterThanOrEqualTo(43);
    assertThat(created.active()).isTrue();
    assertThat(created.includeInternal()).isFalse();
    assertThat(created.events()).isEmpty();
    assertThat(created.createdBy()).isEqualTo(admin.id().value());

    WebhookView read =
        ok(
            new FindWebhookHandler(webhooks)
                .handle(new FindWebhook(created.id().toString()), context()));
    List<WebhookView> listed =
        ok(new ListWebhooksHandler(webhooks).handle(new ListWebhooks(), context()));
    assertThat(read.secret()).isEmpty();
    assertThat(listed).extracting(WebhookView::secret).containsOnly(Optional.empty());
    assertThat(read.toString()).doesNotContain(secret);
  }

  @Test
  void two_registrations_get_different_secrets() {
    assertThat(registered(null, null).secret()).isNotEqualTo(registered(null, null).secret());
  }

  @Test
  void the_audit_trail_gets_the_registration_without_its_secret() {
    RequestContext context = context();
    WebhookView created =
        ok(
            register.handle(
                new RegisterWebhook("https://hooks.example.com/a", List.of(), false, true),
                context));

    Effects.Change change = context.effects().change().orElseThrow();
    assertThat(change.entityType()).isEqualTo("Webhook");
    assertThat(change.entityId()).isEqualTo(created.id().toString());
    assertThat(change.before()).isEmpty();
    WebhookView audited = (WebhookView) change.after().orElseThrow();
    assertThat(audited.secret()).isEmpty();
    assertThat(audited.active()).isFalse();
    assertThat(audited.includeInternal()).isTrue();
  }

  @Test
  void unknown_event_types_are_refused_naming_the_field_and_the_type() {
    Result.Err<?> err =
        refused(
            register.handle(
                new RegisterWebhook(
                    "https://hooks.example.com/a",
                    List.of("TicketCreated", "TicketExploded"),
                    null,
                    null),
                context()));

    assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(err.fieldErrors()).containsOnlyKeys("events");
    assertThat(err.fieldErrors().get("events").getFirst()).contains("TicketExploded");
    assertThat(webhooks.rows).isEmpty();
  }

  @Test
  void event_types_are_kept_once_each_in_the_order_given() {
    WebhookView created =
        registered(List.of("TicketAssigned", "TicketCreated", "TicketAssigned"), null);
    assertThat(created.events()).containsExactly("TicketAssigned", "TicketCreated");
  }

  @Test
  void urls_that_are_not_absolute_http_or_carry_credentials_are_refused_on_url() {
    for (String url :
        List.of(
            "",
            "/relative/path",
            "ftp://hooks.example.com/x",
            "javascript:alert(1)",
            "https://user:pass@hooks.example.com/x",
            "https://hooks.example.com/x#part",
            "http://exa mple.com/",
            "https://" + "a".repeat(2048) + ".example.com/")) {
      Result.Err<?> err =
          refused(register.handle(new RegisterWebhook(url, null, null, null), context()));
      assertThat(err.code()).as(url).isEqualTo(ErrorCode.VALIDATION_FAILED);
      assertThat(err.fieldErrors()).as(url).containsOnlyKeys("url");
    }
    assertThat(webhooks.rows).isEmpty();
  }

  @Test
  void a_url_whose_host_leads_into_the_private_network_is_refused_on_url() {
    Result.Err<?> err =
        refused(
            register.handle(
                new RegisterWebhook("https://internal.example/hook", null, null, null), context()));
    assertThat(err.fieldErrors().get("url").getFirst()).contains("private address");
    assertThat(webhooks.rows).isEmpty();
  }

  @Test
  void an_update_changes_only_the_fields_given_and_checks_a_new_url_again() {
    WebhookView created = registered(List.of("TicketCreated"), null);
    String id = created.id().toString();

    WebhookView paused =
        ok(update.handle(new UpdateWebhook(id, null, null, false, null), context()));
    assertThat(paused.active()).isFalse();
    assertThat(paused.events()).containsExactly("TicketCreated");
    assertThat(paused.url()).isEqualTo(created.url());

    WebhookView all =
        ok(update.handle(new UpdateWebhook(id, null, List.of(), null, true), context()));
    assertThat(all.events()).isEmpty();
    assertThat(all.includeInternal()).isTrue();
    assertThat(all.active()).isFalse();

    Result.Err<?> err =
        refused(
            update.handle(
                new UpdateWebhook(id, "http://internal.example/x", null, null, null), context()));
    assertThat(err.fieldErrors()).containsOnlyKeys("url");
    assertThat(webhooks.rows.get(created.id()).url()).isEqualTo(created.url());
    assertThat(webhooks.rows.get(created.id()).secret()).isEqualTo(created.secret().get());
  }

  @Test
  void an_unknown_or_malformed_webhook_id_is_not_found() {
    for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
      assertThat(
              refused(new FindWebhookHandler(webhooks).handle(new FindWebhook(id), context()))
                  .code())
          .isEqualTo(ErrorCode.NOT_FOUND);
      assertThat(
              refused(update.handle(new UpdateWebhook(id, null, null, true, null), context()))
                  .code())
          .isEqualTo(ErrorCode.NOT_FOUND);
      assertThat(
              refused(new DeleteWebhookHandler(webhooks).handle(new DeleteWebhook(id), context()))
                  .code())
          .isEqualTo(ErrorCode.NOT_FOUND);
    }
  }

  @Test
  void a_deleted_webhook_is_gone_and_the_audit_trail_keeps_what_it_was() {
    WebhookView created = registered(null, null);
    RequestContext context = context();

    assertThat(
            ok(
                new DeleteWebhookHandler(webhooks)
                    .handle(new DeleteWebhook(created.id().toString()), context)))
        .isTrue();

    assertThat(webhooks.rows).isEmpty();
    Effects.Change change = context.effects().change().orElseThrow();
    assertThat(change.after()).isEmpty();
    assertThat(((WebhookView) change.before().orElseThrow()).secret()).isEmpty();
  }

  @Test
  void the_delivery_log_comes_newest_first_in_pages_that_continue_where_the_last_stopped() {
    WebhookView created = registered(null, null);
    for (int i = 0; i < 5; i++) {
      deliveries.rows.add(delivery(created.id(), T0.plusSeconds(i), Status.DELIVERED));
    }
    deliveries.rows.add(delivery(UUID.randomUUID(), T0.plusSeconds(99), Status.DEAD));
    ListWebhookDeliveriesHandler list = new ListWebhookDeliveriesHandler(webhooks, deliveries);

    Page<Delivery> first =
        ok(
            list.handle(
                new ListWebhookDeliveries(created.id().toString(), Optional.empty(), 3),
                context()));
    Page<Delivery> second =
        ok(
            list.handle(
                new ListWebhookDeliveries(created.id().toString(), first.next(), 3), context()));

    assertThat(first.items())
        .extracting(Delivery::createdAt)
        .containsExactly(T0.plusSeconds(4), T0.plusSeconds(3), T0.plusSeconds(2));
    assertThat(second.items())
        .extracting(Delivery::createdAt)
        .containsExactly(T0.plusSeconds(1), T0);
    assertThat(second.next()).isEmpty();
    assertThat(
            refused(
                    list.handle(
                        new ListWebhookDeliveries(
                            created.id().toString(), Optional.of("garbage"), 3),
                        context()))
                .code())
        .isEqualTo(ErrorCode.MALFORMED_REQUEST);
  }

  @Test
  void a_dead_delivery_redelivered_is_pending_and_due_now_with_its_attempts_kept() {
    WebhookView created = registered(null, null);
    Delivery dead = delivery(created.id(), T0.minus(Duration.ofHours(1)), Status.DEAD);
    deliveries.rows.add(dead);
    RedeliverWebhookDeliveryHandler redeliver =
        new RedeliverWebhookDeliveryHandler(deliveries, clock);
    RequestContext context = context();

    Delivery again =
        ok(
            redeliver.handle(
                new RedeliverWebhookDelivery(created.id().toString(), dead.id().toString()),
                context));

    assertThat(again.status()).isEqualTo(Status.PENDING);
    assertThat(again.nextAttemptAt()).contains(T0);
    assertThat(again.attempts()).isEqualTo(dead.attempts());
    assertThat(context.effects().change().orElseThrow().entityType()).isEqualTo("WebhookDelivery");
    assertThat(
            refused(
                    redeliver.handle(
                        new RedeliverWebhookDelivery(
                            UUID.randomUUID().toString(), dead.id().toString()),
                        context()))
                .code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void the_event_types_a_webhook_may_name_are_exactly_the_ticket_events() {
    assertThat(WebhookEventTypes.ALL)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(TicketEvent.class.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .toList());
  }

  static Delivery delivery(UUID webhook, Instant createdAt, Status status) {
    return new Delivery(
        UUID.randomUUID(),
        webhook,
        UUID.randomUUID(),
        "TicketCreated",
        status,
        3,
        Optional.of(500),
        Optional.of("HTTP 500"),
        Optional.empty(),
        Optional.empty(),
        createdAt);
  }
}
