package dev.triage.bootstrap;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code TRIAGE_DB_SSLMODE} with libpq's meaning. The reactive client verifies a server certificate
 * whenever it encrypts, while libpq's {@code allow}, {@code prefer} and {@code require} encrypt
 * without verifying (CloudNativePG's certificates come from its own CA): for those three modes this
 * source sets {@code quarkus.datasource.reactive.trust-all}, above {@code application.properties}
 * and below an explicit {@code QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL}. {@code verify-ca} and {@code
 * verify-full} verify, against the CA the README says how to give.
 */
public class DatabaseTls implements ConfigSource {

  static final String SETTING = "TRIAGE_DB_SSLMODE";
  static final String TRUST_ALL = "quarkus.datasource.reactive.trust-all";

  /** Between application.properties (250) and environment variables (300). */
  private static final int ORDINAL = 275;

  @Override
  public Set<String> getPropertyNames() {
    return getValue(TRUST_ALL) == null ? Set.of() : Set.of(TRUST_ALL);
  }

  @Override
  public Map<String, String> getProperties() {
    String value = getValue(TRUST_ALL);
    return value == null ? Map.of() : Map.of(TRUST_ALL, value);
  }

  @Override
  public String getValue(String name) {
    if (!TRUST_ALL.equals(name)) {
      return null;
    }
    return encryptsWithoutVerifying(mode()) ? "true" : null;
  }

  /** Whether libpq's {@code sslmode} encrypts (when it does) without checking the certificate. */
  static boolean encryptsWithoutVerifying(String mode) {
    if (mode == null) {
      return false;
    }
    return switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "allow", "prefer", "require" -> true;
      default -> false;
    };
  }

  @Override
  public int getOrdinal() {
    return ORDINAL;
  }

  @Override
  public String getName() {
    return "TriageDatabaseTls";
  }

  private static String mode() {
    String value = System.getProperty(SETTING);
    if (value == null || value.isBlank()) {
      value = System.getenv(SETTING);
    }
    return value == null || value.isBlank() ? null : value;
  }
}
