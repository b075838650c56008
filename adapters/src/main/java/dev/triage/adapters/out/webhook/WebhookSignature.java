package dev.triage.adapters.out.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Triage-Signature} header: {@code v1=} and the hex HMAC-SHA256, keyed with the
 * webhook's whole secret (UTF-8), of the {@code Triage-Timestamp} value, a dot and the raw body.
 * Signing the timestamp with the body lets receivers refuse old messages replayed at them.
 */
public final class WebhookSignature {

  /** The scheme's tag: a later scheme can be sent next to it while receivers move over. */
  public static final String VERSION = "v1";

  private WebhookSignature() {}

  public static String header(String secret, long timestamp, String body) {
    return VERSION + "=" + hex(secret, timestamp + "." + body);
  }

  static String hex(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
