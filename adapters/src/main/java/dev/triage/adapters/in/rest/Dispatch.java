package dev.triage.adapters.in.rest;

import dev.triage.application.Page;
import dev.triage.application.bus.Bus;
import dev.triage.application.bus.Query;
import dev.triage.application.bus.Request;
import dev.triage.domain.shared.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends a resource's request through the bus as the caller of the HTTP request, and turns the
 * result into the answer: a success as the resource says, a refusal as its problem document. What
 * every resource method does after reading its parameters, in one place.
 */
@ApplicationScoped
public class Dispatch {

  private final Bus bus;
  private final Callers callers;

  public Dispatch(Bus bus, Callers callers) {
    this.bus = bus;
    this.callers = callers;
  }

  /** {@code request} as the caller of {@code http}; a success becomes {@code answer}. */
  public <R> Uni<Response> send(
      Request<R> request, HttpServerRequest http, Function<R, Response> answer) {
    return callers
        .of(http)
        .flatMap(context -> bus.send(request, context))
        .map(result -> Responses.from(result, http.path(), answer));
  }

  /**
   * A command that names the version it expects: built from the parsed {@code If-Match}, or 412
   * when the header can name no version ({@code etagOf} says whose ETag it must be, as in "the
   * calendar's").
   */
  public <R> Uni<Response> versioned(
      HttpServerRequest http,
      String ifMatch,
      String etagOf,
      Function<Optional<Long>, ? extends Request<R>> command,
      Function<R, Response> answer) {
    Optional<Optional<Long>> version = IfMatch.parse(ifMatch);
    if (version.isEmpty()) {
      return Uni.createFrom()
          .item(
              Problems.of(
                  ErrorCode.VERSION_MISMATCH,
                  "If-Match must be " + etagOf + " ETag (its version), e.g. \"1\".",
                  http.path()));
    }
    return send(command.apply(version.get()), http, answer);
  }

  /** 400: the operation needs a JSON body and got none. */
  public static Uni<Response> missingBody(HttpServerRequest http) {
    return Uni.createFrom()
        .item(Problems.of(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.", http.path()));
  }

  /** A success is 200 with {@code body} of the value. */
  public <R> Uni<Response> ok(Request<R> request, HttpServerRequest http, Function<R, ?> body) {
    return send(request, http, value -> Response.ok(body.apply(value)).build());
  }

  /** A success is 204. */
  public <R> Uni<Response> noContent(Request<R> request, HttpServerRequest http) {
    return send(request, http, value -> Response.noContent().build());
  }

  /**
   * A keyset page: 200 with the body made of the items and the next page's cursor (null on the last
   * page), and a {@code Link} to the next page: this request's address with that cursor.
   */
  public <T> Uni<Response> page(
      Query<Page<T>> query,
      HttpServerRequest http,
      UriInfo uri,
      BiFunction<List<T>, String, ?> body) {
    return send(
        query,
        http,
        page -> {
          String next = page.next().map(Cursors::encode).orElse(null);
          Response.ResponseBuilder ok = Response.ok(body.apply(page.items(), next));
          if (next != null) {
            ok.header("Link", "<" + nextLink(uri, next) + ">; rel=\"next\"");
          }
          return ok.build();
        });
  }

  /** This request's address, relative, with {@code cursor} in place of its cursor. */
  public static String nextLink(UriInfo uri, String cursor) {
    URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build();
    return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
  }
}
