package dev.triage.application.ticket.link;

import dev.triage.application.bus.Query;
import java.util.List;

/** The links of a ticket the caller may see, each to a ticket the caller may see too. */
public record ListTicketLinks(String ticket) implements Query<List<LinkView>> {}
