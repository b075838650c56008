package dev.triage.bootstrap;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.Locale;

/**
 * Reads {@code TRIAGE_MAIL_SMTP_TLS} ({@code none}, {@code starttls} or {@code tls}; none when
 * unset) into Quarkus Mailer's two settings: {@code quarkus.mailer.tls} (TLS from the first byte,
 * port 465) and {@code quarkus.mailer.start-tls} (DISABLED, or REQUIRED for starttls, so a server
 * that does not offer it is refused rather than spoken to in clear). An explicit {@code
 * quarkus.mailer.*} value wins. A value outside the three fails start-up, naming the variable.
 */
public class SmtpTls implements ConfigSourceInterceptor {

  static final String VARIABLE = "TRIAGE_MAIL_SMTP_TLS";

  @Override
  public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
    ConfigValue explicit = context.proceed(name);
    if (explicit != null
        || (!name.equals("quarkus.mailer.tls") && !name.equals("quarkus.mailer.start-tls"))) {
      return explicit;
    }
    ConfigValue mode = context.proceed(VARIABLE);
    String value = mailerValue(name, mode == null ? null : mode.getValue());
    return ConfigValue.builder().withName(name).withValue(value).build();
  }

  /**
   * The mailer setting {@code name} for the mode {@code mode} ({@code none} when null or blank).
   */
  static String mailerValue(String name, String mode) {
    String m = mode == null || mode.isBlank() ? "none" : mode.strip().toLowerCase(Locale.ROOT);
    if (!m.equals("none") && !m.equals("starttls") && !m.equals("tls")) {
      throw new IllegalArgumentException(VARIABLE + " must be none, starttls or tls, not " + mode);
    }
    return name.equals("quarkus.mailer.tls")
        ? Boolean.toString(m.equals("tls"))
        : m.equals("starttls") ? "REQUIRED" : "DISABLED";
  }
}
