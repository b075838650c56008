package dev.triage.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.Result;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorAndUserTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void agents_and_admins_are_staff_and_customers_are_not() {
    assertThat(Role.CUSTOMER.isStaff()).isFalse();
    assertThat(Role.AGENT.isStaff()).isTrue();
    assertThat(Role.ADMIN.isStaff()).isTrue();
    Actor agent = Actor.of(UserId.newId(NOW, new SplittableRandom(1)), Role.AGENT);
    assertThat(agent.isStaff()).isTrue();
    assertThat(agent.isAdmin()).isFalse();
    assertThat(agent.isSystem()).isFalse();
  }

  @Test
  void the_system_actor_has_a_reserved_id_and_admin_rights() {
    assertThat(Actor.system().id().value()).isEqualTo(new UUID(0, 0));
    assertThat(Actor.system().isAdmin()).isTrue();
    assertThat(Actor.system().isSystem()).isTrue();
  }

  @Test
  void user_ids_and_roles_parse_with_field_errors() {
    UserId id = UserId.newId(NOW, new SplittableRandom(2));
    assertThat(UserId.parse(id.toString()).orElseThrow()).isEqualTo(id);
    assertThat(UserId.parse("me"))
        .isInstanceOfSatisfying(
            Result.Err.class, err -> assertThat(err.fieldErrors()).containsKey("userId"));
    assertThat(Role.parse(" agent ").orElseThrow()).isEqualTo(Role.AGENT);
    assertThat(Role.parse("ROOT"))
        .isInstanceOfSatisfying(
            Result.Err.class, err -> assertThat(err.fieldErrors()).containsKey("role"));
  }

  @Test
  void user_events_have_stable_names() {
    UserId id = UserId.newId(NOW, new SplittableRandom(3));
    Actor admin = Actor.of(UserId.newId(NOW, new SplittableRandom(4)), Role.ADMIN);
    assertThat(new UserEvent.Registered(id, Role.CUSTOMER, Actor.of(id, Role.CUSTOMER), NOW).type())
        .isEqualTo("Registered");
    assertThat(new UserEvent.LoggedIn(id, NOW).type()).isEqualTo("LoggedIn");
    assertThat(new UserEvent.LoginFailed(Optional.empty(), NOW).type()).isEqualTo("LoginFailed");
    assertThat(new UserEvent.RoleChanged(id, Role.CUSTOMER, Role.AGENT, admin, NOW).type())
        .isEqualTo("RoleChanged");
    assertThat(new UserEvent.Deactivated(id, admin, NOW).type()).isEqualTo("Deactivated");
  }
}
