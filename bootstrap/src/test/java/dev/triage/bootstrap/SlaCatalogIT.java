package dev.triage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.triage.application.port.Calendars;
import dev.triage.application.port.SlaCatalog;
import dev.triage.application.port.SlaPolicies;
import dev.triage.application.sla.AppliedSla;
import dev.triage.bootstrap.support.Api;
import dev.triage.domain.sla.ConditionMatch;
import dev.triage.domain.sla.PolicyFacts;
import dev.triage.domain.ticket.Category;
import dev.triage.domain.ticket.Priority;
import dev.triage.domain.ticket.Tags;
import dev.triage.domain.user.UserId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The SLA catalogue (ADR 17, points 1, 2 and 5) against PostgreSQL: selection answers the current
 * version of the first matching policy with the current version of its calendar, else the default
 * policy on the 24x7 calendar; a pinned version reads back as it was whatever came after it; and a
 * creation, change or deletion over HTTP is seen by the next selection on this replica, with no
 * wait.
 */
@QuarkusTest
class SlaCatalogIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject SlaCatalog catalog;
  @Inject DataSource dataSource;

  @Test
  void a_ticket_no_policy_matches_gets_the_default_policy_on_the_24x7_calendar()
      throws SQLException {
    AppliedSla applied = select(Priority.MEDIUM, "nothing-" + UUID.randomUUID());

    assertThat(applied.policy().id()).isEqualTo(SlaPolicies.DEFAULT);
    assertThat(applied.policy().isDefault()).isTrue();
    assertThat(applied.policyVersionId())
        .isEqualTo(currentVersionId("sla_policies", SlaPolicies.DEFAULT.value()));
    assertThat(applied.calendar().id()).isEqualTo(Calendars.TWENTY_FOUR_SEVEN);
    assertThat(applied.calendarVersionId())
        .isEqualTo(currentVersionId("sla_calendars", Calendars.TWENTY_FOUR_SEVEN.value()));
    assertThat(applied.matched()).isEmpty();

    AppliedSla pinned =
        catalog.pinned(applied.policyVersionId(), applied.calendarVersionId()).await().atMost(WAIT);
    assertThat(pinned.policy()).isEqualTo(applied.policy());
    assertThat(pinned.calendar()).isEqualTo(applied.calendar());
    assertThat(pinned.samePin(applied)).isTrue();
  }

  @Test
  void selection_follows_each_creation_change_and_deletion_while_a_pin_keeps_its_version()
      throws SQLException {
    String admin = Api.adminToken();
    String calendar = null;
    String policy = null;
    try {
      calendar =
          Api.json(admin)
              .body(calendar("Catalogue " + UUID.randomUUID(), "09:00"))
              .post("/api/v1/calendars")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      UUID calendarId = UUID.fromString(calendar);
      String name = "Billing " + UUID.randomUUID();
      policy =
          Api.json(admin)
              .body(policy(name, calendar, "PT8H"))
              .post("/api/v1/sla-policies")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      UUID policyId = UUID.fromString(policy);
      UUID first = currentVersionId("sla_policies", policyId);
      UUID calendarFirst = currentVersionId("sla_calendars", calendarId);

      // (b) A billing ticket gets the new policy in the calendar's current version; others don't.
      AppliedSla billing = select(Priority.HIGH, "billing");
      assertThat(billing.policy().id().value()).isEqualTo(policyId);
      assertThat(billing.policy().ref().version()).isEqualTo(1);
      assertThat(billing.policyVersionId()).isEqualTo(first);
      assertThat(billing.calendar().id().value()).isEqualTo(calendarId);
      assertThat(billing.calendar().ref().version()).isEqualTo(1);
      assertThat(billing.calendarVersionId()).isEqualTo(calendarFirst);
      assertThat(billing.matched())
          .containsExactly(new ConditionMatch(ConditionMatch.Field.CATEGORIES, "billing"));
      assertThat(billing.settings().policy().targets(Priority.HIGH).resolution())
          .isEqualTo(Duration.ofHours(8));
      assertThat(select(Priority.HIGH, "shipping-" + UUID.randomUUID()).policy().id())
          .isEqualTo(SlaPolicies.DEFAULT);

      // (c) A change is version 2 for the next selection; the pin of version 1 still reads it.
      Api.json(admin)
          .header("If-Match", "\"1\"")
          .body(policy(name, calendar, "PT6H"))
          .put("/api/v1/sla-policies/" + policy)
          .then()
          .statusCode(200)
          .body("version", equalTo(2));
      UUID second = currentVersionId("sla_policies", policyId);
      assertThat(second).isNotEqualTo(first);
      AppliedSla changed = select(Priority.HIGH, "billing");
      assertThat(changed.policy().ref().version()).isEqualTo(2);
      assertThat(changed.policyVersionId()).isEqualTo(second);
      assertThat(changed.settings().policy().targets(Priority.HIGH).resolution())
          .isEqualTo(Duration.ofHours(6));
      AppliedSla pinned = catalog.pinned(first, calendarFirst).await().atMost(WAIT);
      assertThat(pinned.policy().ref().version()).isEqualTo(1);
      assertThat(pinned.policyVersionId()).isEqualTo(first);
      assertThat(pinned.settings().policy().targets(Priority.HIGH).resolution())
          .isEqualTo(Duration.ofHours(8));
      assertThat(pinned.calendarVersionId()).isEqualTo(calendarFirst);
      assertThat(pinned.matched()).isEmpty();

      // A change of the calendar moves the selection to its version 2; the pin keeps version 1.
      Api.json(admin)
          .body(calendar(calendarName(calendar), "08:00"))
          .put("/api/v1/calendars/" + calendar)
          .then()
          .statusCode(200)
          .body("version", equalTo(2));
      UUID calendarSecond = currentVersionId("sla_calendars", calendarId);
      AppliedSla moved = select(Priority.HIGH, "billing");
      assertThat(moved.calendar().ref().version()).isEqualTo(2);
      assertThat(moved.calendarVersionId()).isEqualTo(calendarSecond);
      assertThat(moved.policyVersionId()).isEqualTo(second);
      AppliedSla stillPinned = catalog.pinned(first, calendarFirst).await().atMost(WAIT);
      assertThat(stillPinned.calendar().ref().version()).isEqualTo(1);
      assertThat(stillPinned.calendar()).isEqualTo(pinned.calendar());

      // (d) Deleted, the policy is no longer selected.
      Api.as(admin).delete("/api/v1/sla-policies/" + policy).then().statusCode(204);
      policy = null;
      AppliedSla afterDeletion = select(Priority.HIGH, "billing");
      assertThat(afterDeletion.policy().id()).isEqualTo(SlaPolicies.DEFAULT);
      assertThat(afterDeletion.calendar().id()).isEqualTo(Calendars.TWENTY_FOUR_SEVEN);
      // Its versions stay pinned.
      assertThat(catalog.pinned(second, calendarSecond).await().atMost(WAIT).policy())
          .isEqualTo(changed.policy());
    } finally {
      if (policy != null) {
        Api.as(admin).delete("/api/v1/sla-policies/" + policy).then().statusCode(204);
      }
      if (calendar != null) {
        Api.as(admin).delete("/api/v1/calendars/" + calendar).then().statusCode(204);
      }
    }
  }

  @Test
  void a_version_row_that_does_not_exist_is_a_failure() {
    UUID nowhere = UUID.randomUUID();
    assertThatThrownBy(() -> catalog.pinned(nowhere, nowhere).await().atMost(WAIT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(nowhere.toString());
  }

  // ------------------------------------------------------------------------------ helpers

  private AppliedSla select(Priority priority, String category) {
    PolicyFacts facts =
        new PolicyFacts(
            priority,
            Optional.of(new Category(category)),
            Tags.empty(),
            UserId.of(UUID.randomUUID()));
    return catalog.select(facts).await().atMost(WAIT);
  }

  private static String calendar(String name, String mondayFrom) {
    return "{\"name\":\""
        + name
        + "\",\"timeZone\":\"Europe/Berlin\",\"week\":{\"MONDAY\":[{\"start\":\""
        + mondayFrom
        + "\",\"end\":\"17:00\"}]}}";
  }

  private static String calendarName(String id) {
    return Api.as(Api.adminToken()).get("/api/v1/calendars/" + id).path("name");
  }

  private static String policy(String name, String calendarId, String highResolution) {
    String clocks = "{\"firstResponse\":\"PT1H\",\"resolution\":\"PT24H\",\"nextReply\":\"PT1H\"}";
    return "{\"name\":\""
        + name
        + "\",\"calendarId\":\""
        + calendarId
        + "\",\"warningShare\":0.8,\"position\":1,"
        + "\"conditions\":{\"categories\":[\"billing\"]},\"targets\":{\"CRITICAL\":"
        + clocks
        + ",\"HIGH\":{\"firstResponse\":\"PT1H\",\"resolution\":\""
        + highResolution
        + "\",\"nextReply\":\"PT1H\"},\"MEDIUM\":"
        + clocks
        + ",\"LOW\":"
        + clocks
        + "}}";
  }

  /** The {@code current_version_id} of the row {@code id} of {@code table}. */
  private UUID currentVersionId(String table, UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select cast(current_version_id as text) from " + table + " where id = ?")) {
      s.setObject(1, id);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).as(table + " " + id).isTrue();
        return UUID.fromString(r.getString(1));
      }
    }
  }
}
