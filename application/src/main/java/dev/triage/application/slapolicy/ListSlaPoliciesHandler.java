package dev.triage.application.slapolicy;

import dev.triage.application.Page;
import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.SlaPolicies;
import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;
import dev.triage.domain.shared.Uuids;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads one page of policies in the order selection tries them (keyset on position and id): one
 * policy more than the limit tells whether another page follows, and the last one's position starts
 * the next page.
 */
public final class ListSlaPoliciesHandler implements Handler<ListSlaPolicies, Page<SlaPolicyView>> {

  private final SlaPolicies policies;

  public ListSlaPoliciesHandler(SlaPolicies policies) {
    this.policies = policies;
  }

  @Override
  public Uni<Result<Page<SlaPolicyView>>> handle(ListSlaPolicies query, RequestContext context) {
    Optional<SlaPolicies.Position> after = Optional.empty();
    if (query.after().isPresent()) {
      after = position(query.after().get());
      if (after.isEmpty()) {
        return Uni.createFrom()
            .item(Result.err(ErrorCode.MALFORMED_REQUEST, "The cursor is not valid."));
      }
    }
    return policies
        .page(after, query.limit() + 1)
        .map(
            rows ->
                Result.ok(
                    Page.of(rows, query.limit(), ListSlaPoliciesHandler::position)
                        .map(SlaPolicyView::of)));
  }

  /** The position of a policy as text: its position, then its id. */
  static String position(SlaPolicies.Stored policy) {
    return policy.version().definition().position() + "|" + policy.id();
  }

  static Optional<SlaPolicies.Position> position(String text) {
    int bar = text.indexOf('|');
    if (bar < 0) {
      return Optional.empty();
    }
    Optional<UUID> id = Uuids.parse(text.substring(bar + 1));
    int position;
    try {
      position = Integer.parseInt(text.substring(0, bar));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return id.map(uuid -> new SlaPolicies.Position(position, uuid));
  }
}
