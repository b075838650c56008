package dev.triage.application.attachment;

import java.util.UUID;

/**
 * A file as it is listed on its comment or ticket: what it is, never its bytes. An erased one (its
 * comment was redacted) keeps its name and size.
 *
 * @param commentId the comment it is attached to; null for a file of the ticket itself (attached
 *     when it was opened)
 */
public record AttachmentView(
    UUID id, String fileName, String contentType, long size, boolean erased, UUID commentId) {}
