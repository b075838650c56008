package dev.triage.domain.sla;

import static dev.triage.domain.sla.Policies.ALWAYS;
import static dev.triage.domain.sla.Policies.defaultPolicy;
import static dev.triage.domain.sla.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaPinTest {

  private static final CalendarVersion ALWAYS_V2 =
      new CalendarVersion(
          new CalendarRef(Policies.ALWAYS_ID, "24x7", 2), BusinessCalendar.twentyFourSeven());

  private static SlaPolicyVersion nextVersion(SlaPolicyVersion v) {
    return new SlaPolicyVersion(
        new SlaPolicyRef(v.id(), v.ref().name(), v.ref().version() + 1),
        v.isDefault(),
        v.definition());
  }

  private static PolicySelection selected(SlaPolicyVersion v) {
    return new PolicySelection(v, List.of());
  }

  @Test
  void a_new_ticket_pins_the_selected_policy_and_its_calendar() {
    SlaPin pin = SlaPin.of(selected(defaultPolicy()), ALWAYS);
    assertThat(pin).isEqualTo(new SlaPin(defaultPolicy().ref(), ALWAYS.ref()));
    CalendarVersion other =
        new CalendarVersion(
            new CalendarRef(CalendarId.of(new UUID(9, 9)), "24x7", 1),
            BusinessCalendar.twentyFourSeven());
    assertThatThrownBy(() -> SlaPin.of(defaultPolicy(), other))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_field_change_that_selects_the_same_policy_keeps_the_pin_even_if_it_was_edited() {
    SlaPin pin = SlaPin.of(selected(defaultPolicy()), ALWAYS);
    assertThat(pin.afterSelection(selected(nextVersion(defaultPolicy())), ALWAYS_V2)).isSameAs(pin);
  }

  @Test
  void a_field_change_that_selects_another_policy_pins_its_current_versions() {
    SlaPin pin = SlaPin.of(selected(defaultPolicy()), ALWAYS);
    SlaPolicyVersion billing = policy(1, 1, Policies.category("billing"));
    assertThat(pin.afterSelection(selected(billing), ALWAYS_V2))
        .isEqualTo(new SlaPin(billing.ref(), ALWAYS_V2.ref()));
  }

  @Test
  void re_apply_moves_a_ticket_to_the_current_versions_once() {
    SlaPin pin = SlaPin.of(selected(defaultPolicy()), ALWAYS);
    PolicySelection current = selected(nextVersion(defaultPolicy()));
    SlaPin moved = pin.reapply(current, ALWAYS_V2).orElseThrow();
    assertThat(moved.policy().version()).isEqualTo(2);
    assertThat(moved.calendar().version()).isEqualTo(2);
    assertThat(moved.reapply(current, ALWAYS_V2)).isEmpty();
    assertThat(pin.reapply(selected(defaultPolicy()), ALWAYS)).isEmpty();
  }
}
