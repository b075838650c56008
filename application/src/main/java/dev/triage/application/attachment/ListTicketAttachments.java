package dev.triage.application.attachment;

import dev.triage.application.bus.Query;
import java.util.List;

/**
 * The files of a ticket the caller may see, oldest first: those it was opened with and those of its
 * comments; files of internal notes only for those who see internal notes.
 */
public record ListTicketAttachments(String idOrNumber) implements Query<List<AttachmentView>> {}
