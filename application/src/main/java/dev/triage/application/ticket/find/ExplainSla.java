package dev.triage.application.ticket.find;

import dev.triage.application.bus.Query;
import dev.triage.domain.sla.SlaExplanation;

/** Why are this ticket's deadlines what they are? */
public record ExplainSla(String idOrNumber) implements Query<SlaExplanation> {}
