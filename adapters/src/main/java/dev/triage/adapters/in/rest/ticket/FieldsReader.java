package dev.triage.adapters.in.rest.ticket;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's {@code fields} object (ADR 20) into the values the domain checks: text,
 * booleans, integers as {@link java.math.BigInteger}, other numbers as {@link BigDecimal} exactly
 * as written (never through a binary floating point number), arrays as lists, null as null. A
 * nested object is kept as itself, which no field accepts (422 naming the field).
 */
public final class FieldsReader extends JsonDeserializer<Map<String, Object>> {

  @Override
  public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctx)
      throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return ctx.reportInputMismatch(Map.class, "fields must be an object of values by field key");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      values.put(key, value(p));
    }
    return values;
  }

  @Override
  public Map<String, Object> getNullValue(DeserializationContext ctx) {
    return null;
  }

  private static Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getBigIntegerValue();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p));
        }
        yield items;
      }
      default -> p.readValueAs(JsonNode.class);
    };
  }

  /** A value of a tree already read (the bulk request's change): numbers as exact as the tree. */
  static Object value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      List<Object> items = new ArrayList<>();
      v.forEach(i -> items.add(value(i)));
      return items;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue();
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    return v;
  }
}
