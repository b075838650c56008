package dev.triage.domain.ticket;

import static dev.triage.domain.testing.TicketMother.AGENT;
import static dev.triage.domain.testing.TicketMother.REQUESTER;
import static dev.triage.domain.testing.TicketMother.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.Result;
import dev.triage.domain.testing.TicketMother;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The rules of custom field definitions and values (ADR 20), and how a ticket changes them. */
class FieldValuesTest {

  private static FieldDefinition field(String key, FieldType type, List<String> options) {
    return new FieldDefinition(key, key, type, options, false, false, true, true, 0, true);
  }

  private static final FieldDefinition TEXT = field("t", FieldType.TEXT, List.of());
  private static final FieldDefinition INTEGER = field("i", FieldType.INTEGER, List.of());
  private static final FieldDefinition DECIMAL = field("d", FieldType.DECIMAL, List.of());
  private static final FieldDefinition DATE = field("day", FieldType.DATE, List.of());
  private static final FieldDefinition BOX = field("b", FieldType.CHECKBOX, List.of());
  private static final FieldDefinition DROP = field("dd", FieldType.DROPDOWN, List.of("a", "b"));
  private static final FieldDefinition MULTI =
      field("m", FieldType.MULTI_SELECT, List.of("x", "y", "z"));

  private static void refused(FieldDefinition f, Object raw) {
    Result<Object> r = f.value(raw);
    assertThat(r).as("%s refuses %s", f.type(), raw).isInstanceOf(Result.Err.class);
    assertThat(((Result.Err<Object>) r).fieldErrors()).containsOnlyKeys("fields." + f.key());
  }

  @Test
  void each_type_takes_its_values_as_stored() {
    assertThat(TEXT.value("hello").orElseThrow()).isEqualTo("hello");
    assertThat(INTEGER.value(new BigInteger("9223372036854775807")).orElseThrow())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(DECIMAL.value(new BigDecimal("12.50")).orElseThrow().toString()).isEqualTo("12.50");
    assertThat(DECIMAL.value(BigInteger.TEN).orElseThrow()).isEqualTo(BigDecimal.TEN);
    assertThat(DATE.value("2024-02-29").orElseThrow()).isEqualTo("2024-02-29");
    assertThat(BOX.value(true).orElseThrow()).isEqualTo(true);
    assertThat(DROP.value("b").orElseThrow()).isEqualTo("b");
    assertThat(MULTI.value(List.of("z", "x")).orElseThrow()).isEqualTo(List.of("z", "x"));
  }

  @Test
  void each_type_refuses_other_values_naming_the_field() {
    refused(TEXT, "");
    refused(TEXT, "x".repeat(256));
    refused(TEXT, 5);
    refused(INTEGER, new BigInteger("9223372036854775808"));
    refused(INTEGER, new BigDecimal("1.5"));
    refused(INTEGER, "1");
    refused(DECIMAL, "1.5");
    refused(DECIMAL, new BigDecimal("1E+100"));
    refused(DATE, "2026-02-30");
    refused(DATE, "2026-2-3");
    refused(DATE, "02/03/2026");
    refused(BOX, "true");
    refused(DROP, "c");
    refused(DROP, List.of("a"));
    refused(MULTI, "x");
    refused(MULTI, List.of("x", "x"));
    refused(MULTI, List.of("w"));
  }

  @Property
  void text_of_1_to_255_characters_is_kept_as_written_unless_it_holds_nul(
      @ForAll @StringLength(min = 1, max = 255) String text) {
    if (text.indexOf('\u0000') >= 0) {
      refused(TEXT, text); // jsonb cannot hold NUL
    } else {
      assertThat(TEXT.value(text).orElseThrow()).isEqualTo(text);
    }
  }

  @Property
  void every_64_bit_integer_is_kept_and_nothing_beyond(@ForAll long n) {
    assertThat(INTEGER.value(BigInteger.valueOf(n)).orElseThrow()).isEqualTo(n);
    BigInteger beyond =
        BigInteger.valueOf(n).add(BigInteger.valueOf(Long.MAX_VALUE)).add(BigInteger.TWO);
    if (beyond.bitLength() > 63) {
      refused(INTEGER, beyond);
    }
  }

  @Property
  void a_decimal_keeps_its_digits_and_scale(@ForAll long unscaled, @ForAll("scales") int scale) {
    BigDecimal d = BigDecimal.valueOf(unscaled, scale);
    assertThat(DECIMAL.value(d).orElseThrow().toString()).isEqualTo(d.toString());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> scales() {
    return net.jqwik.api.Arbitraries.integers().between(0, 18);
  }

  @Test
  void definitions_name_each_bad_part() {
    Result<FieldDefinition> bad =
        FieldDefinition.of("Bad-Key", " ", "COLOUR", List.of(), false, false, true, false, 0, true);
    assertThat(((Result.Err<FieldDefinition>) bad).fieldErrors())
        .containsOnlyKeys("key", "label", "type");
    assertThat(
            ((Result.Err<FieldDefinition>)
                    FieldDefinition.of(
                        "k",
                        "K",
                        "DROPDOWN",
                        List.of("a", "a"),
                        false,
                        false,
                        true,
                        false,
                        0,
                        true))
                .fieldErrors())
        .containsOnlyKeys("options");
    assertThat(
            ((Result.Err<FieldDefinition>)
                    FieldDefinition.of(
                        "k", "K", "TEXT", List.of("a"), false, false, true, false, 0, true))
                .fieldErrors())
        .containsOnlyKeys("options");
    assertThat(
            FieldDefinition.of(
                    "k_1", " K ", "DROPDOWN", List.of("a"), false, false, true, false, 0, true)
                .orElseThrow()
                .label())
        .isEqualTo("K");
  }

  @Test
  void customers_write_only_fields_they_see_and_may_edit_and_staff_only_ones_read_as_unknown() {
    FieldDefinition hidden =
        new FieldDefinition(
            "h", "H", FieldType.TEXT, List.of(), false, false, false, false, 0, true);
    FieldDefinition readOnly =
        new FieldDefinition(
            "r", "R", FieldType.TEXT, List.of(), false, false, true, false, 0, true);
    Map<String, FieldDefinition> catalogue = Map.of("h", hidden, "r", readOnly, "t", TEXT);
    var refused =
        (Result.Err<Map<String, Optional<Object>>>)
            FieldValues.accept(REQUESTER, catalogue, Map.of("h", "x", "r", "y"), false);
    assertThat(refused.fieldErrors()).containsOnlyKeys("fields.h", "fields.r");
    assertThat(refused.fieldErrors().get("fields.h").toString()).contains("no such field");
    assertThat(
            FieldValues.accept(AGENT, catalogue, Map.of("h", "x", "r", "y"), false).orElseThrow())
        .containsOnlyKeys("h", "r");
  }

  @Test
  void required_fields_must_be_given_at_creation_by_whom_they_are_required_of() {
    FieldDefinition forStaff =
        new FieldDefinition("s", "S", FieldType.TEXT, List.of(), false, true, true, false, 0, true);
    FieldDefinition forCustomers =
        new FieldDefinition("c", "C", FieldType.TEXT, List.of(), true, false, true, true, 0, true);
    Map<String, FieldDefinition> catalogue = Map.of("s", forStaff, "c", forCustomers);
    assertThat(((Result.Err<?>) FieldValues.accept(AGENT, catalogue, Map.of(), true)).fieldErrors())
        .containsOnlyKeys("fields.s");
    assertThat(
            ((Result.Err<?>) FieldValues.accept(REQUESTER, catalogue, Map.of(), true))
                .fieldErrors())
        .containsOnlyKeys("fields.c");
    assertThat(FieldValues.accept(AGENT, catalogue, Map.of(), false).isOk()).isTrue();
  }

  @Test
  void a_ticket_emits_one_field_changed_per_value_that_differs_internal_when_staff_only() {
    Ticket t = TicketMother.opened();
    Map<String, Optional<Object>> changes = new LinkedHashMap<>();
    changes.put("a", Optional.of("one"));
    changes.put("h", Optional.of("secret"));
    TicketChange first = t.changeFields(AGENT, changes, "h"::equals, minutes(1)).orElseThrow();
    assertThat(first.ticket().fields().values()).containsOnlyKeys("a", "h");
    assertThat(first.ticket().version()).isEqualTo(t.version() + 1);
    assertThat(first.events())
        .map(e -> (TicketEvent.FieldChanged) e)
        .extracting(TicketEvent.FieldChanged::key, TicketEvent::internal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", false),
            org.assertj.core.groups.Tuple.tuple("h", true));

    Map<String, Optional<Object>> again = new LinkedHashMap<>();
    again.put("a", Optional.of("one"));
    again.put("h", Optional.empty());
    TicketChange second =
        first.ticket().changeFields(AGENT, again, "h"::equals, minutes(2)).orElseThrow();
    assertThat(second.events()).hasSize(1);
    assertThat(second.ticket().fields().values()).containsOnlyKeys("a");
  }
}
