package dev.triage.application.bus;

/** A request that only reads; never changes state. Named as a question. */
public non-sealed interface Query<R> extends Request<R> {}
