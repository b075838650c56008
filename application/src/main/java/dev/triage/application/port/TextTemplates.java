package dev.triage.application.port;

import dev.triage.domain.shared.Result;
import java.util.List;
import java.util.Map;

/**
 * Texts with placeholders written {@code {{object.property}}} (canned responses, macro replies),
 * parsed and rendered by a template engine. Everything else in a text is literal.
 */
public interface TextTemplates {

  /**
   * The placeholders of {@code text} as written between the double braces (trimmed), in order of
   * appearance; a rejection naming {@code field} when the engine cannot parse the text.
   */
  Result<List<String>> placeholders(String text, String field);

  /**
   * {@code text} with each placeholder replaced by its value in {@code values} (by object, then by
   * property); a text given here has been checked by {@link #placeholders}.
   */
  String render(String text, Map<String, Map<String, String>> values);
}
