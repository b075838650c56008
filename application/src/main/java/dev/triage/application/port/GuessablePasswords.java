package dev.triage.application.port;

import io.smallrye.mutiny.Uni;

/**
 * Tells passwords that attackers try first (the most common ones, dictionary words, keyboard rows,
 * repeats and sequences) from the rest, so no account gets one (ASVS V6.2.4). The estimate runs off
 * the event loop.
 */
public interface GuessablePasswords {

  /** True when {@code password} is among the first an attacker would try. */
  Uni<Boolean> guessable(String password);
}
