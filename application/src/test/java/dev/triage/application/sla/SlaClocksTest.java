package dev.triage.application.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.fakes.FixedSlaCatalog;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.application.port.Calendars;
import dev.triage.domain.sla.PolicyConditions;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaPolicyId;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaPolicyVersion;
import dev.triage.domain.sla.SlaTargets;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Description;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.ticket.Ticket;
import dev.triage.domain.ticket.TicketChange;
import dev.triage.domain.ticket.TicketEdit;
import dev.triage.domain.ticket.TicketId;
import dev.triage.domain.ticket.TicketNumber;
import dev.triage.domain.ticket.Title;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which versions a ticket is measured against as it is opened, changed and re-applied (ADR 17):
 * chosen by conditions, kept across edits of the policy, chosen again when a field a condition
 * reads changes, moved on purpose by re-apply.
 */
class SlaClocksTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final SlaPolicyId BILLING = SlaPolicyId.of(UUID.randomUUID());
  private static final UUID BILLING_V1 = UUID.randomUUID();
  private static final UUID BILLING_V2 = UUID.randomUUID();

  private final FixedSlaCatalog catalog =
      new FixedSlaCatalog().putPolicy(BILLING_V1, billing(1, Duration.ofMinutes(20)));
  private final SlaClocks clocks = new SlaClocks(catalog);
  private final Actor customer = TicketFixtures.customer();
  private final Actor agent = TicketFixtures.agent();

  @Test
  void a_ticket_is_measured_against_the_first_policy_its_fields_match() {
    SlaClocks.Measured billing = clocks.open(ticket("billing"), T0).await().indefinitely();
    SlaClocks.Measured other = clocks.open(ticket("hardware"), T0).await().indefinitely();

    assertThat(billing.applied().policy().id()).isEqualTo(BILLING);
    assertThat(billing.state().pin().policyVersionId()).isEqualTo(BILLING_V1);
    assertThat(billing.status().firstResponse().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
    assertThat(billing.applied().matched()).isNotEmpty();
    assertThat(other.state().pin().policyVersionId())
        .isEqualTo(FixedSlaCatalog.DEFAULT_POLICY_VERSION);
    assertThat(other.status().firstResponse().dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void an_edit_of_the_policy_moves_no_deadline_until_re_applied_and_re_apply_is_idempotent() {
    Ticket ticket = ticket("billing");
    SlaClocks.Measured opened = clocks.open(ticket, T0).await().indefinitely();
    catalog.putPolicy(BILLING_V2, billing(2, Duration.ofMinutes(45)));

    SlaClocks.Measured later =
        clocks.measure(ticket, opened.state(), T0.plusSeconds(60)).await().indefinitely();
    assertThat(later.state().pin()).isEqualTo(opened.state().pin());
    assertThat(later.status().firstResponse().dueAt())
        .isEqualTo(opened.status().firstResponse().dueAt());

    SlaClocks.Measured moved =
        clocks.reapply(ticket, opened.state(), T0.plusSeconds(60)).await().indefinitely().get();
    assertThat(moved.state().pin().policyVersionId()).isEqualTo(BILLING_V2);
    assertThat(moved.applied().policy().ref().version()).isEqualTo(2);
    assertThat(moved.status().firstResponse().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
    assertThat(clocks.reapply(ticket, moved.state(), T0.plusSeconds(90)).await().indefinitely())
        .isEmpty();
  }

  @Test
  void a_category_change_that_selects_another_policy_recomputes_the_due_date_from_creation() {
    Ticket ticket = ticket("hardware");
    SlaClocks.Measured opened = clocks.open(ticket, T0).await().indefinitely();
    Instant later = T0.plus(Duration.ofMinutes(10));
    TicketChange edit =
        ticket
            .edit(
                agent,
                new TicketEdit(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Optional.of(new Category("billing"))),
                    Optional.empty(),
                    Optional.empty()),
                later)
            .orElseThrow();

    SlaClocks.Changed changed =
        clocks.change(ticket, edit, opened.state(), later).await().indefinitely();

    assertThat(changed.measured().state().pin().policyVersionId()).isEqualTo(BILLING_V1);
    assertThat(changed.measured().status().firstResponse().dueAt())
        .isEqualTo(T0.plus(Duration.ofMinutes(20)));
  }

  @Test
  void a_change_that_still_selects_the_same_policy_keeps_its_pinned_version() {
    Ticket ticket = ticket("billing");
    SlaClocks.Measured opened = clocks.open(ticket, T0).await().indefinitely();
    catalog.putPolicy(BILLING_V2, billing(2, Duration.ofMinutes(45)));
    Instant later = T0.plus(Duration.ofMinutes(5));
    TicketChange edit =
        ticket
            .edit(
                agent,
                new TicketEdit(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(Tags.of(List.of("vip")).orElseThrow()),
                    Optional.empty()),
                later)
            .orElseThrow();

    SlaClocks.Changed changed =
        clocks.change(ticket, edit, opened.state(), later).await().indefinitely();

    assertThat(changed.measured().state().pin().policyVersionId()).isEqualTo(BILLING_V1);
  }

  private Ticket ticket(String category) {
    return Ticket.open(
            TicketId.newId(T0, new SplittableRandom(category.hashCode())),
            TicketNumber.of(TicketFixtures.PREFIX, 2026, Math.abs(category.hashCode() % 1000) + 1),
            customer,
            Title.of("Invoice is wrong").orElseThrow(),
            Description.of("Charged twice.").orElseThrow(),
            Priority.HIGH,
            Optional.of(new Category(category)),
            Tags.empty(),
            T0)
        .orElseThrow()
        .ticket();
  }

  private static SlaPolicyVersion billing(int version, Duration highFirstResponse) {
    Map<Priority, SlaTargets> targets = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      targets.put(p, new SlaTargets(Duration.ofHours(4), Duration.ofHours(24)));
    }
    targets.put(Priority.HIGH, new SlaTargets(highFirstResponse, Duration.ofHours(8)));
    SlaPolicyDefinition definition =
        SlaPolicyDefinition.of(
                "Billing",
                Calendars.TWENTY_FOUR_SEVEN,
                0.8,
                1,
                new PolicyConditions(List.of(), List.of("billing"), List.of(), List.of()),
                targets)
            .orElseThrow();
    return new SlaPolicyVersion(new SlaPolicyRef(BILLING, "Billing", version), false, definition);
  }
}
