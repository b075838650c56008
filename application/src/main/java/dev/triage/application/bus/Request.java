package dev.triage.application.bus;

/** Something the bus can run; {@code R} is the type of its successful answer. */
public sealed interface Request<R> permits Command, Query {}
