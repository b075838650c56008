package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the states a handler recorded into the JSON the audit log keeps, without any secret: every
 * field named like a password, a token or a hash of one is dropped wherever it sits, whatever the
 * state's type, so an account's password hash or a token's secret never reaches the log. Single
 * value wrappers ({@code {"value":"..."}} of ids, emails, numbers) are written as their value.
 */
@ApplicationScoped
public class AuditJson {

  /** Field names (lower case) that are always secrets. */
  static final Set<String> SECRET_FIELDS =
      Set.of("password", "token", "secret", "accesstoken", "refreshtoken", "apikey");

  /**
   * Endings (lower case) of field names that are secrets: {@code passwordHash}, {@code tokenHash}.
   */
  static final List<String> SECRET_ENDINGS = List.of("hash", "secret", "password", "token");

  private final ObjectMapper mapper;

  public AuditJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The state as JSON text without secrets; empty when there is no state. */
  public Optional<String> write(Optional<Object> state) {
    if (state.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(mapper.writeValueAsString(clean(mapper.valueToTree(state.get()))));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "audit state not serializable: " + state.get().getClass().getSimpleName(), e);
    }
  }

  static boolean isSecret(String field) {
    String name = field.toLowerCase(Locale.ROOT);
    return SECRET_FIELDS.contains(name) || SECRET_ENDINGS.stream().anyMatch(name::endsWith);
  }

  /** {@code node} without secret fields, wrappers unwrapped; a new tree, the input untouched. */
  static JsonNode clean(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.size() == 1 && object.has("value") && object.get("value").isValueNode()) {
        return object.get("value");
      }
      ObjectNode cleaned = object.objectNode();
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = object.fields();
      it.forEachRemaining(fields::add);
      for (Map.Entry<String, JsonNode> field : fields) {
        if (!isSecret(field.getKey())) {
          cleaned.set(field.getKey(), clean(field.getValue()));
        }
      }
      return cleaned;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode cleaned = array.arrayNode();
      array.forEach(element -> cleaned.add(clean(element)));
      return cleaned;
    }
    return node;
  }
}
