package dev.triage.adapters.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.triage.application.identity.session.Session;
import dev.triage.domain.user.Account;
import dev.triage.domain.user.DisplayName;
import dev.triage.domain.user.Email;
import dev.triage.domain.user.Role;
import dev.triage.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

  /** Configured like the application's mapper (Java time as ISO text, Optional unwrapped). */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  final AuditJson json = new AuditJson(MAPPER);

  static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

  static Account account() {
    Instant now = Instant.parse("2026-11-22T10:15:30Z");
    return new Account(
        UserId.of(UUID.fromString("0191c0de-1111-7a3b-9d4e-2f1a6b8c9d0e")),
        Email.of("ann@example.com").orElseThrow(),
        DisplayName.of("Ann").orElseThrow(),
        Role.AGENT,
        true,
        HASH,
        3,
        now,
        now,
        2);
  }

  JsonNode written(Object state) throws Exception {
    return MAPPER.readTree(json.write(Optional.of(state)).orElseThrow());
  }

  @Test
  void an_account_is_written_without_its_password_hash() throws Exception {
    String text = json.write(Optional.of(account())).orElseThrow();

    assertThat(text).doesNotContain(HASH).doesNotContain("argon2").doesNotContain("passwordHash");
    JsonNode node = MAPPER.readTree(text);
    assertThat(node.get("email").asText()).isEqualTo("ann@example.com");
    assertThat(node.get("role").asText()).isEqualTo("AGENT");
    assertThat(node.get("sessionEpoch").asLong()).isEqualTo(3);
    assertThat(node.get("updatedAt").asText()).isEqualTo("2026-11-22T10:15:30Z");
  }

  @Test
  void ids_and_other_single_value_wrappers_are_written_as_their_value() throws Exception {
    JsonNode node = written(account());
    assertThat(node.get("id").asText()).isEqualTo("0191c0de-1111-7a3b-9d4e-2f1a6b8c9d0e");
    assertThat(node.get("displayName").asText()).isEqualTo("Ann");
  }

  @Test
  void session_tokens_are_never_written() throws Exception {
    String text =
        json.write(Optional.of(new Session("eyJhbGciOi.secret.jwt", 900, "rt_refresh-secret")))
            .orElseThrow();
    assertThat(text).doesNotContain("eyJhbGciOi").doesNotContain("rt_refresh-secret");
    assertThat(MAPPER.readTree(text).get("expiresIn").asInt()).isEqualTo(900);
  }

  record Token(String name, Optional<String> secret, String tokenHash, List<Nested> items) {}

  record Nested(String password, String apiKey, Map<String, String> more) {}

  @Test
  void secrets_are_dropped_however_deep_they_sit() throws Exception {
    Token token =
        new Token(
            "ci",
            Optional.of("trg_top-secret"),
            "deadbeef",
            List.of(new Nested("hunter2", "k-123", Map.of("refreshToken", "rt_x", "keep", "me"))));

    JsonNode node = written(token);

    assertThat(node.toString())
        .doesNotContain("trg_top-secret")
        .doesNotContain("deadbeef")
        .doesNotContain("hunter2")
        .doesNotContain("k-123")
        .doesNotContain("rt_x");
    assertThat(node.get("name").asText()).isEqualTo("ci");
    assertThat(node.get("items").get(0).get("more").get("keep").asText()).isEqualTo("me");
  }

  @Test
  void secret_names_are_recognised_in_any_case_and_as_endings() {
    assertThat(AuditJson.isSecret("passwordHash")).isTrue();
    assertThat(AuditJson.isSecret("TOKEN_HASH".replace("_", ""))).isTrue();
    assertThat(AuditJson.isSecret("accessToken")).isTrue();
    assertThat(AuditJson.isSecret("clientSecret")).isTrue();
    assertThat(AuditJson.isSecret("tokenId")).isFalse();
    assertThat(AuditJson.isSecret("sessionEpoch")).isFalse();
    assertThat(AuditJson.isSecret("title")).isFalse();
  }

  @Test
  void no_state_is_no_json() {
    assertThat(json.write(Optional.empty())).isEmpty();
  }
}
