package dev.triage.application.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.application.ticket.change.AddComment;
import dev.triage.application.ticket.change.CloseTicket;
import dev.triage.application.ticket.create.CreateTicket;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The limits the commands check before any handler runs are the domain's, counted as the domain
 * counts (code points), and their messages name them.
 */
class CommandLimitsTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  /** An emoji is one character to a person and two UTF-16 units to Java. */
  private static final String EMOJI = "\uD83D\uDD25";

  @Test
  void a_title_of_200_emoji_is_200_characters_and_fits() {
    assertThat(errors(ticket(EMOJI.repeat(200), List.of()))).isEmpty();
  }

  @Test
  void a_title_one_character_too_long_is_refused_with_the_domain_limits() {
    assertThat(errors(ticket("x".repeat(201), List.of())))
        .containsEntry("title", "must be 3 to 200 characters");
  }

  @Test
  void too_many_or_too_long_tags_are_refused_naming_the_limits() {
    assertThat(errors(ticket("Printer", java.util.Collections.nCopies(21, "t"))))
        .containsEntry("tags", "at most 20 tags are allowed");
    assertThat(errors(ticket("Printer", List.of("x".repeat(41)))))
        .containsEntry("tags[0].<list element>", "each tag must be 1 to 40 characters");
  }

  @Test
  void a_reason_and_a_comment_are_limited_in_characters_not_in_utf16_units() {
    assertThat(errors(new CloseTicket("T", Optional.empty(), "x".repeat(1001))))
        .containsEntry("reason", "must be at most 1000 characters");
    assertThat(errors(new CloseTicket("T", Optional.empty(), EMOJI.repeat(1000)))).isEmpty();
    assertThat(errors(new AddComment("T", Optional.empty(), "x".repeat(20_001), false)))
        .containsEntry("body", "must be at most 20000 characters");
    assertThat(errors(new AddComment("T", Optional.empty(), EMOJI.repeat(20_000), false)))
        .isEmpty();
  }

  private static CreateTicket ticket(String title, List<String> tags) {
    return new CreateTicket(title, "It smokes.", null, null, tags);
  }

  private static Map<String, String> errors(Object command) {
    Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(command);
    Map<String, String> byField = new TreeMap<>();
    for (ConstraintViolation<Object> v : violations) {
      byField.put(v.getPropertyPath().toString(), v.getMessage());
    }
    return byField;
  }
}
