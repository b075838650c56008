package dev.triage.adapters.out.idempotency;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.triage.application.bus.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The JSON of idempotency records, with a mapper of its own so that what is stored does not change
 * with the REST layer's settings: the canonical form of a command (its type and its record
 * components, sorted) that its fingerprint is taken over, and the envelope {@code {"type",
 * "value"}} that a command's answer is stored in and read back from as the same type.
 *
 * <p>Values are read through their record components (fields and canonical constructors), never
 * through getters, so records with extra accessors (such as {@code ClockStatus.paused()}) read back
 * equal to what was written. Only Triage's own types and a few JDK values are ever instantiated.
 */
final class IdempotencyJson {

  private static final String OWN_TYPES = "dev.triage.";
  private static final Set<String> JDK_TYPES =
      Set.of(
          Boolean.class.getName(),
          String.class.getName(),
          Integer.class.getName(),
          Long.class.getName());

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .visibility(PropertyAccessor.GETTER, Visibility.NONE)
          .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, Visibility.ANY)
          .build();

  /** The bytes a command's fingerprint is taken over: its type name, a newline, its JSON. */
  byte[] canonical(Command<?> command) {
    try {
      String text = command.getClass().getName() + "\n" + mapper.writeValueAsString(command);
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "command not serializable: " + command.getClass().getName(), e);
    }
  }

  /** {@code {"type": <class name or null>, "value": <the value>}}. */
  byte[] encode(Object value) {
    ObjectNode envelope = JsonNodeFactory.instance.objectNode();
    if (value == null) {
      envelope.putNull("type");
      envelope.putNull("value");
    } else {
      envelope.put("type", value.getClass().getName());
      envelope.set("value", mapper.valueToTree(value));
    }
    try {
      return mapper.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer not serializable: " + value.getClass().getName(), e);
    }
  }

  /** Reads back what {@link #encode} wrote, as the same type. */
  Object decode(byte[] json) {
    try {
      JsonNode envelope = mapper.readTree(json);
      JsonNode type = envelope.get("type");
      if (type == null || type.isNull()) {
        return null;
      }
      return mapper.treeToValue(envelope.get("value"), typeNamed(type.asText()));
    } catch (IOException e) {
      throw new IllegalStateException("stored answer unreadable", e);
    }
  }

  private static Class<?> typeNamed(String name) {
    if (!name.startsWith(OWN_TYPES) && !JDK_TYPES.contains(name)) {
      throw new IllegalStateException("stored answer of a type never stored: " + name);
    }
    try {
      return Class.forName(name, false, IdempotencyJson.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("stored answer of an unknown type: " + name, e);
    }
  }
}
