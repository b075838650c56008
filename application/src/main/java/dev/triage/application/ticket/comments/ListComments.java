package dev.triage.application.ticket.comments;

import dev.triage.application.Page;
import dev.triage.application.bus.Query;
import dev.triage.application.ticket.CommentView;

/**
 * What has been written on this ticket, oldest first, a page at a time? Internal notes are left out
 * for those who may not see them; redacted comments stay, with an empty body.
 *
 * @param position the decoded cursor of the previous page, if any
 */
public record ListComments(String idOrNumber, String limit, String position)
    implements Query<Page<CommentView>> {}
