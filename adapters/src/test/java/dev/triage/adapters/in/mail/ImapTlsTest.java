package dev.triage.adapters.in.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What each {@code TRIAGE_MAIL_IMAP_TLS} value makes of the IMAP session, and what is refused. */
class ImapTlsTest {

  @Test
  void tlsSpeaksImapsFromTheFirstByte() {
    Properties p = ImapPoller.sessionProperties("mail.example", 993, ImapPoller.tlsMode("tls"));
    assertThat(ImapPoller.protocol("tls")).isEqualTo("imaps");
    assertThat(p.getProperty("mail.imaps.host")).isEqualTo("mail.example");
    assertThat(p.getProperty("mail.imaps.port")).isEqualTo("993");
    assertThat(p.getProperty("mail.imap.starttls.enable")).isNull();
    assertThat(p.stringPropertyNames()).noneMatch(k -> k.startsWith("mail.imap."));
  }

  @Test
  void starttlsSpeaksImapAndRequiresTheUpgrade() {
    Properties p =
        ImapPoller.sessionProperties("mail.example", 143, ImapPoller.tlsMode(" STARTTLS "));
    assertThat(ImapPoller.protocol("starttls")).isEqualTo("imap");
    assertThat(p.getProperty("mail.imap.host")).isEqualTo("mail.example");
    assertThat(p.getProperty("mail.imap.port")).isEqualTo("143");
    assertThat(p.getProperty("mail.imap.starttls.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.imap.starttls.required")).isEqualTo("true");
  }

  @Test
  void noneSpeaksPlainImap() {
    Properties p = ImapPoller.sessionProperties("mail.example", 143, ImapPoller.tlsMode("none"));
    assertThat(ImapPoller.protocol("none")).isEqualTo("imap");
    assertThat(p.getProperty("mail.imap.port")).isEqualTo("143");
    assertThat(p.getProperty("mail.imap.starttls.enable")).isNull();
    assertThat(p.getProperty("mail.imap.starttls.required")).isNull();
    assertThat(p.stringPropertyNames()).noneMatch(k -> k.startsWith("mail.imaps."));
  }

  @Test
  void anUnknownModeIsRefusedWhenThePollerIsMadeNamingTheVariable() {
    assertThatThrownBy(
            () ->
                new ImapPoller(
                    null,
                    Optional.of("mail.example"),
                    993,
                    "ssl",
                    Optional.empty(),
                    Optional.empty(),
                    "INBOX",
                    true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TRIAGE_MAIL_IMAP_TLS must be none, starttls or tls, not ssl");
    assertThatThrownBy(() -> ImapPoller.tlsMode(""))
        .hasMessageContaining("TRIAGE_MAIL_IMAP_TLS must be none, starttls or tls");
  }
}
