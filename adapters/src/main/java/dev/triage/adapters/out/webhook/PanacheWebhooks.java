package dev.triage.adapters.out.webhook;

import dev.triage.application.port.Webhooks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook registrations in {@code webhooks}, on the command's own session and transaction. */
@ApplicationScoped
public class PanacheWebhooks implements Webhooks {

  @Override
  public Uni<Void> add(Stored webhook) {
    return Panache.getSession()
        .flatMap(s -> s.persist(WebhookEntity.fromDomain(webhook)).chain(s::flush));
  }

  @Override
  public Uni<Optional<Stored>> byId(UUID id) {
    return WebhookEntity.<WebhookEntity>findById(id)
        .map(e -> Optional.ofNullable(e).map(WebhookEntity::toDomain));
  }

  @Override
  public Uni<List<Stored>> all() {
    return WebhookEntity.<WebhookEntity>findAll(Sort.descending("createdAt").and("id"))
        .list()
        .map(rows -> rows.stream().map(WebhookEntity::toDomain).toList());
  }

  @Override
  public Uni<Void> update(Stored webhook) {
    return Panache.getSession()
        .flatMap(
            s ->
                s.find(WebhookEntity.class, webhook.id())
                    .flatMap(
                        e -> {
                          if (e == null) {
                            return Uni.createFrom().voidItem();
                          }
                          e.apply(webhook);
                          return s.flush();
                        }));
  }

  @Override
  public Uni<Boolean> delete(UUID id) {
    // The deliveries go with the webhook (on delete cascade in V10).
    return WebhookEntity.deleteById(id);
  }
}
