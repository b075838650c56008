package dev.triage.adapters.in.rest;

import dev.triage.domain.shared.Result;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** Maps a bus result to a response: the success mapping given, or the one problem mapping. */
public final class Responses {

  private Responses() {}

  public static <T> Response from(
      Result<T> result, String instance, Function<T, Response> onSuccess) {
    return switch (result) {
      case Result.Ok<T> ok -> onSuccess.apply(ok.value());
      case Result.Err<T> err -> Problems.of(err, instance);
    };
  }
}
