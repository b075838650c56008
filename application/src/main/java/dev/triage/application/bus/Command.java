package dev.triage.application.bus;

/** A request that changes state; runs inside a transaction. Named in the imperative. */
public non-sealed interface Command<R> extends Request<R> {}
