package dev.triage.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {

  private static void assertFieldError(Result<?> result, String field) {
    assertThat(result).isInstanceOf(Result.Err.class);
    Result.Err<?> err = (Result.Err<?>) result;
    assertThat(err.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(err.fieldErrors()).containsKey(field);
  }

  @Test
  void a_title_is_trimmed_and_must_have_3_to_200_characters() {
    assertThat(Title.of("  Printer  ").orElseThrow().value()).isEqualTo("Printer");
    assertFieldError(Title.of("ab"), "title");
    assertFieldError(Title.of("   ab   "), "title");
    assertFieldError(Title.of(null), "title");
    assertThat(Title.of("x".repeat(200)).isOk()).isTrue();
    assertFieldError(Title.of("x".repeat(201)), "title");
  }

  @Test
  void lengths_count_characters_not_utf16_units() {
    String emoji = "\uD83D\uDD25"; // one character, two UTF-16 units
    assertThat(Title.of(emoji.repeat(200)).isOk()).isTrue();
    assertFieldError(Title.of(emoji.repeat(201)), "title");
  }

  @Test
  void a_description_must_not_be_blank_and_holds_at_most_20000_characters() {
    assertFieldError(Description.of(" \n "), "description");
    assertThat(Description.of("x".repeat(20_000)).isOk()).isTrue();
    assertFieldError(Description.of("x".repeat(20_001)), "description");
    assertThat(Description.of("    indented log line").orElseThrow().value())
        .isEqualTo("    indented log line");
  }

  @Test
  void a_category_is_trimmed_and_holds_1_to_60_characters() {
    assertThat(Category.of(" billing ").orElseThrow().value()).isEqualTo("billing");
    assertFieldError(Category.of(""), "category");
    assertFieldError(Category.of("x".repeat(61)), "category");
  }

  @Test
  void tags_are_normalized_deduplicated_and_bounded() {
    assertThat(Tags.of(List.of(" VPN ", "vpn", "Login")).orElseThrow().values())
        .containsExactly("vpn", "login");
    assertThat(Tags.of(null).orElseThrow()).isEqualTo(Tags.empty());
    assertFieldError(Tags.of(List.of(" ")), "tags");
    assertFieldError(Tags.of(List.of("x".repeat(41))), "tags");
    List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
    assertFieldError(Tags.of(twentyOne), "tags");
    List<String> twentyDistinctWithDuplicates = new ArrayList<>(twentyOne.subList(0, 20));
    twentyDistinctWithDuplicates.add("T0");
    assertThat(Tags.of(twentyDistinctWithDuplicates).orElseThrow().values()).hasSize(20);
  }

  @Test
  void priorities_go_up_one_level_and_critical_has_nothing_higher() {
    assertThat(Priority.LOW.higher()).contains(Priority.MEDIUM);
    assertThat(Priority.HIGH.next()).isEqualTo(Priority.CRITICAL);
    assertThat(Priority.CRITICAL.higher()).isEmpty();
    assertThat(Priority.CRITICAL.next()).isEqualTo(Priority.CRITICAL);
    assertThat(Priority.defaultPriority()).isEqualTo(Priority.MEDIUM);
    assertThat(Priority.parse("high").orElseThrow()).isEqualTo(Priority.HIGH);
    assertFieldError(Priority.parse("urgent"), "priority");
  }

  @Test
  void statuses_parse_by_name_and_only_closed_is_final() {
    assertThat(Status.parse("pending_customer").orElseThrow()).isEqualTo(Status.PENDING_CUSTOMER);
    assertFieldError(Status.parse("DONE"), "status");
    assertThat(Arrays.stream(Status.values()).filter(Status::isFinal))
        .containsExactly(Status.CLOSED);
  }

  @Test
  void a_ticket_number_is_prefix_year_and_six_zero_padded_digits() {
    assertThat(TicketNumber.of("TCK", 2026, 42).value()).isEqualTo("TCK-2026-000042");
    assertThat(TicketNumber.of("HELP2", 2027, 1_234_567).value()).isEqualTo("HELP2-2027-1234567");
    TicketNumber parsed = TicketNumber.parse("TCK-2026-000042").orElseThrow();
    assertThat(parsed.prefix()).isEqualTo("TCK");
    assertThat(parsed.year()).isEqualTo(2026);
    assertThat(parsed.sequence()).isEqualTo(42);
    assertFieldError(TicketNumber.parse("TCK-2026-42"), "number");
    assertFieldError(TicketNumber.parse("T-CK-2026-000042"), "number");
    assertFieldError(TicketNumber.parse("TCK-2026-000000"), "number");
    assertThatThrownBy(() -> TicketNumber.of("T K", 2026, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ticket_ids_are_version_7_uuids_that_sort_by_creation_time() {
    SplittableRandom random = new SplittableRandom(7);
    Instant earlier = Instant.parse("2026-03-02T09:00:00.001Z");
    TicketId first = TicketId.newId(earlier, random);
    TicketId second = TicketId.newId(earlier.plusMillis(1), random);
    assertThat(first.value().version()).isEqualTo(7);
    assertThat(first.value().variant()).isEqualTo(2);
    assertThat(Uuids.v7Millis(first.value())).isEqualTo(earlier.toEpochMilli());
    assertThat(first.value().toString()).isLessThan(second.value().toString());
  }

  @Test
  void ticket_ids_parse_only_in_canonical_form() {
    TicketId id = TicketId.newId(Instant.parse("2026-03-02T09:00:00Z"), new SplittableRandom(1));
    assertThat(TicketId.parse(id.toString()).orElseThrow()).isEqualTo(id);
    assertFieldError(TicketId.parse("1-1-1-1-1"), "id");
    assertFieldError(TicketId.parse("TCK-2026-000042"), "id");
  }

  @Test
  void a_ticket_edit_starts_empty_and_knows_staff_only_fields() {
    assertThat(TicketEdit.none().touchesStaffOnlyFields()).isFalse();
    assertThat(
            TicketEdit.none()
                .withTitle(Title.of("New title").orElseThrow())
                .touchesStaffOnlyFields())
        .isFalse();
    assertThat(TicketEdit.none().withoutCategory().category()).contains(Optional.empty());
    assertThat(TicketEdit.none().withPriority(Priority.LOW).touchesStaffOnlyFields()).isTrue();
  }
}
