package dev.triage.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each {@code TRIAGE_MAIL_SMTP_TLS} value makes of the mailer's two settings, read through the
 * interceptor as Quarkus reads them at start-up, and that anything else is refused.
 */
class SmtpTlsTest {

  private static SmallRyeConfig config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(new HashMap<>(values), "test", 500))
        .withInterceptors(new SmtpTls())
        .build();
  }

  private static String tls(SmallRyeConfig config) {
    return config.getRawValue("quarkus.mailer.tls");
  }

  private static String startTls(SmallRyeConfig config) {
    return config.getRawValue("quarkus.mailer.start-tls");
  }

  @Test
  void noneIsPlainSmtpWithStarttlsDisabled() {
    SmallRyeConfig c = config(Map.of("TRIAGE_MAIL_SMTP_TLS", "none"));
    assertThat(tls(c)).isEqualTo("false");
    assertThat(startTls(c)).isEqualTo("DISABLED");
  }

  @Test
  void unsetIsNone() {
    SmallRyeConfig c = config(Map.of());
    assertThat(tls(c)).isEqualTo("false");
    assertThat(startTls(c)).isEqualTo("DISABLED");
  }

  @Test
  void starttlsRequiresTheUpgrade() {
    SmallRyeConfig c = config(Map.of("TRIAGE_MAIL_SMTP_TLS", " StartTLS "));
    assertThat(tls(c)).isEqualTo("false");
    assertThat(startTls(c)).isEqualTo("REQUIRED");
  }

  @Test
  void tlsIsTlsFromTheFirstByte() {
    SmallRyeConfig c = config(Map.of("TRIAGE_MAIL_SMTP_TLS", "tls"));
    assertThat(tls(c)).isEqualTo("true");
    assertThat(startTls(c)).isEqualTo("DISABLED");
  }

  @Test
  void anExplicitMailerSettingWins() {
    SmallRyeConfig c =
        config(Map.of("TRIAGE_MAIL_SMTP_TLS", "tls", "quarkus.mailer.start-tls", "OPTIONAL"));
    assertThat(tls(c)).isEqualTo("true");
    assertThat(startTls(c)).isEqualTo("OPTIONAL");
  }

  @Test
  void anUnknownValueIsRefusedNamingTheVariable() {
    SmallRyeConfig c = config(Map.of("TRIAGE_MAIL_SMTP_TLS", "ssl"));
    assertThatThrownBy(() -> tls(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TRIAGE_MAIL_SMTP_TLS must be none, starttls or tls, not ssl");
    assertThatThrownBy(() -> startTls(c))
        .hasMessageContaining("TRIAGE_MAIL_SMTP_TLS must be none, starttls or tls");
  }
}
