package dev.triage.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.domain.shared.ErrorCode;
import dev.triage.domain.shared.Result;

/** Assertions on the rejections use cases answer. */
public final class Rejections {

  private Rejections() {}

  /** Asserts that {@code result} is a rejection with {@code code}. */
  public static void assertRejected(Result<?> result, ErrorCode code) {
    assertThat(result)
        .isInstanceOfSatisfying(Result.Err.class, err -> assertThat(err.code()).isEqualTo(code));
  }
}
