package dev.triage.adapters.out.idempotency;

import dev.triage.application.port.IdempotencyStore.Scope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the client's idempotency key yields, for one scope, under the deployment's secret. The
 * database never sees the key itself: rows are found by an HMAC-SHA-256 of it keyed by the secret,
 * the request's fingerprint is an HMAC keyed by a key derived from both, and the stored answer is
 * sealed (AES-256-GCM) with another such key. Whoever reads the table (a dump, a backup) therefore
 * can neither confirm a guessed client key, however weak, nor learn the bodies' secrets (a login's
 * password can't be guessed against a plain hash of the body) or the answers' (sessions, API token
 * secrets) without the secret too.
 *
 * <p>{@link #legacy} yields what a record written before the secret was used was keyed with (the
 * client's key alone), so such records are still found and replayed until they expire.
 */
final class KeySecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final byte[] lookupHash;
  private final byte[] fingerprintKey;
  private final byte[] sealKey;
  private final byte[] scopeBytes;
  private final int lockNumber;

  private KeySecrets(Scope scope, byte[] secret) {
    byte[] key = scope.key().getBytes(StandardCharsets.UTF_8);
    this.scopeBytes = (scope.caller() + "\n" + scope.operation()).getBytes(StandardCharsets.UTF_8);
    byte[] lookup = concat(utf8("triage idempotency lookup\n" + scope.operation() + "\n"), key);
    byte[] legacyLookup = sha256(lookup);
    // The lock number stays what it was, so replicas on either side of an upgrade share it.
    this.lockNumber = ByteBuffer.wrap(sha256(concat(scopeBytes, legacyLookup))).getInt();
    if (secret == null) {
      this.lookupHash = legacyLookup;
      this.fingerprintKey = hmac(key, utf8("triage idempotency fingerprint"));
      this.sealKey = hmac(key, concat(utf8("triage idempotency answer\n"), scopeBytes));
    } else {
      this.lookupHash = hmac(secret, lookup);
      byte[] root = hmac(secret, concat(utf8("triage idempotency key\n"), key));
      this.fingerprintKey = hmac(root, utf8("triage idempotency fingerprint"));
      this.sealKey = hmac(root, concat(utf8("triage idempotency answer\n"), scopeBytes));
    }
  }

  /** The scope's secrets under the deployment's {@code secret}. */
  static KeySecrets of(Scope scope, byte[] secret) {
    return new KeySecrets(scope, secret.clone());
  }

  /**
   * The scope's secrets as records written before the deployment's secret was used were keyed: from
   * the client's key alone. Read only, never written; once every such record has expired (one
   * {@code triage.idempotency.ttl} after the upgrade) nothing is found with them.
   */
  static KeySecrets legacy(Scope scope) {
    return new KeySecrets(scope, null);
  }

  /**
   * The keyed hash of the operation and the key: how the row is found, next to the caller. Of fixed
   * size, however long the path, so the primary key never outgrows an index entry.
   */
  byte[] lookupHash() {
    return lookupHash.clone();
  }

  /** The advisory-lock number of the scope (32 bits: a rare collision only costs a 409). */
  int lockNumber() {
    return lockNumber;
  }

  /** HMAC-SHA-256 of {@code canonical} under a key derived from the client's key and the secret. */
  byte[] fingerprint(byte[] canonical) {
    return hmac(fingerprintKey, canonical);
  }

  static boolean same(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /** IV, then ciphertext and tag; the scope is authenticated with it. */
  byte[] seal(byte[] plain) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(sealKey, "AES"),
          new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(scopeBytes);
      return concat(iv, cipher.doFinal(plain));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Opens what {@link #seal} made for the same key and scope; fails on anything else. */
  byte[] open(byte[] sealed) {
    if (sealed.length < IV_BYTES + TAG_BITS / 8) {
      throw new IllegalStateException("stored answer too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(sealKey, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      cipher.updateAAD(scopeBytes);
      return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("stored answer does not open with this key", e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] p : parts) {
      length += p.length;
    }
    byte[] all = Arrays.copyOf(parts[0], length);
    int at = parts[0].length;
    for (int i = 1; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, all, at, parts[i].length);
      at += parts[i].length;
    }
    return all;
  }
}
