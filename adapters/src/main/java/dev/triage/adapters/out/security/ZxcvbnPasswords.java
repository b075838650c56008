package dev.triage.adapters.out.security;

import com.nulabinc.zxcvbn.Zxcvbn;
import dev.triage.application.port.GuessablePasswords;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link GuessablePasswords} by zxcvbn (Dropbox's estimator, Java port by nulab): a password it
 * expects to fall within 10^8 guesses (score 0 to 2: common passwords and their variants,
 * dictionary words, names, keyboard patterns, repeats, sequences, dates) is guessable. Its lists
 * ship inside the library; the estimate takes milliseconds to a few hundred for the longest
 * passwords, so it runs on a worker thread.
 */
@ApplicationScoped
public class ZxcvbnPasswords implements GuessablePasswords {

  /** zxcvbn's score 3: "safely unguessable" for an online attack, at least 10^8 guesses. */
  static final int LEAST_SCORE = 3;

  private final Zxcvbn zxcvbn = new Zxcvbn();

  @Override
  public Uni<Boolean> guessable(String password) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Uni.createFrom()
          .item(() -> guessableNow(password))
          .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
    return Uni.createFrom()
        .completionStage(
            () -> context.executeBlocking(() -> guessableNow(password), false).toCompletionStage());
  }

  boolean guessableNow(String password) {
    return zxcvbn.measure(password).getScore() < LEAST_SCORE;
  }
}
