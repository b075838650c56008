package dev.triage.domain.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.escalation.AutoClosePolicy;
import dev.triage.domain.escalation.AutoEscalationPolicy;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.TicketRules;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

  private static Map<String, List<String>> fieldErrors(Result<?> result) {
    assertThat(result).isInstanceOf(Result.Err.class);
    return ((Result.Err<?>) result).fieldErrors();
  }

  private static Result<RuntimeSettings> settings(
      Priority defaultPriority, List<Priority> customer, Duration escalate, Duration close) {
    return RuntimeSettings.of(defaultPriority, customer, true, escalate, close);
  }

  @Test
  void the_defaults_are_todays_behaviour() {
    RuntimeSettings d = RuntimeSettings.defaults();
    assertThat(d.defaultPriority())
        .isEqualTo(Priority.MEDIUM)
        .isEqualTo(Priority.defaultPriority());
    assertThat(d.customerPriorities()).isEqualTo(EnumSet.allOf(Priority.class));
    assertThat(d.requesterMayAcceptResolution()).isTrue();
    assertThat(d.autoEscalation()).isEqualTo(AutoEscalationPolicy.defaults());
    assertThat(d.autoClose()).isEqualTo(AutoClosePolicy.defaults());
    assertThat(d.ticketRules(TicketRules.defaults())).isEqualTo(TicketRules.defaults());
    for (Priority p : Priority.values()) {
      assertThat(d.mayCustomerChoose(p)).isTrue();
    }
  }

  @Test
  void a_customer_choosing_a_priority_the_settings_do_not_allow_is_refused_naming_priority() {
    RuntimeSettings noCritical =
        settings(
                Priority.MEDIUM,
                List.of(Priority.LOW, Priority.MEDIUM, Priority.HIGH),
                Duration.ofHours(24),
                Duration.ofDays(7))
            .orElseThrow();
    assertThat(noCritical.mayCustomerChoose(Priority.CRITICAL)).isFalse();
    assertThat(noCritical.mayCustomerChoose(Priority.HIGH)).isTrue();
    assertThat(fieldErrors(noCritical.customerPriority(Optional.of(Priority.CRITICAL))))
        .containsOnlyKeys("priority");
    assertThat(noCritical.customerPriority(Optional.of(Priority.LOW)))
        .isEqualTo(Result.ok(Priority.LOW));
    assertThat(noCritical.customerPriority(Optional.empty())).isEqualTo(Result.ok(Priority.MEDIUM));
  }

  @Test
  void customer_priorities_are_not_empty_and_contain_the_default() {
    assertThat(
            fieldErrors(
                settings(Priority.MEDIUM, List.of(), Duration.ofHours(1), Duration.ofDays(1))))
        .containsOnlyKeys("customerPriorities");
    assertThat(
            fieldErrors(
                settings(
                    Priority.HIGH, List.of(Priority.LOW), Duration.ofHours(1), Duration.ofDays(1))))
        .containsOnlyKeys("customerPriorities");
    assertThat(
            fieldErrors(
                settings(null, List.of(Priority.LOW), Duration.ofHours(1), Duration.ofDays(1))))
        .containsOnlyKeys("defaultPriority");
    assertThat(fieldErrors(settings(Priority.LOW, null, Duration.ofHours(1), Duration.ofDays(1))))
        .containsOnlyKeys("customerPriorities");
  }

  @Test
  void the_ages_are_positive_and_bounded() {
    List<Priority> all = List.of(Priority.values());
    assertThat(fieldErrors(settings(Priority.LOW, all, Duration.ZERO, Duration.ofDays(366))))
        .containsOnlyKeys("autoEscalateAfter", "autoCloseAfter");
    assertThat(fieldErrors(settings(Priority.LOW, all, Duration.ofSeconds(-1), null)))
        .containsOnlyKeys("autoEscalateAfter", "autoCloseAfter");
    assertThat(settings(Priority.LOW, all, Duration.ofMinutes(1), Duration.ofDays(365)).isOk())
        .isTrue();
  }

  @Test
  void a_patch_changes_only_what_it_names_and_is_checked_again() {
    RuntimeSettings patched =
        RuntimeSettings.defaults()
            .with(
                Optional.of(Priority.LOW),
                Optional.of(Set.of(Priority.LOW)),
                Optional.of(false),
                Optional.empty(),
                Optional.empty())
            .orElseThrow();
    assertThat(patched.customerPriorities()).containsExactly(Priority.LOW);
    assertThat(patched.requesterMayAcceptResolution()).isFalse();
    assertThat(patched.autoCloseAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(patched.ticketRules(TicketRules.defaults()).requesterMayAcceptResolution())
        .isFalse();
    assertThat(
            fieldErrors(
                RuntimeSettings.defaults()
                    .with(
                        Optional.empty(),
                        Optional.of(Set.of(Priority.HIGH)),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())))
        .containsOnlyKeys("customerPriorities");
  }

  @Test
  void the_constructor_refuses_what_of_refuses() {
    assertThatThrownBy(
            () ->
                new RuntimeSettings(
                    Priority.LOW, Set.of(), true, Duration.ofHours(1), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
