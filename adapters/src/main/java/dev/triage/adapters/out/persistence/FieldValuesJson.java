package dev.triage.adapters.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.triage.domain.ticket.FieldValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom field values in JSON (ADR 20), as {@code tickets.fields} keeps them and filters compare
 * them: numbers keep their exact text (a DECIMAL value's digits and scale), never rounded through a
 * binary floating point number.
 */
public final class FieldValuesJson {

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private FieldValuesJson() {}

  /** The values as a JSON object. */
  public static String write(Map<String, Object> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("field values not serializable", e);
    }
  }

  /** The values of a stored JSON object; none for null. */
  static FieldValues read(String json) {
    if (json == null || json.isEmpty()) {
      return FieldValues.NONE;
    }
    try {
      JsonNode node = JSON.readTree(json);
      Map<String, Object> values = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
      return new FieldValues(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored field values are not readable", e);
    }
  }

  /** A stored value as the domain keeps it (integers as Long, other numbers as BigDecimal). */
  static Object value(JsonNode v) {
    if (v.isArray()) {
      List<Object> items = new ArrayList<>();
      v.forEach(i -> items.add(value(i)));
      return items;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    return v.asText();
  }
}
