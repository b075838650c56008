package dev.triage.application.slapolicy;

import static dev.triage.application.fakes.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.sla.BusinessCalendar;
import dev.triage.domain.sla.CalendarId;
import dev.triage.domain.sla.CalendarRef;
import dev.triage.domain.sla.CalendarVersion;
import dev.triage.domain.sla.SlaPolicyDefinition;
import dev.triage.domain.sla.SlaPolicyId;
import dev.triage.domain.sla.SlaPolicyRef;
import dev.triage.domain.sla.SlaPolicyVersion;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.user.Actor;
import dev.triage.domain.user.Caller;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SLA policy use cases against in-memory stores that keep every version. */
class SlaPolicyHandlersTest {

  static final Instant T0 = Instant.parse("2026-11-20T10:15:30Z");
  static final UUID SYSTEM = new UUID(0, 0);

  /** Policies in memory: every version ever written, and which is current. */
  static final class InMemoryPolicies implements SlaPolicies {
    final List<Stored> versions = new ArrayList<>();
    final Map<SlaPolicyId, Stored> current = new LinkedHashMap<>();

    private boolean nameTaken(Stored policy) {
      String name = policy.version().ref().name().toLowerCase(Locale.ROOT);
      return current.values().stream()
          .anyMatch(
              p ->
                  !p.id().equals(policy.id())
                      && p.version().ref().name().toLowerCase(Locale.ROOT).equals(name));
    }

    @Override
    public Uni<Boolean> add(Stored policy) {
      return change(policy);
    }

    @Override
    public Uni<Optional<Stored>> lock(SlaPolicyId id) {
      return current(id);
    }

    @Override
    public Uni<Boolean> change(Stored next) {
      if (nameTaken(next)) {
        return Uni.createFrom().item(false);
      }
      versions.add(next);
      current.put(next.id(), next);
      return Uni.createFrom().item(true);
    }

    @Override
    public Uni<Void> delete(SlaPolicyId id, Instant at) {
      current.remove(id);
      return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<Stored>> current(SlaPolicyId id) {
      return Uni.createFrom().item(Optional.ofNullable(current.get(id)));
    }

    @Override
    public Uni<List<Stored>> page(Optional<Position> after, int limit) {
      return Uni.createFrom()
          .item(
              current.values().stream()
                  .sorted(
                      Comparator.comparingInt((Stored p) -> p.version().definition().position())
                          .thenComparing(p -> p.id().value()))
                  .filter(
                      p ->
                          after.isEmpty()
                              || p.version().definition().position() > after.get().position()
                              || (p.version().definition().position() == after.get().position()
                                  && p.id().value().compareTo(after.get().id()) > 0))
                  .limit(limit)
                  .toList());
    }
  }

  /** The one live calendar these tests know: the 24x7 one. */
  static final class OneCalendar implements Calendars {
    final Calendars.Stored twentyFourSeven =
        new Calendars.Stored(
            new CalendarVersion(
                new CalendarRef(Calendars.TWENTY_FOUR_SEVEN, "24x7", 1),
                BusinessCalendar.twentyFourSeven()),
            UUID.randomUUID(),
            SYSTEM,
            T0);

    @Override
    public Uni<Boolean> add(Stored calendar) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Uni<Optional<Stored>> lock(CalendarId id) {
      return current(id);
    }

    @Override
    public Uni<Boolean> change(Stored next) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Uni<Void> delete(CalendarId id, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Uni<Optional<Stored>> current(CalendarId id) {
      return Uni.createFrom()
          .item(
              id.equals(Calendars.TWENTY_FOUR_SEVEN)
                  ? Optional.of(twentyFourSeven)
                  : Optional.empty());
    }

    @Override
    public Uni<List<Stored>> page(Optional<Position> after, int limit) {
      return Uni.createFrom().item(List.of(twentyFourSeven));
    }
  }

  final InMemoryPolicies policies = new InMemoryPolicies();
  final OneCalendar calendars = new OneCalendar();
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final Random random = new Random(17);
  final Actor admin = Actor.of(UserId.of(UUID.randomUUID()), Role.ADMIN);

  SlaPolicyHandlersTest() {
    SlaPolicyDefinition defaults = SlaPolicyDefinition.defaults(Calendars.TWENTY_FOUR_SEVEN);
    policies.change(
        new SlaPolicies.Stored(
            new SlaPolicyVersion(
                new SlaPolicyRef(SlaPolicies.DEFAULT, defaults.name(), 1), true, defaults),
            UUID.randomUUID(),
            SYSTEM,
            T0));
  }

  RequestContext context() {
    return RequestContext.of(Caller.person(admin), "req-1", "203.0.113.7");
  }

  static <T> Result<T> answer(Uni<Result<T>> result) {
    return result.await().indefinitely();
  }

  static SlaPolicyInput.Targets clocks(String resolution) {
    return new SlaPolicyInput.Targets("PT1H", resolution, "PT2H");
  }

  static SlaPolicyInput billing(String name, String highResolution, String calendarId) {
    Map<String, SlaPolicyInput.Targets> targets = new LinkedHashMap<>();
    targets.put("CRITICAL", clocks("PT4H"));
    targets.put("HIGH", clocks(highResolution));
    targets.put("MEDIUM", clocks("PT24H"));
    targets.put("LOW", clocks("PT48H"));
    return new SlaPolicyInput(
        name,
        calendarId,
        0.8,
        1,
        new SlaPolicyInput.Conditions(null, List.of("billing"), null, null),
        targets);
  }

  SlaPolicyView create(SlaPolicyInput input) {
    return answer(
            new CreateSlaPolicyHandler(policies, calendars, clock, random)
                .handle(new CreateSlaPolicy(input), context()))
        .orElseThrow();
  }

  Result<SlaPolicyView> change(String id, Optional<Long> ifMatch, SlaPolicyInput input) {
    return answer(
        new ChangeSlaPolicyHandler(policies, calendars, clock, random)
            .handle(new ChangeSlaPolicy(id, ifMatch, input), context()));
  }

  @Test
  void a_new_policy_is_version_1_in_the_shape_the_client_wrote_and_is_audited() {
    RequestContext context = context();
    SlaPolicyView view =
        answer(
                new CreateSlaPolicyHandler(policies, calendars, clock, random)
                    .handle(
                        new CreateSlaPolicy(
                            billing("Billing", "PT8H", Calendars.TWENTY_FOUR_SEVEN.toString())),
                        context))
            .orElseThrow();

    assertThat(view.version()).isEqualTo(1);
    assertThat(view.conditions().categories()).containsExactly("billing");
    assertThat(view.conditions().priorities()).isEmpty();
    assertThat(view.targets().keySet()).containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW");
    assertThat(view.targets().get("HIGH"))
        .isEqualTo(new SlaPolicyView.Targets("PT1H", "PT8H", "PT2H"));
    assertThat(context.effects().change())
        .hasValueSatisfying(
            c -> {
              assertThat(c.entityType()).isEqualTo(SlaPolicyView.ENTITY);
              assertThat(c.before()).isEmpty();
              assertThat(c.after()).contains(view);
            });
  }

  @Test
  void each_refusal_names_the_field_as_the_body_spells_it() {
    String calendar = Calendars.TWENTY_FOUR_SEVEN.toString();
    record Case(SlaPolicyInput input, String field) {}
    List<Case> cases =
        List.of(
            new Case(
                billing("Unknown calendar", "PT8H", UUID.randomUUID().toString()), "calendarId"),
            new Case(billing("Garbled calendar", "PT8H", "nope"), "calendarId"),
            new Case(billing("Zero", "PT0S", calendar), "targets.HIGH.resolution"),
            new Case(billing("Words", "soon", calendar), "targets.HIGH.resolution"),
            new Case(billing(" ", "PT8H", calendar), "name"));
    for (Case c : cases) {
      Result<SlaPolicyView> refused =
          answer(
              new CreateSlaPolicyHandler(policies, calendars, clock, random)
                  .handle(new CreateSlaPolicy(c.input()), context()));
      assertThat(refused)
          .as(c.field())
          .isInstanceOfSatisfying(
              Result.Err.class, err -> assertThat(err.fieldErrors()).containsOnlyKeys(c.field()));
    }
    assertThat(policies.versions).hasSize(1);
  }

  @Test
  void a_change_is_a_new_version_and_the_old_one_stays_as_it_was() {
    String calendar = Calendars.TWENTY_FOUR_SEVEN.toString();
    SlaPolicyView first = create(billing("Billing", "PT8H", calendar));
    SlaPolicies.Stored stored = policies.current.get(SlaPolicyId.of(first.id()));

    SlaPolicyView second =
        change(first.id().toString(), Optional.of(1L), billing("Billing", "PT6H", calendar))
            .orElseThrow();

    assertThat(second.version()).isEqualTo(2);
    assertThat(second.targets().get("HIGH").resolution()).isEqualTo("PT6H");
    assertThat(policies.versions).contains(stored);
    assertThat(stored.version().definition().targets().get(Priority.HIGH).resolution()).hasHours(8);
    assertRejected(
        change(first.id().toString(), Optional.of(1L), billing("Billing", "PT5H", calendar)),
        ErrorCode.VERSION_MISMATCH);
  }

  @Test
  void the_default_policy_cannot_be_deleted_and_others_can() {
    Result<Boolean> refused =
        answer(
            new DeleteSlaPolicyHandler(policies, clock)
                .handle(
                    new DeleteSlaPolicy(SlaPolicies.DEFAULT.toString(), Optional.empty()),
                    context()));
    assertRejected(refused, ErrorCode.CONFLICT);

    SlaPolicyView billing =
        create(billing("Billing", "PT8H", Calendars.TWENTY_FOUR_SEVEN.toString()));
    assertThat(
            answer(
                    new DeleteSlaPolicyHandler(policies, clock)
                        .handle(
                            new DeleteSlaPolicy(billing.id().toString(), Optional.empty()),
                            context()))
                .orElseThrow())
        .isTrue();
    assertThat(policies.current).containsOnlyKeys(SlaPolicies.DEFAULT);
  }

  @Test
  void a_name_another_live_policy_has_is_a_conflict() {
    String calendar = Calendars.TWENTY_FOUR_SEVEN.toString();
    create(billing("Billing", "PT8H", calendar));
    assertRejected(
        answer(
            new CreateSlaPolicyHandler(policies, calendars, clock, random)
                .handle(new CreateSlaPolicy(billing("BILLING", "PT8H", calendar)), context())),
        ErrorCode.CONFLICT);
  }
}
