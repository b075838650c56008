package dev.triage.adapters.out.template;

import dev.triage.application.port.TextTemplates;
import dev.triage.domain.shared.Result;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Texts with {@code {{object.property}}} placeholders, parsed and rendered by Qute. A text is
 * turned into a Qute template first: each placeholder becomes a Qute expression {@code
 * {object.property}} and the text between them unparsed character data, so the rest of the text is
 * literal (no sections, no other expressions, backslashes as written). The placeholders are then
 * read back from the parsed template's expressions: a placeholder with a method call, an operator
 * or anything but dotted names is answered as written, so the caller refuses it as unknown.
 */
@ApplicationScoped
public class QuteTextTemplates implements TextTemplates {

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private final Engine engine = Engine.builder().addDefaults().strictRendering(true).build();

  @Override
  public Result<List<String>> placeholders(String text, String field) {
    Translated t = translate(text);
    if (t.problem() != null) {
      return Result.invalid(field, t.problem());
    }
    Template template;
    try {
      template = engine.parse(t.source());
    } catch (TemplateException e) {
      return Result.invalid(field, "cannot be read as a template: " + e.getMessage());
    }
    List<String> names = new ArrayList<>(t.odd());
    for (Expression e : template.getExpressions()) {
      boolean plain =
          e.getNamespace() == null
              && !e.isLiteral()
              && e.getParts().stream().noneMatch(Expression.Part::isVirtualMethod);
      names.add(
          plain
              ? e.getParts().stream().map(Expression.Part::getName).collect(Collectors.joining("."))
              : e.toOriginalString());
    }
    return Result.ok(List.copyOf(names));
  }

  @Override
  public String render(String text, Map<String, Map<String, String>> values) {
    Translated t = translate(text);
    if (t.problem() != null || !t.odd().isEmpty()) {
      throw new IllegalArgumentException("a template not checked: " + t.problem() + t.odd());
    }
    TemplateInstance instance = engine.parse(t.source()).instance();
    values.forEach(instance::data);
    return instance.render();
  }

  /**
   * A text as Qute source; {@code odd} the placeholders that are no dotted names (kept out of the
   * source, answered as unknown); {@code problem} an unclosed placeholder.
   */
  private record Translated(String source, List<String> odd, String problem) {}

  private static Translated translate(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    List<String> odd = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        escape(text.substring(i), out);
        break;
      }
      escape(text.substring(i, open), out);
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        return new Translated(null, odd, "has a {{ without its }}");
      }
      String inner = text.substring(open + 2, close).strip();
      if (NAME.matcher(inner).matches()) {
        out.append('{').append(inner).append('}');
      } else {
        odd.add(inner);
      }
      i = close + 2;
    }
    return new Translated(out.toString(), odd, null);
  }

  /**
   * {@code literal} as Qute's unparsed character data ({@code {|...|}}), rendered as it is; a
   * {@code |}} inside it ends one block after its {@code |} and writes its brace escaped.
   */
  private static void escape(String literal, StringBuilder out) {
    String[] parts = literal.split("\\|}", -1);
    for (int k = 0; k < parts.length; k++) {
      if (k > 0) {
        out.append("{|||}\\}");
      }
      if (!parts[k].isEmpty()) {
        out.append("{|").append(parts[k]).append("|}");
      }
    }
  }
}
