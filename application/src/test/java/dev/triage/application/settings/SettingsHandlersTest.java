package dev.triage.application.settings;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static dev.triage.application.fakes.TicketFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.fakes.InMemorySettings;
import dev.triage.application.fakes.TicketFixtures;
import dev.triage.domain.settings.RuntimeSettings;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.user.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading and changing the runtime settings against the row in memory. */
class SettingsHandlersTest {

  private static final Instant LATER = T0.plus(Duration.ofHours(1));

  private final InMemorySettings settings = new InMemorySettings();
  private final Actor admin = TicketFixtures.admin();
  private final ShowSettingsHandler show = new ShowSettingsHandler(settings);
  private final ChangeSettingsHandler change =
      new ChangeSettingsHandler(settings, TicketFixtures.at(LATER));

  private Result<SettingsView> change(ChangeSettings command, RequestContext context) {
    return change.handle(command, context).await().indefinitely();
  }

  private Result<SettingsView> change(ChangeSettings command) {
    return change(command, TicketFixtures.as(admin));
  }

  private static ChangeSettings patch(
      Optional<Long> ifMatch,
      Priority defaultPriority,
      List<Priority> customerPriorities,
      Boolean accept,
      String escalate,
      String close) {
    return new ChangeSettings(
        ifMatch, defaultPriority, customerPriorities, accept, escalate, close);
  }

  @Test
  void the_seed_reads_as_todays_behaviour_at_version_1() {
    SettingsView view =
        show.handle(new ShowSettings(), TicketFixtures.as(admin))
            .await()
            .indefinitely()
            .orElseThrow();

    assertThat(view.defaultPriority()).isEqualTo(Priority.MEDIUM);
    assertThat(view.customerPriorities())
        .containsExactly(Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.CRITICAL);
    assertThat(view.requesterMayAcceptResolution()).isTrue();
    assertThat(view.autoEscalateAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(view.autoCloseAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(view.version()).isEqualTo(1);
    assertThat(view.updatedBy()).isEmpty();
  }

  @Test
  void only_the_fields_given_change_and_the_change_is_the_next_version_with_its_audit_note() {
    RequestContext context = TicketFixtures.as(admin);

    SettingsView view =
        change(
                patch(
                    Optional.empty(),
                    null,
                    List.of(Priority.MEDIUM, Priority.LOW),
                    null,
                    "PT2H",
                    null),
                context)
            .orElseThrow();

    assertThat(view.customerPriorities()).containsExactly(Priority.LOW, Priority.MEDIUM);
    assertThat(view.autoEscalateAfter()).isEqualTo(Duration.ofHours(2));
    assertThat(view.defaultPriority()).isEqualTo(Priority.MEDIUM);
    assertThat(view.requesterMayAcceptResolution()).isTrue();
    assertThat(view.autoCloseAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(view.version()).isEqualTo(2);
    assertThat(view.updatedAt()).isEqualTo(LATER);
    assertThat(view.updatedBy()).contains(admin.id().value());
    assertThat(settings.get().await().indefinitely().mayCustomerChoose(Priority.CRITICAL))
        .isFalse();
    assertThat(context.effects().change())
        .hasValueSatisfying(
            c -> {
              assertThat(c.entityType()).isEqualTo("Settings");
              assertThat(c.entityId()).isEqualTo("settings");
              SettingsView.AuditState before = (SettingsView.AuditState) c.before().orElseThrow();
              SettingsView.AuditState after = (SettingsView.AuditState) c.after().orElseThrow();
              assertThat(before.autoEscalateAfter()).isEqualTo("PT24H");
              assertThat(after.autoEscalateAfter()).isEqualTo("PT2H");
              assertThat(before.customerPriorities()).hasSize(4);
              assertThat(after.customerPriorities()).containsExactly("LOW", "MEDIUM");
              assertThat(after.version()).isEqualTo(2);
            });
  }

  @Test
  void an_unreadable_duration_is_refused_naming_its_field_and_nothing_changes() {
    Result<SettingsView> refused =
        change(patch(Optional.empty(), null, null, false, "24 hours", "P1M"));

    assertThat(refused)
        .isInstanceOfSatisfying(
            Result.Err.class,
            err -> {
              assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(err.fieldErrors()).containsOnlyKeys("autoEscalateAfter", "autoCloseAfter");
            });
    assertThat(settings.writes()).isZero();
  }

  @Test
  void values_the_domain_refuses_are_named_field_by_field() {
    Result<SettingsView> refused =
        change(
            patch(Optional.empty(), Priority.HIGH, List.of(Priority.LOW), null, "PT30S", "P400D"));

    assertThat(refused)
        .isInstanceOfSatisfying(
            Result.Err.class,
            err ->
                assertThat(err.fieldErrors())
                    .containsOnlyKeys("customerPriorities", "autoEscalateAfter", "autoCloseAfter"));
    assertThat(settings.stored().version()).isEqualTo(1);
  }

  @Test
  void a_change_against_a_version_that_moved_on_is_refused() {
    settings.changedElsewhere(RuntimeSettings.defaults(), T0);

    assertRejected(
        change(patch(Optional.of(1L), null, null, false, null, null)), ErrorCode.VERSION_MISMATCH);
    assertThat(settings.stored().values().requesterMayAcceptResolution()).isTrue();

    SettingsView view = change(patch(Optional.of(2L), null, null, false, null, null)).orElseThrow();
    assertThat(view.requesterMayAcceptResolution()).isFalse();
    assertThat(view.version()).isEqualTo(3);
  }

  @Test
  void a_change_that_changes_nothing_keeps_the_version() {
    SettingsView view =
        change(patch(Optional.empty(), Priority.MEDIUM, null, true, "P1D", "PT168H")).orElseThrow();

    assertThat(view.version()).isEqualTo(1);
    assertThat(settings.writes()).isZero();
  }
}
