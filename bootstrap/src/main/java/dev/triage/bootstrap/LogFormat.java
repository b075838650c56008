package dev.triage.bootstrap;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code TRIAGE_LOG_FORMAT}: {@code text} (the default, one readable line per event) or {@code
 * json} (one JSON object per line, for log collectors; {@code deploy/} sets it). It decides {@code
 * quarkus.log.console.json.enabled} above {@code application.properties} and below an explicit
 * {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED}.
 */
public class LogFormat implements ConfigSource {

  static final String SETTING = "TRIAGE_LOG_FORMAT";
  static final String JSON_ENABLED = "quarkus.log.console.json.enabled";

  /** Between application.properties (250) and environment variables (300). */
  private static final int ORDINAL = 275;

  @Override
  public Set<String> getPropertyNames() {
    return format() == null ? Set.of() : Set.of(JSON_ENABLED);
  }

  @Override
  public Map<String, String> getProperties() {
    String value = getValue(JSON_ENABLED);
    return value == null ? Map.of() : Map.of(JSON_ENABLED, value);
  }

  @Override
  public String getValue(String name) {
    if (!JSON_ENABLED.equals(name)) {
      return null;
    }
    String format = format();
    if (format == null) {
      return null;
    }
    return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "json" -> "true";
      case "text" -> "false";
      default ->
          throw new IllegalArgumentException(
              SETTING + " must be text or json, not \"" + format + "\"");
    };
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  @Override
  public String getName() {
    return "TriageLogFormat";
  }

  private static String format() {
    String value = System.getProperty(SETTING);
    if (value == null || value.isBlank()) {
      value = System.getenv(SETTING);
    }
    return value == null || value.isBlank() ? null : value;
  }
}
