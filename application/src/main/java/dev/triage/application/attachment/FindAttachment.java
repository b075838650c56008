package dev.triage.application.attachment;

import dev.triage.application.bus.Query;

/**
 * The file {@code id} names, when the caller may see it: an attachment as its comment (or ticket)
 * is seen, an unclaimed upload by its uploader alone.
 */
public record FindAttachment(String id) implements Query<StoredAttachment> {}
