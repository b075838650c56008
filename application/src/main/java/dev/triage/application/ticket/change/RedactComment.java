package dev.triage.application.ticket.change;

import dev.triage.application.bus.Command;
import dev.triage.application.ticket.CommentView;
import java.util.Optional;

/** Erase a comment's text (its author within 15 minutes, or an admin); the fact remains. */
public record RedactComment(String ticket, Optional<Long> ifMatch, String commentId)
    implements Command<CommentView> {}
