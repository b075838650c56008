package dev.triage.application.identity.apitoken;

import dev.triage.application.bus.Handler;
import dev.triage.application.bus.RequestContext;
import dev.triage.application.port.ApiTokens;
import dev.triage.domain.shared.Result;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** Lists every API token, newest first, secrets never included. */
public final class ListApiTokensHandler implements Handler<ListApiTokens, List<ApiTokenView>> {

  private final ApiTokens tokens;

  public ListApiTokensHandler(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public Uni<Result<List<ApiTokenView>>> handle(ListApiTokens query, RequestContext context) {
    return tokens
        .all()
        .map(
            all -> Result.ok(all.stream().map(t -> ApiTokenView.of(t, Optional.empty())).toList()));
  }
}
