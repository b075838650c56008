package dev.triage.adapters.out.webhook;

import dev.triage.application.port.Webhooks;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code webhooks} row. */
@Entity
@Table(name = "webhooks")
public class WebhookEntity extends PanacheEntityBase {

  @Id public UUID id;
  public String url;
  public String[] events;
  public boolean active;

  @Column(name = "include_internal")
  public boolean includeInternal;

  public String secret;

  @Column(name = "created_by")
  public UUID createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  static WebhookEntity fromDomain(Webhooks.Stored w) {
    WebhookEntity e = new WebhookEntity();
    e.id = w.id();
    e.secret = w.secret();
    e.createdBy = w.createdBy();
    e.createdAt = w.createdAt();
    e.apply(w);
    return e;
  }

  /** Takes over what an update may change. */
  void apply(Webhooks.Stored w) {
    url = w.url();
    events = w.events().toArray(String[]::new);
    active = w.active();
    includeInternal = w.includeInternal();
    updatedAt = w.updatedAt();
  }

  Webhooks.Stored toDomain() {
    return new Webhooks.Stored(
        id,
        url,
        events == null ? List.of() : List.of(events),
        active,
        includeInternal,
        secret,
        createdBy,
        createdAt,
        updatedAt);
  }

  @Override
  public String toString() {
    return "WebhookEntity[id=" + id + "]";
  }
}
