package dev.triage.application.attachment;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an upload may be: at most {@code maxBytes} bytes, one of {@code allowedTypes} (checked
 * against the declared type and the first bytes, {@link FileTypes}); and how many files one comment
 * or new ticket may name.
 */
public record AttachmentLimits(long maxBytes, int maxPerComment, Set<String> allowedTypes) {

  /** 20 MB per file, 10 per comment, common pictures, PDF and text. */
  public static final AttachmentLimits DEFAULTS =
      new AttachmentLimits(
          20L * 1024 * 1024,
          10,
          Set.of(
              "image/png",
              "image/jpeg",
              "image/gif",
              "image/webp",
              "application/pdf",
              "application/zip",
              "text/plain",
              "text/csv",
              "application/json"));

  public AttachmentLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the size limit must be positive");
    }
    if (maxPerComment < 1) {
      throw new IllegalArgumentException("the files per comment must be positive");
    }
    allowedTypes =
        allowedTypes.stream()
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .filter(t -> !t.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  public boolean allows(String mediaType) {
    return allowedTypes.contains(mediaType);
  }
}
