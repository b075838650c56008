package dev.triage.adapters.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void the_mac_is_hmac_sha256_in_lower_case_hex() {
    // The published HMAC-SHA256 example (key "key").
    assertThat(WebhookSignature.hex("key", "The quick brown fox jumps over the lazy dog"))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void the_header_signs_the_timestamp_a_dot_and_the_body_under_v1() {
    String body = "{\"id\":\"e1\",\"type\":\"TicketCreated\"}";
    assertThat(WebhookSignature.header("whsec_abc", 1_790_000_000L, body))
        .isEqualTo("v1=" + WebhookSignature.hex("whsec_abc", "1790000000." + body));
  }

  @Test
  void another_timestamp_body_or_secret_gives_another_signature() {
    String signed = WebhookSignature.header("whsec_abc", 1L, "{}");
    assertThat(WebhookSignature.header("whsec_abc", 2L, "{}")).isNotEqualTo(signed);
    assertThat(WebhookSignature.header("whsec_abc", 1L, "{ }")).isNotEqualTo(signed);
    assertThat(WebhookSignature.header("whsec_abd", 1L, "{}")).isNotEqualTo(signed);
  }
}
