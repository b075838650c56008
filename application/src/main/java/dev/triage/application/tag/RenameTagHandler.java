package dev.triage.application.tag;

import dev.triage.application.Results;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.Tickets;
import dev.triage.domain.shared.FieldErrors;
import dev.triage.domain.shared.Result;
import dev.triage.domain.ticket.Tags;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * Renames or merges a tag across all tickets in one statement, each changed ticket's version raised
 * by one, and leaves one audit entry (entity {@code Tag}, the old name as its id, the count after).
 */
public record RenameTagHandler(Tickets tickets) implements Handler<RenameTag, Integer> {

  public static final String ENTITY = "Tag";

  @Override
  public Uni<Result<Integer>> handle(RenameTag c, RequestContext context) {
    FieldErrors errors = new FieldErrors();
    String from = tag(c.from(), "from", errors);
    String to = tag(c.to(), "to", errors);
    if (errors.isEmpty() && from.equals(to)) {
      errors.add("to", "must differ from from");
    }
    return Results.then(
        errors.toResult(() -> to),
        target ->
            tickets
                .renameTag(from, target)
                .map(
                    n -> {
                      context
                          .effects()
                          .changed(
                              ENTITY,
                              from,
                              Map.of("tag", from),
                              Map.of("tag", target, "tickets", n));
                      return Result.ok(n);
                    }));
  }

  private static String tag(String raw, String field, FieldErrors errors) {
    if (raw == null || raw.isBlank()) {
      errors.add(field, "must name a tag");
      return "";
    }
    return switch (Tags.of(List.of(raw))) {
      case Result.Ok<Tags> ok -> ok.value().values().getFirst();
      case Result.Err<Tags> err -> {
        errors.add(field, "must be at most " + Tags.MAX_LENGTH + " characters");
        yield "";
      }
    };
  }
}
