package dev.triage.adapters.out.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuteTextTemplatesTest {

  private final QuteTextTemplates templates = new QuteTextTemplates();

  private static final Map<String, Map<String, String>> VALUES =
      Map.of(
          "ticket", Map.of("number", "TCK-2026-000042"),
          "requester", Map.of("displayName", "Ada"));

  @Test
  void placeholders_render_and_everything_else_stays_literal() {
    String text =
        "Hi {{ requester.displayName }}, about {{ticket.number}}: {#if x}{/if} {x} \\{ \\ } a|}b {| {{{";
    assertThat(templates.placeholders(text.replace("{{{", ""), "body").orElseThrow())
        .containsExactly("requester.displayName", "ticket.number");
    assertThat(templates.render(text.replace("{{{", ""), VALUES))
        .isEqualTo("Hi Ada, about TCK-2026-000042: {#if x}{/if} {x} \\{ \\ } a|}b {| ");
  }

  @Test
  void a_placeholder_that_is_no_plain_name_is_answered_as_written() {
    assertThat(
            templates
                .placeholders("{{ticket.number.or('x')}} {{ #if a }} {{inject:bean}}", "body")
                .orElseThrow())
        .containsExactly("ticket.number.or('x')", "#if a", "inject:bean");
  }

  @Test
  void an_unclosed_placeholder_is_refused_naming_the_field() {
    Result<List<String>> refused = templates.placeholders("Hello {{ticket.number", "body");
    assertThat(refused).isInstanceOf(Result.Err.class);
    assertThat(((Result.Err<List<String>>) refused).fieldErrors()).containsKey("body");
  }
}
